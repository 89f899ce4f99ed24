import HummingbirdTesting
import Testing

/// The HTML pages through the router: the three clicks from the map to a pair's cited evidence, and HTML errors off the API.
@Suite struct PageTests {
    @Test func fromTheMapToAPairsEvidence() async throws {
        try await withServer { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.text.contains("href=\"/dyad/UZB-KOR\""))
            }
            try await client.execute(uri: "/search?q=Uzbekistan+and+South+Korea", method: .get) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/dyad/UZB-KOR")
            }
            try await client.execute(uri: "/dyad/UZB-KOR?issues=security.defense", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("id=\"issue-security.defense\""))
                #expect(!response.text.contains("id=\"issue-economy.trade\""))
            }
            try await client.execute(uri: "/static/diplomap.css", method: .get) { response in
                #expect(response.headers[.contentType]?.hasPrefix("text/css") == true)
            }
        }
    }

    @Test func unknownPagesAreHTMLButTheAPIKeepsJSON() async throws {
        try await withServer { client in
            try await client.execute(uri: "/no/such/page", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            }
            try await client.execute(uri: "/api/v1/no-such-route", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.errorMessage.contains("no such resource"))
            }
            try await client.execute(uri: "/country/Atlantis", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/?since=yesterday", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("since"))
            }
            // A form writes a space as "+": the page reads and echoes the date as typed.
            try await client.execute(uri: "/?since=last+year", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("value=\"last year\"") && !response.text.contains("last+year"))
            }
        }
    }
}
