import DiplomapCore
@testable import DiplomapReport
import Testing

struct MapReportTests {
    func registry() throws -> CountryRegistry {
        let source = Citation(title: "t", address: "a")
        return try CountryRegistry(
            countries: [
                Country(iso3: "KAZ", name: "Republic of Kazakhstan", shortName: "Kazakhstan"),
                Country(iso3: "UZB", name: "Republic of Uzbekistan", shortName: "Uzbekistan"),
                Country(iso3: "TUR", name: "Republic of Türkiye", shortName: "Turkey"),
            ],
            groups: [Group(code: "C5", name: "Central Asia five", kind: .region, members: ["KAZ", "UZB"], citation: source)]
        )
    }

    func report(_ evidence: [Evidence]) throws -> String {
        let map = RelationMap(evidence: evidence, focus: ["C5", "KAZ", "UZB"], partners: ["TUR"])
        let sources = [StoredSource(source: EvidenceSource(id: "facts/t.yaml", kind: .fact, name: "t.yaml", sha256: String(repeating: "0", count: 64)), rowCount: evidence.count)]
        return MapReport(map: map, registry: try registry(), sources: sources, period: "dated 2019 to 2021", generated: "2026-11-28").render()
    }

    @Test func showsEveryPairAndLinksCellsToTheirEvidence() throws {
        let citation = Citation(title: "OTS summit", publisher: "Agency", address: "https://example.org/ots", published: PartialDate("2022-11"), locator: "paragraph 2", summary: "Turkey and the five met.")
        let html = try report([Evidence(kind: .fact, a: "C5", b: "TUR", issue: .multilateral, polarity: .cooperation, citation: citation)])
        for row in ["C5 – Turkey", "Kazakhstan – Turkey", "Uzbekistan – Turkey"] { #expect(html.contains(">\(row)</th>")) }
        #expect(html.contains("href=\"#cell-C5-TUR-political.multilateral\""))
        #expect(html.contains("id=\"cell-C5-TUR-political.multilateral\""))
        #expect(html.contains("<a href=\"https://example.org/ots\">OTS summit</a> · Agency · 2022-11 · paragraph 2"))
        #expect(html.contains("background:\(ScoreColor.background(score: 1))"))
        #expect(html.contains("<td>t.yaml</td><td>fact</td><td class=\"num\">1</td>"))
        #expect(!html.contains("<script"))
        #expect(html.contains("Period: dated 2019 to 2021."))
    }

    @Test func escapesEverythingFromSources() throws {
        let citation = Citation(title: "<script>alert(1)</script>", address: "javascript:alert(1)", summary: "A & B \"quoted\"")
        let html = try report([Evidence(kind: .fact, a: "KAZ", b: "TUR", issue: .trade, polarity: .conflict, citation: citation)])
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("href=\"javascript:"))
        #expect(html.contains("A &amp; B &quot;quoted&quot;"))
    }

    @Test func coloursCooperationBlueAndConflictOrange() {
        #expect(ScoreColor.background(score: 1) == "#2166ac")
        #expect(ScoreColor.background(score: -1) == "#b35806")
        #expect(ScoreColor.background(score: 0.01) == ScoreColor.neutral)
        #expect([1.0, -1.0, 0.0].map(ScoreColor.sign) == ["+", "−", "±"])
    }
}
