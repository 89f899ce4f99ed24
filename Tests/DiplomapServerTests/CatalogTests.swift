import DiplomapCore
import DiplomapWorkspace
import Foundation
import HummingbirdTesting
import Testing

/// Countries, groups and issues: the registry and the taxonomy through the API.
@Suite struct CatalogTests {
    @Test func countriesListEveryStateAndSearch() async throws {
        let registry = try Workspace.registry()
        try await withServer { client in
            try await client.execute(uri: "/api/v1/countries", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                #expect(response.array.count == registry.countries.count)
            }
            try await client.execute(uri: "/api/v1/countries?q=stan", method: .get) { response in
                let codes = response.array.compactMap { $0["iso3"] as? String }
                #expect(Set(["KAZ", "KGZ", "TJK", "TKM", "UZB", "AFG", "PAK"]).isSubset(of: codes))
                #expect(!codes.contains("JPN"))
            }
            // A capital, and a FIPS code, resolve to their state.
            for query in ["Astana", "KS", "South+Korea"] {
                try await client.execute(uri: "/api/v1/countries?q=\(query)", method: .get) { response in
                    #expect(response.array.count == 1, "\(query)")
                }
            }
        }
    }

    @Test func oneCountryWithItsGroups() async throws {
        try await withServer { client in
            try await client.execute(uri: "/api/v1/countries/Nur-Sultan", method: .get) { response in
                let body = response.object
                let country = try #require(body["country"] as? [String: Any])
                #expect(country["iso3"] as? String == "KAZ")
                #expect((body["groups"] as? [String])?.contains("C5") == true)
            }
            try await client.execute(uri: "/api/v1/countries/Kazakstn", method: .get) { response in
                #expect(response.status == .notFound)
                let message = response.errorMessage
                #expect(message.contains("Kazakstn") && message.contains("did you mean") && message.contains("Kazakhstan"))
            }
        }
    }

    @Test func groupsAndIssues() async throws {
        try await withServer { client in
            try await client.execute(uri: "/api/v1/groups", method: .get) { response in
                #expect(response.array.contains { $0["code"] as? String == "C5" })
            }
            try await client.execute(uri: "/api/v1/groups/Central%20Asia", method: .get) { response in
                #expect(response.object["members"] as? [String] == ["KAZ", "KGZ", "TJK", "TKM", "UZB"])
            }
            try await client.execute(uri: "/api/v1/groups/KAZ", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.errorMessage.contains("not a group"))
            }
            try await client.execute(uri: "/api/v1/issues", method: .get) { response in
                #expect(response.array.compactMap { $0["code"] as? String } == Issue.allCases.map(\.code))
            }
        }
    }
}
