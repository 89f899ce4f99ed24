import DiplomapCore
import DiplomapExport
import DiplomapWorkspace
import Foundation
import HummingbirdTesting
import Testing

/// The map, its patterns, its exports and one pair, under the filters of `MapRequest`.
@Suite struct MapTests {
    @Test func defaultMapAndFilters() async throws {
        try await withServer { client in
            try await client.execute(uri: "/api/v1/map", method: .get) { response in
                #expect(response.status == .ok)
                let map = response.object
                #expect(map["partners"] as? [String] == ["IND", "JPN", "IRN", "TUR", "KOR"])
                #expect((map["focus"] as? [String])?.first == "C5")
                #expect((map["cells"] as? [[String: Any]])?.count ?? 0 > 20)
                #expect(map["patterns"] is [String: Any] && map["dyads"] is [[String: Any]])
            }
            try await client.execute(uri: "/api/v1/map?issues=economy.trade&partners=JPN,CHN", method: .get) { response in
                let cells = try #require(response.object["cells"] as? [[String: Any]])
                #expect(!cells.isEmpty)
                #expect(cells.allSatisfy { $0["issue"] as? String == "economy.trade" })
                #expect(Set(cells.compactMap { $0["partner"] as? String }).isSubset(of: ["JPN", "CHN"]))
            }
            try await client.execute(uri: "/api/v1/map?kinds=vote&focus=KAZ", method: .get) { response in
                let map = response.object
                #expect(map["focus"] as? [String] == ["KAZ"])
                let cells = try #require(map["cells"] as? [[String: Any]])
                #expect(!cells.isEmpty && cells.allSatisfy { $0["basis"] as? String == "votes" })
            }
            try await client.execute(uri: "/api/v1/map?until=1999", method: .get) { response in
                let cells = try #require(response.object["cells"] as? [[String: Any]])
                let years = cells.flatMap { ($0["timeline"] as? [[String: Any]] ?? []).compactMap { $0["year"] as? Int } }
                #expect(!years.isEmpty && years.allSatisfy { $0 <= 1999 })
            }
        }
    }

