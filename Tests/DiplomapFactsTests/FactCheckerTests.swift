import DiplomapCore
import DiplomapFacts
import Foundation
import Testing

struct FactCheckerTests {
    func contents(_ name: String, _ facts: [(Fact, Int)]) -> KnowledgeBase.FactFileContents {
        KnowledgeBase.FactFileContents(
            name: name, url: URL(fileURLWithPath: "/kb/\(name)"), sha256: String(repeating: "0", count: 64),
            entries: facts.map { entry in
                LocatedFact(
                    fact: entry.0, line: entry.1,
                    citationLines: entry.0.citations.indices.map { entry.1 + 8 + 6 * $0 }, summaryLines: entry.0.citations.indices.map { entry.1 + 13 + 6 * $0 }
                )
            }
        )
    }

    func fact(
        _ id: String, a: [String] = ["KAZ"], b: [String] = ["JPN"], issues: [Issue] = [.dialogue], start: String = "2019",
        summary: String = "Kazakhstan and Japan met.", addresses: [String] = ["https://example.org"]
    ) -> Fact {
        Fact(id: id, kind: .summit, a: a, b: b, issues: issues, polarity: .cooperation, period: Period(start: PartialDate(start)!),
             citations: addresses.map { Citation(title: "t", publisher: "p", address: $0, locator: "l", summary: summary) })
    }

    static let policy = SourcePolicy(domains: [
        .init(domain: "blogspot.com", kind: .blog, reason: "personal blogs"),
        .init(domain: "wikimili.com", kind: .wikiMirror, reason: "a copy of Wikipedia"),
    ])

    @Test func theSameRelationTwiceIsAnErrorAtTheSecond() throws {
        let findings = FactChecker.check([
            contents("a.yaml", [(fact("one"), 2), (fact("other-year", start: "2020"), 16)]),
            contents("b.yaml", [(fact("two", a: ["JPN"], b: ["KAZ"]), 2), (fact("more-issues", issues: [.dialogue, .trade]), 16)]),
        ], registry: try TestRegistry.make())
        #expect(findings.errors.map(\.description) == [
            "/kb/b.yaml:2: id: fact two records the same relation as one (/kb/a.yaml:2): same kind, sides, issues, polarity and start",
        ])
    }

    @Test func aSummaryThatNamesNeitherSideIsAWarning() throws {
        let findings = FactChecker.check([
            contents("a.yaml", [
                (fact("named-by-capital", summary: "Talks in Tokyo went well."), 2),
                (fact("named-by-demonym", start: "2020", summary: "Kazakh officials agreed."), 16),
                (fact("unnamed", start: "2021", summary: "The two leaders met and agreed."), 30),
                (fact("group", a: ["C5"], start: "2022", summary: "The Central Asian states met."), 44),
            ]),
        ], registry: try TestRegistry.make())
        #expect(findings.errors.isEmpty)
        #expect(findings.warnings.map(\.description) == ["/kb/a.yaml:43: citations[1].summary: names none of JPN, KAZ by country, capital or demonym"])
    }

    @Test func aFactRestingOnlyOnListedDomainsIsAWarningAndOneGoodSourceIsEnough() throws {
        let findings = FactChecker.check([
            contents("a.yaml", [
                (fact("blog-only", addresses: ["http://someone.blogspot.com/p"]), 2),
                (fact("blog-and-mirror", start: "2020", addresses: ["http://someone.blogspot.com/p", "https://wikimili.com/en/X", "https://x.blogspot.com/q"]), 16),
                (fact("blog-and-ministry", start: "2021", addresses: ["http://someone.blogspot.com/p", "https://www.mofa.go.jp/p"]), 40),
                (fact("ministry", start: "2022", addresses: ["https://www.mofa.go.jp/p"]), 54),
            ]),
        ], registry: try TestRegistry.make(), policy: Self.policy)
        #expect(findings.errors.isEmpty)
        #expect(findings.warnings.map(\.description) == [
            "/kb/a.yaml:2: citations: fact blog-only rests only on sources not acceptable alone: blogspot.com (blog: personal blogs); add a primary or reputable source",
            "/kb/a.yaml:16: citations: fact blog-and-mirror rests only on sources not acceptable alone: blogspot.com (blog: personal blogs); "
                + "wikimili.com (wiki-mirror: a copy of Wikipedia); add a primary or reputable source",
        ])
    }

    @Test func aBareIPOrANonWebAddressIsAnErrorAtItsCitation() throws {
        let findings = FactChecker.check([
            contents("a.yaml", [
                (fact("ip", addresses: ["https://www.mofa.go.jp/p", "http://103.241.136.51/india/story"]), 2),
                (fact("file", start: "2020", addresses: ["paper.pdf"]), 30),
            ]),
        ], registry: try TestRegistry.make(), policy: Self.policy)
        #expect(findings.errors.map(\.description) == [
            "/kb/a.yaml:16: citations[2].address: a bare IP address (103.241.136.51) is not the publisher's canonical address",
            "/kb/a.yaml:38: citations[1].address: not a web address: paper.pdf",
        ])
        #expect(findings.warnings.isEmpty)
    }

    @Test func theFirstSummaryMustNameASideAndTheOthersMayLeanOnIt() throws {
        var second = fact("second-unnamed", addresses: ["https://example.org/1", "https://example.org/2"])
        second.citations[1].summary = "The leaders met."
        #expect(FactChecker.check([contents("a.yaml", [(second, 2)])], registry: try TestRegistry.make()).warnings.isEmpty)
        var first = second
        first.citations.swapAt(0, 1)
        let findings = FactChecker.check([contents("b.yaml", [(first, 2)])], registry: try TestRegistry.make())
        #expect(findings.warnings.map(\.description) == ["/kb/b.yaml:15: citations[1].summary: names none of JPN, KAZ by country, capital or demonym"])
    }
}
