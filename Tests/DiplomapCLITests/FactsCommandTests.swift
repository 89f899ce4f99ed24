import Foundation
import Testing

/// `diplomap facts check --strict`, `facts stats` and `facts list` on a small knowledge base written for each test.
struct FactsCommandTests {
    let cli = CommandLineTests()

    /// A fact between KAZ and JPN citing `addresses`, with an optional event key.
    static func fact(_ id: String, b: String = "JPN", issues: String = "political.dialogue", polarity: String = "cooperation", start: String,
                     event: String? = nil, addresses: [String]) -> String {
        var lines = ["  - id: \(id)", "    kind: summit"]
        if let event { lines.append("    event: \(event)") }
        lines += ["    a: [KAZ]", "    b: [\(b)]", "    issues: [\(issues)]", "    polarity: \(polarity)", "    start: \(start)", "    citations:"]
        for (index, address) in addresses.enumerated() {
            lines += ["      - title: Page \(index + 1)", "        publisher: Publisher", "        address: \(address)",
                      "        locator: paragraph \(index + 1)", "        summary: Kazakhstan and its partner met."]
        }
        return lines.joined(separator: "\n")
    }

    /// Writes `facts.yaml` with the facts and a `sources.yaml` listing blogspot.com into a fresh folder.
    func knowledgeBase(_ facts: [String]) throws -> URL {
        let base = cli.folder.appendingPathComponent("kb")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        try ("facts:\n" + facts.joined(separator: "\n") + "\n").write(to: base.appendingPathComponent("facts.yaml"), atomically: true, encoding: .utf8)
        try "domains:\n  - domain: blogspot.com\n    kind: blog\n    reason: personal blogs\n"
            .write(to: base.appendingPathComponent("sources.yaml"), atomically: true, encoding: .utf8)
        return base
    }

    @Test func strictTurnsAWeakSourceWarningIntoAFailure() async throws {
        let base = try knowledgeBase([
            Self.fact("kaz-jpn-blog", start: "2019", addresses: ["http://someone.blogspot.com/p"]),
            Self.fact("kaz-jpn-mofa", start: "2020", addresses: ["http://someone.blogspot.com/q", "https://www.mofa.go.jp/p"]),
        ])
        let file = base.appendingPathComponent("facts.yaml").path
        let lenient = try await cli.run(["facts", "check", base.path])
        #expect(lenient.status == 0 && lenient.stdout.contains("2 facts in 1 files: no problems found, 1 warnings"), "\(lenient.stdout)\(lenient.stderr)")
        #expect(lenient.stderr.contains("warning: \(file):2: citations: fact kaz-jpn-blog rests only on sources not acceptable alone: blogspot.com (blog: personal blogs)"))
        let strict = try await cli.run(["facts", "check", "--strict", base.path])
        #expect(strict.status != 0)
        #expect(strict.stderr.contains("\(file):2: citations: fact kaz-jpn-blog rests only"), "\(strict.stderr)")
        #expect(!strict.stderr.contains("kaz-jpn-mofa"))
    }

