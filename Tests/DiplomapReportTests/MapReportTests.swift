import DiplomapCore
import Foundation
@testable import DiplomapReport
import Testing

struct MapReportTests {
    /// Three squares standing for Kazakhstan, Uzbekistan and Turkey, enough to draw a map.
    static let outlines = """
        {"type": "FeatureCollection", "features": [
          {"type": "Feature", "properties": {"iso3": "KAZ"}, "geometry": {"type": "Polygon", "coordinates": [[[50, 40], [80, 40], [80, 55], [50, 55], [50, 40]]]}},
          {"type": "Feature", "properties": {"iso3": "UZB"}, "geometry": {"type": "Polygon", "coordinates": [[[56, 37], [70, 37], [70, 45], [56, 45], [56, 37]]]}},
          {"type": "Feature", "properties": {"iso3": "TUR"}, "geometry": {"type": "MultiPolygon", "coordinates": [[[[26, 36], [44, 36], [44, 42], [26, 42], [26, 36]]]]}}
        ]}
        """

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
        let patterns = Patterns(map: map, group: "C5", states: ["KAZ", "UZB"])
        let boundaries = try WorldBoundaries(geoJSON: Data(Self.outlines.utf8), file: "outlines.geojson")
        return MapReport(map: map, patterns: patterns, registry: try registry(), boundaries: boundaries, sources: sources,
                         period: "dated 2019 to 2021", generated: "2026-11-28").render()
    }

    @Test func showsEveryPairAndLinksCellsToTheirEvidence() throws {
        let citation = Citation(title: "OTS summit", publisher: "Agency", address: "https://example.org/ots", published: PartialDate("2022-11"), locator: "paragraph 2", summary: "Turkey and the five met.")
        let html = try report([Evidence(kind: .fact, a: "C5", b: "TUR", issue: .multilateral, polarity: .cooperation, citation: citation)])
        for row in ["C5 – Turkey", "Kazakhstan – Turkey", "Uzbekistan – Turkey"] { #expect(html.contains(">\(row)</th>")) }
        #expect(html.contains("href=\"#cell-C5-TUR-political.multilateral\""))
        #expect(html.contains("id=\"cell-C5-TUR-political.multilateral\""))
        #expect(html.contains("<a href=\"https://example.org/ots\">OTS summit</a> · Agency · 2022-11 · paragraph 2"))
        #expect(html.contains("<svg class=\"geomap\"") && html.contains("<svg class=\"network\""))
        #expect(html.contains("cooperation on multilateral is region-wide (the C5 as a whole)"))
        #expect(html.contains("Relations of the Central Asia five (C5) with Turkey"))
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

struct AgreementChartTests {
    @Test func drawsOneLinePerPairOnASharedAxis() throws {
        let registry = try MapReportTests().registry()
        let series = [
            AgreementSeries(focus: "KAZ", partner: "TUR", points: [.init(year: 1992, agreement: 0.9, votes: 60), .init(year: 2002, agreement: 0.5, votes: 70)]),
            AgreementSeries(focus: "UZB", partner: "TUR", points: [.init(year: 1997, agreement: 1, votes: 50), .init(year: 2002, agreement: 0.8, votes: 70)]),
            AgreementSeries(focus: "UZB", partner: "KAZ", points: [.init(year: 1999, agreement: 1, votes: 50)]),
        ]
        let html = AgreementChart(series: series, registry: registry).render()
        #expect(html.components(separatedBy: "<polyline").count == 3)
        // The shared axis runs 1992–2002 over 352 units from x = 4; agreement 1 is y = 4 and 0 is y = 56.
        #expect(html.contains("points=\"4,9.2 356,30\""))
        #expect(html.contains("points=\"180,4 356,14.4\""))
        #expect(html.contains("0.80 in 2002") && html.contains("1992–2002"))
        #expect(AgreementChart(series: [], registry: registry).render().isEmpty)
    }
}
