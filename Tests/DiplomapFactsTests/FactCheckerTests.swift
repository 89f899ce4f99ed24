import DiplomapCore
import DiplomapFacts
import Foundation
import Testing

struct FactCheckerTests {
    func contents(_ name: String, _ facts: [(Fact, Int)]) -> KnowledgeBase.FactFileContents {
        KnowledgeBase.FactFileContents(
            name: name, url: URL(fileURLWithPath: "/kb/\(name)"), sha256: String(repeating: "0", count: 64),
            entries: facts.map { LocatedFact(fact: $0.0, line: $0.1, summaryLine: $0.1 + 9) }
        )
    }

    func fact(_ id: String, a: [String] = ["KAZ"], b: [String] = ["JPN"], issues: [Issue] = [.dialogue], start: String = "2019", summary: String = "Kazakhstan and Japan met.") -> Fact {
        Fact(id: id, kind: .summit, a: a, b: b, issues: issues, polarity: .cooperation, period: Period(start: PartialDate(start)!),
             citation: Citation(title: "t", publisher: "p", address: "https://example.org", locator: "l", summary: summary))
    }

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
        #expect(findings.warnings.map(\.description) == ["/kb/a.yaml:39: summary: names none of JPN, KAZ by country, capital or demonym"])
    }
}