    @Test func aBareIPAddressFailsEvenWithoutStrict() async throws {
        let base = try knowledgeBase([Self.fact("kaz-jpn-ip", start: "2019", addresses: ["https://www.mofa.go.jp/p", "http://103.241.136.51/story"])])
        let result = try await cli.run(["facts", "check", base.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("facts.yaml:15: citations[2].address: a bare IP address (103.241.136.51)"), "\(result.stderr)")
    }

    @Test func statsCountsFactsEventsAndSourcesPerPair() async throws {
        let base = try knowledgeBase([
            Self.fact("kaz-jpn-visit-a", start: "2015-10-27", event: "kaz-jpn-visit-2015", addresses: ["https://a.org/1", "https://b.org/1"]),
            Self.fact("kaz-jpn-visit-b", issues: "resources.energy", start: "2015-10-27", event: "kaz-jpn-visit-2015", addresses: ["https://a.org/1"]),
            Self.fact("kaz-jpn-ban", issues: "economy.trade", polarity: "conflict", start: "2008", addresses: ["https://c.org/1"]),
            Self.fact("kaz-kor-visit", b: "KOR", start: "2019", addresses: ["https://d.org/1"]),
        ])
        let result = try await cli.run(["facts", "stats", base.path, "--by", "pair", "--focus", "KAZ,UZB", "--partners", "JPN,KOR", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            pair,issue,facts,events,issues,sources,conflict,oldest,newest
            KAZ-JPN,all,3,2,3,3,1,2008,2015-10-27
            UZB-JPN,all,0,0,0,0,0,,
            KAZ-KOR,all,1,1,1,1,0,2019,2019
            UZB-KOR,all,0,0,0,0,0,,

            """, "\(result.stdout)")
        let short = try await cli.run(["facts", "stats", base.path, "--by", "pair", "--focus", "KAZ,UZB", "--partners", "JPN,KOR", "--min-facts", "2", "--format", "csv"])
        #expect(short.stdout.split(separator: "\n").map { $0.prefix(7) } == ["pair,is", "UZB-JPN", "KAZ-KOR", "UZB-KOR"])
        #expect(short.stderr.contains("3 of 4 rows below 2 facts"))
        let perIssue = try await cli.run(["facts", "stats", base.path, "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(perIssue.stdout.utf8)) as? [[String: Any]])
        let dialogue = try #require(rows.first { $0["b"] as? String == "KAZ" && $0["issue"] as? String == "political.dialogue" })
        #expect(dialogue["facts"] as? Int == 1 && dialogue["sources"] as? Int == 2 && dialogue["a"] as? String == "JPN")
    }

    @Test func listShowsTheEventAndEveryCitedAddress() async throws {
        let base = try knowledgeBase([
            Self.fact("kaz-jpn-visit-a", start: "2015-10-27", event: "kaz-jpn-visit-2015", addresses: ["https://a.org/1", "https://b.org/1"]),
        ])
        let csv = try await cli.run(["facts", "list", base.path, "--format", "csv"])
        #expect(csv.stdout.hasPrefix("id,event,kind,a,b,issues,polarity,start,end,summary,addresses\n"), "\(csv.stdout)\(csv.stderr)")
        #expect(csv.stdout.contains("kaz-jpn-visit-a,kaz-jpn-visit-2015,summit,KAZ,JPN,political.dialogue,cooperation,2015-10-27,,"
            + "Kazakhstan and its partner met.,https://a.org/1 https://b.org/1"))
        let json = try await cli.run(["facts", "list", base.path, "--format", "json"])
        let facts = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let citations = try #require(facts.first?["citations"] as? [[String: Any]])
        #expect(citations.map { $0["locator"] as? String } == ["paragraph 1", "paragraph 2"])
        #expect(facts.first?["event"] as? String == "kaz-jpn-visit-2015")
    }

    @Test func aMembershipIsListedForItsStateAndGroupOnly() async throws {
        let membership = Self.fact("kaz-un-1992", b: "UN", issues: "political.multilateral", start: "1992-03-02", addresses: ["https://a.org/un"])
            .replacingOccurrences(of: "kind: summit", with: "kind: membership")
        let base = try knowledgeBase([membership, Self.fact("kaz-jpn-visit", start: "2019", addresses: ["https://a.org/v"])])
        let forPair = try await cli.run(["facts", "list", base.path, "--dyad", "KAZ-JPN", "--format", "csv"])
        #expect(forPair.status == 0, "\(forPair.stderr)")
        #expect(forPair.stdout.contains("\nkaz-jpn-visit,") && !forPair.stdout.contains("kaz-un-1992"), "\(forPair.stdout)")
        let forGroup = try await cli.run(["facts", "list", base.path, "--dyad", "KAZ-UN", "--format", "csv"])
        #expect(forGroup.stdout.contains("\nkaz-un-1992,") && !forGroup.stdout.contains("kaz-jpn-visit"), "\(forGroup.stdout)")
    }
}