    @Test func strongestEvidenceOnlyWhenAsked() async throws {
        try await withServer { client in
            func strongest(_ response: TestResponse) -> [[Any]] {
                (response.object["cells"] as? [[String: Any]] ?? []).map { $0["strongest"] as? [Any] ?? [] }
            }
            let lean = try await client.execute(uri: "/api/v1/map", method: .get) { response in
                #expect(strongest(response).allSatisfy { $0.isEmpty })
                return response.body.readableBytes
            }
            try await client.execute(uri: "/api/v1/map?evidence=strongest", method: .get) { response in
                let lists = strongest(response)
                #expect(!lists.isEmpty && lists.allSatisfy { !$0.isEmpty })
                #expect(response.body.readableBytes > 3 * lean)
            }
            try await client.execute(uri: "/api/v1/map?evidence=all", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.errorMessage.hasPrefix("evidence"))
            }
        }
    }

    @Test(arguments: [
        ("issues=economy.nothing", 400, "issues:"),
        ("kinds=rumour", 400, "kinds:"),
        ("since=2020-13", 400, "since"),
        ("since=2020&until=2010", 400, "until"),
        ("partners=Narnia", 400, "partners: unknown"),
        ("focus=Narnia", 400, "focus: unknown"),
        ("focus=,", 400, "focus"),
    ])
    func badParametersAreNamed(query: String, status: Int, fragment: String) async throws {
        try await withServer { client in
            for path in ["map", "patterns", "export?format=csv&x=1"] {
                let separator = path.contains("?") ? "&" : "?"
                try await client.execute(uri: "/api/v1/\(path)\(separator)\(query)", method: .get) { response in
                    #expect(Int(response.status.code) == status, "\(path) \(query)")
                    #expect(response.errorMessage.contains(fragment), "\(path) \(query)")
                }
            }
        }
    }

    @Test func entityTagsAndCompression() async throws {
        try await withServer { client in
            let tag = try await client.execute(uri: "/api/v1/map?partners=JPN", method: .get) { response in
                #expect(response.headers[.cacheControl] == "no-cache")
                return try #require(response.headers[.eTag])
            }
            // The same filters written differently are the same request, with the same body.
            try await client.execute(uri: "/api/v1/map?partners=jpn&focus=C5", method: .get, headers: [.ifNoneMatch: tag]) { response in
                #expect(response.status == .notModified)
                #expect(response.body.readableBytes == 0)
                #expect(response.headers[.eTag] == tag)
            }
            try await client.execute(uri: "/api/v1/map?partners=JPN", method: .get, headers: [.ifNoneMatch: "\"other\""]) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/api/v1/map?partners=JPN", method: .get, headers: [.acceptEncoding: "gzip, deflate"]) { response in
                #expect(response.headers[.contentEncoding] == "gzip")
                #expect(response.headers[.eTag] != tag)
                #expect(Array(response.body.readableBytesView.prefix(2)) == [0x1f, 0x8b])
            }
            try await client.execute(uri: "/api/v1/issues", method: .get) { response in
                let issueTag = try #require(response.headers[.eTag])
                try await client.execute(uri: "/api/v1/issues", method: .get, headers: [.ifNoneMatch: "W/\"x\", \(issueTag)"]) { again in
                    #expect(again.status == .notModified)
                }
            }
        }
    }

    @Test func patternsAndExports() async throws {
        try await withServer { client in
            try await client.execute(uri: "/api/v1/patterns?partners=JPN,KOR", method: .get) { response in
                let patterns = response.object
                #expect(patterns["group"] as? String == "C5")
                #expect(patterns["partners"] as? [String] == ["JPN", "KOR"])
            }
            let types = ["csv": "text/csv; charset=utf-8", "json": "application/json", "graphml": "application/graphml+xml",
                         "gexf": "application/gexf+xml", "geojson": "application/geo+json"]
            for (format, type) in types {
                try await client.execute(uri: "/api/v1/export?format=\(format)&partners=JPN", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == type)
                    #expect(response.headers[.contentDisposition]?.contains("diplomap-map.\(format)") == true)
                }
            }
            try await client.execute(uri: "/api/v1/export?format=csv", method: .get) { response in
                #expect(response.text.split(separator: "\n").first.map(String.init) == MapExport.csvHeader.joined(separator: ","))
            }
            try await client.execute(uri: "/api/v1/export?format=pdf", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.errorMessage.hasPrefix("format:"))
            }
        }
    }

    @Test func onePair() async throws {
        try await withServer { client in
            try await client.execute(uri: "/api/v1/dyads/C5-JPN", method: .get) { response in
                let dyad = response.object
                #expect(dyad["a"] as? String == "C5" && dyad["b"] as? String == "JPN")
                let cells = try #require(dyad["cells"] as? [[String: Any]])
                #expect(!cells.isEmpty)
                #expect(cells.allSatisfy { $0["focus"] as? String == "C5" && $0["partner"] as? String == "JPN" })
                #expect((dyad["summary"] as? [String: Any])?["issues"] as? Int == cells.count)
            }
            try await client.execute(uri: "/api/v1/dyads/Kazakhstan-Japan?issues=economy.trade", method: .get) { response in
                let dyad = response.object
                #expect(dyad["a"] as? String == "KAZ")
                #expect((dyad["cells"] as? [[String: Any]])?.allSatisfy { $0["issue"] as? String == "economy.trade" } == true)
            }
            for (path, status) in [("KAZ", 400), ("KAZ-KAZ", 400), ("KAZ-JPN-CHN", 400), ("KAZ-Narnia", 404)] {
                try await client.execute(uri: "/api/v1/dyads/\(path)", method: .get) { response in
                    #expect(Int(response.status.code) == status, "\(path)")
                }
            }
        }
    }
}
