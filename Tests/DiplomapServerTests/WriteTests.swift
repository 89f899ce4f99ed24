import Foundation
import HummingbirdTesting
import HTTPTypes
import NIOCore
import Testing

/// Documents and fact files posted with the token, and shown in the map afterwards.
@Suite struct WriteTests {
    private let bearer: HTTPFields = [.authorization: "Bearer secret", .contentType: "application/json"]

    /// The evidence count of one cell of the default map, 0 when it has none.
    private func count(_ client: any TestClientProtocol, focus: String, partner: String, issue: String, kind: String) async throws -> Int {
        try await client.execute(uri: "/api/v1/map?focus=\(focus)&partners=\(partner)", method: .get) { response in
            let cells = try #require(response.object["cells"] as? [[String: Any]])
            let cell = cells.first { $0["focus"] as? String == focus && $0["partner"] as? String == partner && $0["issue"] as? String == issue }
            let counts = (cell?["counts"] as? [String: [String: Int]])?[kind] ?? [:]
            return counts.values.reduce(0, +)
        }
    }

    @Test func tokenIsRequired() async throws {
        try await withServer(token: nil) { client in
            try await client.execute(uri: "/api/v1/documents", method: .post, headers: bearer, body: try fixture("document.json")) { response in
                #expect(response.status == .forbidden)
                #expect(response.errorMessage.contains("writing is disabled"))
            }
        }
        try await withServer { client in
            try await client.execute(uri: "/api/v1/documents", method: .post, body: try fixture("document.json")) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == "Bearer")
            }
            for header in ["Bearer wrong", "Bearer secretx", "Basic c2VjcmV0", "secret"] {
                try await client.execute(uri: "/api/v1/facts?name=a.yaml", method: .post, headers: [.authorization: header], body: try fixture("partners.yaml")) { response in
                    #expect(response.status == .unauthorized, "\(header)")
                }
            }
        }
    }

    @Test func postedDocumentShowsInTheMapOnce() async throws {
        try await withServer { client in
            let before = try await count(client, focus: "TKM", partner: "KOR", issue: "economy.trade", kind: "document")
            let tag = try await client.execute(uri: "/api/v1/map?focus=TKM&partners=KOR", method: .get) { $0.headers[.eTag] }
            // The trade relations one posting states (a sentence each), the same both times.
            var trade: [Int] = []
            for _ in 1...2 {
                try await client.execute(uri: "/api/v1/documents", method: .post, headers: bearer, body: try fixture("document.json")) { response in
                    #expect(response.status == .created)
                    let body = response.object
                    let relations = try #require(body["relations"] as? [[String: Any]])
                    trade.append(relations.filter { Set([$0["a"] as? String, $0["b"] as? String]) == ["TKM", "KOR"] && $0["issue"] as? String == "economy.trade" }.count)
                    #expect((body["source"] as? [String: Any])?["name"] as? String == "A test note on Turkmenistan and South Korea")
                }
            }
            #expect(trade.count == 2 && trade[0] >= 1 && trade[0] == trade[1])
            // Posted twice, stored once; and the cached map was dropped.
            let after = try await count(client, focus: "TKM", partner: "KOR", issue: "economy.trade", kind: "document")
            #expect(after == before + trade[0])
            try await client.execute(uri: "/api/v1/map?focus=TKM&partners=KOR", method: .get) { response in
                #expect(response.headers[.eTag] != tag)
            }
            try await client.execute(uri: "/api/v1/dyads/TKM-KOR/evidence?issue=economy.trade", method: .get) { response in
                let rows = try #require(response.object["evidence"] as? [[String: Any]])
                let titles = rows.compactMap { ($0["citation"] as? [String: Any])?["title"] as? String }
                #expect(titles.filter { $0 == "A test note on Turkmenistan and South Korea" }.count == trade[0])
            }
        }
    }

    @Test func postedRussianDocumentIsReadInRussianAndQuotedWithItsLanguage() async throws {
        try await withServer { client in
            try await client.execute(uri: "/api/v1/documents", method: .post, headers: bearer, body: try fixture("document-ru.json")) { response in
                #expect(response.status == .created)
                let relations = try #require(response.object["relations"] as? [[String: Any]])
                let trade = relations.first { Set([$0["a"] as? String, $0["b"] as? String]) == ["TKM", "KOR"] && $0["issue"] as? String == "economy.trade" }
                #expect(trade?["language"] as? String == "ru")
                #expect(trade?["evidence"] as? String == "Туркменистан и Южная Корея договорились расширить взаимную торговлю.")
            }
            try await client.execute(uri: "/api/v1/dyads/TKM-KOR/evidence?issue=economy.trade", method: .get) { response in
                let rows = try #require(response.object["evidence"] as? [[String: Any]])
                let citation = try #require(rows.compactMap { $0["citation"] as? [String: Any] }.first { $0["title"] as? String == "Заметка о Туркменистане и Южной Корее" })
                #expect((citation["quote"] as? String)?.hasPrefix("Туркменистан и Южная Корея") == true)
                #expect((citation["locator"] as? String)?.hasSuffix(", in Russian") == true)
            }
        }
    }

    @Test func badDocuments() async throws {
        try await withServer(bodyLimit: 2000) { client in
            let cases: [(String, String)] = [
                (#"{"id": "x", "title": "t", "address": "a"}"#, "text"),
                (#"{"id": "x", "title": "t", "address": "a", "text": 3}"#, "text"),
                (#"{"id": " ", "title": "t", "address": "a", "text": "Japan."}"#, "id"),
                ("not json", "body"),
                (#"{"id": "x", "title": "t", "address": "a", "text": "Japan.", "lang": "xx"}"#, "lang"),
            ]
            for (body, field) in cases {
                try await client.execute(uri: "/api/v1/documents", method: .post, headers: bearer, body: ByteBuffer(string: body)) { response in
                    #expect(response.status == .badRequest, "\(body)")
                    #expect(response.errorMessage.contains(field), "\(body)")
                }
            }
            let large = #"{"id": "x", "title": "t", "address": "a", "text": ""# + String(repeating: "Japan. ", count: 500) + #""}"#
            try await client.execute(uri: "/api/v1/documents", method: .post, headers: bearer, body: ByteBuffer(string: large)) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.errorMessage.contains("2000"))
            }
        }
    }

    @Test(arguments: ["partners.yaml", "partners.json"])
    func postedFactsShowInTheMap(file: String) async throws {
        let (focus, partner, issue) = file.hasSuffix("yaml") ? ("TKM", "KOR", "resources.water") : ("KGZ", "TUR", "society.culture")
        try await withServer { client in
            let before = try await count(client, focus: focus, partner: partner, issue: issue, kind: "fact")
            for _ in 1...2 {
                try await client.execute(uri: "/api/v1/facts?name=\(file)", method: .post, headers: bearer, body: try fixture(file)) { response in
                    #expect(response.status == .created)
                    let body = response.object
                    #expect(body["facts"] as? Int == 1 && body["evidence"] as? Int == 1)
                    #expect((body["source"] as? [String: Any])?["id"] as? String == "posted-facts/\(file)")
                }
            }
            #expect(try await count(client, focus: focus, partner: partner, issue: issue, kind: "fact") == before + 1)
        }
    }

    @Test func aFactsFurtherSourcesComeWithItsEvidenceAndTheSourcePolicyApplies() async throws {
        let fact = """
            facts:
              - id: test-tjk-kor-two-sources
                kind: project
                event: test-tjk-kor-visit
                a: [TJK]
                b: [KOR]
                issues: [economy.development]
                polarity: cooperation
                start: 2024-06
                citations:
                  - title: A blog post
                    publisher: Someone
                    address: https://someone.blogspot.com/post
                    locator: paragraph 1
                    summary: Tajikistan and South Korea opened a clinic.
                  - title: A ministry page
                    publisher: A ministry
                    address: https://ministry.example.org/clinic
                    locator: heading Health
                    summary: Seoul funded a clinic in Dushanbe.
            """
        try await withServer { client in
            try await client.execute(uri: "/api/v1/facts?name=two.yaml", method: .post, headers: bearer, body: ByteBuffer(string: fact)) { response in
                #expect(response.status == .created)
                #expect(response.object["evidence"] as? Int == 1 && (response.object["warnings"] as? [Any])?.isEmpty == true)
            }
            try await client.execute(uri: "/api/v1/dyads/TJK-KOR/evidence?issue=economy.development&limit=500", method: .get) { response in
                let rows = try #require(response.object["evidence"] as? [[String: Any]])
                let row = try #require(rows.first { ($0["citation"] as? [String: Any])?["address"] as? String == "https://someone.blogspot.com/post" })
                let also = try #require((row["citation"] as? [String: Any])?["also"] as? [[String: Any]])
                #expect(also.map { $0["address"] as? String } == ["https://ministry.example.org/clinic"] && also.first?["locator"] as? String == "heading Health")
            }
            let blogOnly = fact.components(separatedBy: "\n").prefix(15).joined(separator: "\n").replacingOccurrences(of: "two-sources", with: "blog-only")
            try await client.execute(uri: "/api/v1/facts?name=blog.yaml", method: .post, headers: bearer, body: ByteBuffer(string: blogOnly)) { response in
                #expect(response.status == .created)
                let warnings = try #require(response.object["warnings"] as? [[String: Any]])
                #expect(warnings.contains { $0["field"] as? String == "citations" && ($0["message"] as? String)?.contains("blogspot.com") == true })
            }
            let bareIP = fact.replacingOccurrences(of: "https://ministry.example.org/clinic", with: "http://203.0.113.7/clinic")
            try await client.execute(uri: "/api/v1/facts?name=ip.yaml", method: .post, headers: bearer, body: ByteBuffer(string: bareIP)) { response in
                #expect(response.status == .badRequest)
                let problems = try #require(response.object["problems"] as? [[String: Any]])
                #expect(problems.contains { $0["field"] as? String == "citations[2].address" && $0["line"] as? Int == 16 })
            }
        }
    }

    @Test func brokenFactsAreRejectedWithLines() async throws {
        try await withServer { client in
            try await client.execute(uri: "/api/v1/facts?name=broken.yaml", method: .post, headers: bearer, body: try fixture("broken.yaml")) { response in
                #expect(response.status == .badRequest)
                let problems = try #require(response.object["problems"] as? [[String: Any]])
                #expect(problems.contains { $0["line"] as? Int == 5 && $0["field"] as? String == "b" })
                #expect(problems.contains { $0["line"] as? Int == 6 && $0["field"] as? String == "issues" })
            }
            try await client.execute(uri: "/api/v1/facts?name=empty.yaml", method: .post, headers: bearer, body: ByteBuffer(string: " \n")) { response in
                #expect(response.status == .badRequest)
                #expect(response.errorMessage.hasPrefix("body:"))
            }
            try await client.execute(uri: "/api/v1/facts?name=none.json", method: .post, headers: bearer, body: ByteBuffer(string: #"{"facts": []}"#)) { response in
                #expect(response.status == .badRequest)
                #expect(response.errorMessage.hasPrefix("facts:"))
            }
            try await client.execute(uri: "/api/v1/facts?name=../x", method: .post, headers: bearer, body: try fixture("partners.yaml")) { response in
                #expect(response.status == .badRequest)
                #expect(response.errorMessage.hasPrefix("name:"))
            }
            try await client.execute(uri: "/api/v1/map?focus=KAZ", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }
}

/// The server over a real socket on loopback.
@Suite struct LiveTests {
    @Test func servesOverLoopback() async throws {
        try await withServer(setup: .live) { client in
            #expect(client.port != nil && client.port != 0)
            try await client.execute(uri: "/api/v1/dyads/C5-JPN", method: .get, headers: [.acceptEncoding: "gzip"]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentEncoding] == "gzip")
            }
            try await client.execute(uri: "/api/v1/nothing", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.errorMessage.contains("/api/v1/nothing"))
            }
        }
    }
}
