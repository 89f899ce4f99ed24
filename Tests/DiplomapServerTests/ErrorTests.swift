import DiplomapCore
import DiplomapExport
import DiplomapWorkspace
import Foundation
import HummingbirdTesting
import Testing

/// Every failure of the API answers with the JSON error body (pages answer with HTML: see PageTests).
@Suite struct ErrorTests {
    @Test func unknownRoutesAndMethods() async throws {
        try await withServer { client in
            for path in ["/api/v1/nothing", "/api/v2/map"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .notFound)
                    #expect(response.headers[.contentType] == "application/json")
                    #expect(response.errorMessage.contains(path))
                }
            }
            try await client.execute(uri: "/api/v1/map", method: .delete) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET, HEAD")
                #expect(response.errorMessage.contains("DELETE"))
            }
            try await client.execute(uri: "/api/v1/documents", method: .get) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "POST")
            }
            try await client.execute(uri: "/api/v1/issues", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.body.readableBytes == 0)
            }
        }
    }
}

/// The OpenAPI document says what the server does.
@Suite struct OpenAPITests {
    @Test func documentMatchesTheServer() async throws {
        try await withServer { client in
            try await client.execute(uri: "/api/v1/openapi.json", method: .get) { response in
                let document = response.object
                #expect(document["openapi"] as? String == "3.1.0")
                let paths = try #require(document["paths"] as? [String: [String: Any]])
                let expected = ["countries", "countries/{code}", "groups", "groups/{code}", "issues", "map", "patterns", "export", "dyads/{a}-{b}",
                                "dyads/{a}-{b}/evidence", "votes/agreement", "sources", "openapi.json", "status", "documents", "facts"]
                #expect(Set(paths.keys) == Set(expected.map { "/api/v1/" + $0 }))
                let map = try #require(paths["/api/v1/map"]?["get"] as? [String: Any])
                let names = (map["parameters"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
                #expect(names == MapRequest.parameterNames + ["evidence", "If-None-Match"])
                let export = try #require(paths["/api/v1/export"]?["get"] as? [String: Any])
                let format = (export["parameters"] as? [[String: Any]])?.first { $0["name"] as? String == "format" }
                #expect((format?["schema"] as? [String: Any])?["enum"] as? [String] == MapExport.Format.allCases.map(\.rawValue))
                let evidence = try #require(paths["/api/v1/dyads/{a}-{b}/evidence"]?["get"] as? [String: Any])
                let cursor = (evidence["parameters"] as? [[String: Any]])?.first { $0["name"] as? String == "cursor" }
                let pattern = try #require((cursor?["schema"] as? [String: Any])?["pattern"] as? String)
                // Every cursor the server gives matches the documented pattern.
                let regex = try Regex(pattern)
                for id: Int64 in [1, 255, 1 << 40, .max] { #expect(try regex.wholeMatch(in: String(id, radix: 16)) != nil) }
                let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]])
                let issue = try #require((schemas["Issue"]?["properties"] as? [String: [String: Any]])?["code"]?["enum"] as? [String])
                #expect(issue == Issue.allCases.map(\.code))
                let outcome = try #require((schemas["Import"]?["properties"] as? [String: [String: Any]])?["outcome"]?["enum"] as? [String])
                #expect(outcome == ImportRecord.Outcome.allCases.map(\.rawValue))
            }
        }
    }
}


@Suite struct StatusTests {
    @Test func aServerThatFollowsNoFeedSaysSo() async throws {
        try await withServer { client in
            try await client.execute(uri: "/api/v1/status", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(response.object.keys.sorted() == ["feed"])
                #expect(response.object["feed"] is NSNull)
            }
        }
    }
}
