import Foundation
import HummingbirdTesting
import Testing

/// The evidence of a pair, page by page with an opaque cursor.
@Suite struct EvidenceTests {
    @Test func pagesCoverEveryRowOnce() async throws {
        try await withServer { client in
            let all = try await client.execute(uri: "/api/v1/dyads/C5-JPN/evidence?limit=500", method: .get) { response in
                let page = response.object
                #expect(page["next"] is NSNull)
                return try #require(page["evidence"] as? [[String: Any]])
            }
            #expect(all.count > 5)
            var collected: [[String: Any]] = []
            var cursor: String?
            var pages = 0
            repeat {
                let uri = "/api/v1/dyads/C5-JPN/evidence?limit=2" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await client.execute(uri: uri, method: .get) { $0.object }
                let rows = try #require(page["evidence"] as? [[String: Any]])
                #expect(rows.count <= 2)
                collected += rows
                cursor = page["next"] as? String
                pages += 1
            } while cursor != nil && pages < 1000
            #expect(pages == (all.count + 1) / 2)
            #expect(collected.count == all.count)
            let addresses = { (rows: [[String: Any]]) in rows.map { (($0["citation"] as? [String: Any])?["locator"] as? String ?? "") + "\($0["issue"]!)" } }
            #expect(addresses(collected) == addresses(all))
        }
    }

    @Test func issueFilterAndBadParameters() async throws {
        try await withServer { client in
            try await client.execute(uri: "/api/v1/dyads/JPN-C5/evidence?issue=political.dialogue", method: .get) { response in
                let rows = try #require(response.object["evidence"] as? [[String: Any]])
                #expect(!rows.isEmpty && rows.allSatisfy { $0["issue"] as? String == "political.dialogue" })
            }
            for (query, parameter) in [("limit=0", "limit"), ("limit=many", "limit"), ("cursor=nonsense!", "cursor"), ("issue=trade", "issue")] {
                try await client.execute(uri: "/api/v1/dyads/C5-JPN/evidence?\(query)", method: .get) { response in
                    #expect(response.status == .badRequest)
                    #expect(response.errorMessage.hasPrefix("\(parameter):"), "\(query)")
                }
            }
        }
    }
}

/// UN vote agreement per year.
@Suite struct VoteTests {
    @Test func agreementPerYear() async throws {
        try await withServer { client in
            try await client.execute(uri: "/api/v1/votes/agreement?a=Kazakhstan&b=JPN", method: .get) { response in
                let body = response.object
                #expect(body["a"] as? String == "KAZ" && body["b"] as? String == "JPN")
                let years = try #require(body["years"] as? [[String: Any]])
                #expect(years.count > 20)
                #expect(years.compactMap { $0["year"] as? Int }.allSatisfy { (1992...2019).contains($0) })
                #expect(years.allSatisfy { ($0["agreement"] as? Double).map { (0...1).contains($0) } ?? true })
            }
            try await client.execute(uri: "/api/v1/votes/agreement?a=KAZ", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.errorMessage.hasPrefix("b:"))
            }
            try await client.execute(uri: "/api/v1/votes/agreement?a=Narnia&b=JPN", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
