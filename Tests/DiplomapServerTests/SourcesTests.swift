import Foundation
import HummingbirdTesting
import HTTPTypes
import Testing

/// `GET /api/v1/sources`: the store's import ledger, as `diplomap sources` lists it.
struct SourcesTests {
    @Test func theLedgerListsTheDefaultImportsAndAPostedFactFile() async throws {
        try await withServer { client in
            let before = try await client.execute(uri: "/api/v1/sources", method: .get) { response in
                #expect(response.status == .ok)
                return response.array
            }
            let votes = try #require(before.first { $0["sourceID"] as? String == "votes/unvotes" })
            let voteFiles = try #require(votes["files"] as? [[String: Any]])
            #expect(voteFiles.map { $0["name"] as? String } == ["roll_calls.csv.gz", "issues.csv.gz", "votes.csv.gz"])
            #expect(voteFiles.allSatisfy { ($0["sha256"] as? String)?.count == 64 && ($0["bytes"] as? Int ?? 0) > 0 && $0["damaged"] as? Bool == false })
            #expect(voteFiles.allSatisfy { ($0["md5"] as? String)?.wholeMatch(of: /[0-9a-f]{32}/) != nil }, "\(voteFiles)")
            #expect(votes["outcome"] as? String == "imported" && (votes["importedAt"] as? String)?.hasSuffix("Z") == true)
            let facts = before.filter { ($0["sourceID"] as? String)?.hasPrefix("facts/") == true }
            #expect(!facts.isEmpty && facts.allSatisfy { ($0["rowsRead"] as? Int ?? 0) > 0 && ($0["files"] as? [Any])?.count == 1 })

            let headers: HTTPFields = [.authorization: "Bearer secret", .contentType: "application/yaml"]
            try await client.execute(uri: "/api/v1/facts?name=a.yaml", method: .post, headers: headers, body: try fixture("partners.yaml")) { response in
                #expect(response.status == .created, "\(response.text)")
            }
            try await client.execute(uri: "/api/v1/sources?source=posted-facts/a.yaml", method: .get) { response in
                let imports = response.array
                #expect(imports.count == 1 && imports.first?["kind"] as? String == "fact" && (imports.first?["evidenceRows"] as? Int ?? 0) > 0)
            }
        }
    }
}
