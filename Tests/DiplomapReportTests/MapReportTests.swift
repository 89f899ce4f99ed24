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

    func report(_ evidence: [Evidence], lastImport: ImportRecord? = nil) throws -> String {
        let map = RelationMap(evidence: evidence, focus: ["C5", "KAZ", "UZB"], partners: ["TUR"])
        let sources = [StoredSource(
            source: EvidenceSource(id: "facts/t.yaml", kind: .fact, name: "t.yaml", sha256: String(repeating: "0", count: 64)), rowCount: evidence.count,
            lastImport: lastImport)]
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
        #expect(html.contains("<svg class=\"geomap\""))
        // One undated fact is too thin for the network: it says so instead of drawing it.
        #expect(!html.contains("<svg class=\"network\"") && html.contains("the 1 thinly attested ones"))
        #expect(html.contains("Region-wide cooperation on <a href=\"#cell-C5-TUR-political.multilateral\">Multilateral (the C5 as a whole; thinly attested)</a>."))
        #expect(html.contains("Relations of the Central Asia five (C5) with Turkey"))
        // One undated fact: pale and marked, never the full colour of a certain +1.
        #expect(!html.contains("background-color:\(ScoreColor.background(score: 1));color:#ffffff\"><a href=\"#cell-C5-TUR"))
        #expect(html.contains("<td class=\"thin\""))
        #expect(html.contains("<td>t.yaml</td><td>fact</td><td class=\"num\">1</td>"))
        #expect(!html.contains("<script"))
        #expect(html.contains("Period: dated 2019 to 2021."))
    }

    @Test func theManifestShowsTheLedgersFilesAndCounts() throws {
        let item = Evidence(kind: .fact, a: "KAZ", b: "TUR", issue: .trade, polarity: .cooperation, citation: Citation(title: "t", address: "https://example.org"))
        let record = ImportRecord(
            sourceID: "facts/t.yaml", kind: .fact, files: [ImportRecord.File(name: "t.yaml", bytes: 1_234, sha256: String(repeating: "a", count: 64), damaged: true)],
            rowsRead: 10, rowsKept: 8, rowsMalformed: 2, evidenceRows: 1, outcome: .partial)
        let html = try report([item], lastImport: record)
        #expect(html.contains("<td class=\"num\">10 / 8 / 2</td><td>partial: rows of a damaged file kept</td>"))
        #expect(html.contains("t.yaml (1234 bytes, damaged) <code>\(String(repeating: "a", count: 64))</code>"))
        // Without a ledger record the source's own checksum is shown.
        #expect(try report([item]).contains("<code>\(String(repeating: "0", count: 64))</code>"))
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
        #expect([1.0, -1.0, 0.0, 0.1, -0.14].map(ScoreColor.sign) == ["+", "−", "", "", ""])
        #expect([1.0, -1.0, 0.42, -0.06, 0.999, 0.155].map(ScoreColor.label) == ["+1", "−1", "+.42", "0", "+1", "+.16"])
        // Intensity grows with the confidence: the same score is paler when less sure.
        #expect(ScoreColor.intensity(score: 1, confidence: 1) == 1)
        #expect(ScoreColor.intensity(score: 1, confidence: 0.2) < 0.5)
        #expect(ScoreColor.intensity(score: 0.1, confidence: 1) == 0)
    }

    func cell(_ evidence: [Evidence], issue: Issue = .trade) throws -> RelationCell {
        let map = RelationMap(evidence: evidence, focus: ["KAZ"], partners: ["TUR"])
        return try #require(map.cell(focus: "KAZ", partner: "TUR", issue: issue))
    }

    @Test func theHeatmapShowsTheScoreWithCountsOnlyAsDetail() throws {
        let dated = (2015...2018).map { year in
            Evidence(kind: .fact, a: "KAZ", b: "TUR", issue: .trade, polarity: .cooperation, period: Period(start: PartialDate(year: year)!), citation: Citation(title: "t", address: "a"))
        }
        let map = RelationMap(evidence: dated, focus: ["KAZ"], partners: ["TUR"])
        let html = HeatmapTable(map: map, registry: try registry()).render()
        #expect(html.contains("\">+1</a></td>"))
        #expect(!html.contains("\">+4"))
        #expect(html.contains("4 cited facts"))
        let cell = try cell(dated)
        #expect(!ScoreColor.isUnconfirmed(cell) && ScoreColor.intensity(cell) > ScoreColor.unconfirmedCeiling)
    }

    @Test func oneSentenceGivingTwoIssuesCountsOncePerIssueButMakesNoCellCertain() throws {
        let sentence = Citation(title: "A brief", address: "https://example.org/brief", quote: "Kazakhstan and Turkey work together on trade and energy.")
        let evidence = [Issue.trade, .energy].map { Evidence(kind: .document, a: "KAZ", b: "TUR", issue: $0, polarity: .cooperation, citation: sentence) }
        for issue in [Issue.trade, .energy] {
            let cell = try cell(evidence, issue: issue)
            #expect(cell.counts.byPolarity.total == 1)
            #expect(cell.confidence < 0.5)
            #expect(ScoreColor.intensity(cell) <= ScoreColor.unconfirmedCeiling)
            #expect(ScoreColor.background(cell) != ScoreColor.background(score: 1))
        }
    }

    @Test func aCellOfUNVotesAloneReadsAsAlignmentAndIsMarked() throws {
        let votes = (2010...2015).map { year in
            Evidence(kind: .vote, a: "KAZ", b: "TUR", issue: .nonproliferation, polarity: year < 2014 ? .conflict : .neutral, weight: 0.2,
                     period: Period(start: PartialDate(year: year)!, end: PartialDate(year: year)!), citation: Citation(title: "votes", address: "a"))
        }
        let cell = try cell(votes, issue: .nonproliferation)
        #expect(cell.basis == .votes)
        #expect(ReportNames.reading(cell) == "divergent in UN votes")
        #expect(ReportNames.evidenceDetail(cell).contains("one stream of 6 sessions"))
        let html = HeatmapTable(map: RelationMap(evidence: votes, focus: ["KAZ"], partners: ["TUR"]), registry: try registry()).render()
        #expect(html.contains("<td class=\"votes\" style=\"background-color:\(ScoreColor.votes);"))
        #expect(ScoreColor.background(cell) == ScoreColor.votes)
        #expect(html.contains("<span class=\"mark\">v</span>"))
        #expect(!html.contains("conflict,"))
        #expect(EvidenceSection.item(votes[0]).contains(">divergent</span>"))
    }

    @Test func anItemShowsEveryCitationOfItsFact() {
        let first = Citation(title: "Ministry page", publisher: "MFA", address: "https://mfa.example/visit", locator: "paragraph 2", summary: "Kazakhstan and Japan met.",
                             also: [Citation(title: "Wire <story>", publisher: "Agency", address: "https://wire.example/s", locator: "heading Talks", summary: "Tokyo hosted the talks.")])
        let item = EvidenceSection.item(Evidence(kind: .fact, a: "KAZ", b: "JPN", issue: .dialogue, polarity: .cooperation, citation: first))
        #expect(item.contains("href=\"https://mfa.example/visit\"") && item.contains("href=\"https://wire.example/s\""))
        #expect(item.contains("Also cited:") && item.contains("Wire &lt;story&gt;") && item.contains("heading Talks") && item.contains("Tokyo hosted the talks."))
        let alone = EvidenceSection.item(Evidence(kind: .fact, a: "KAZ", b: "JPN", issue: .dialogue, polarity: .cooperation, citation: Citation(title: "t", address: "https://a.example")))
        #expect(!alone.contains("Also cited"))
    }

    @Test func aRussianQuoteShowsWithItsDocumentAndLanguage() {
        let quote = "Япония и Казахстан договорились расширить торговлю."
        let citation = Citation(title: "talks-ru.txt", address: "/tmp/talks-ru.txt", locator: "bytes 0-92 of the text, in Russian", quote: quote)
        let item = EvidenceSection.item(Evidence(kind: .document, a: "JPN", b: "KAZ", issue: .trade, polarity: .cooperation, citation: citation))
        #expect(item.contains("<blockquote lang=\"ru\">\(quote)</blockquote>"))
        #expect(item.contains("talks-ru.txt") && item.contains("in Russian"))
        let english = EvidenceSection.item(Evidence(kind: .document, a: "JPN", b: "KAZ", issue: .trade, polarity: .cooperation,
                                                    citation: Citation(title: "t.txt", address: "/tmp/t.txt", quote: "Japan and Kazakhstan (Казахстан) agreed.")))
        #expect(english.contains("<blockquote>"))
    }

    @Test func addressesWrapAtTheirSeparators() {
        #expect(HTML.breakable("https://a.org/b-c?d=e&f") == "https:/<wbr>/<wbr>a.<wbr>org/<wbr>b-<wbr>c?<wbr>d=<wbr>e&amp;<wbr>f")
    }

    @Test func aShortTimelineKeepsItsScaleAndYearLabels() throws {
        let cell = try cell([Evidence(kind: .fact, a: "KAZ", b: "TUR", issue: .trade, polarity: .cooperation, period: Period(start: PartialDate(year: 2019)!), citation: Citation(title: "t", address: "a"))])
        let svg = TimelineChart(cells: [cell]).render()
        #expect(svg.contains("width=\"640\" viewBox=\"0 0 640 "))
        // The axis spans ten years up to 2019 with a label every two: 2010 … 2018, so a lone year is a narrow bar.
        #expect(svg.contains(">2010</text>") && svg.contains(">2018</text>"))
        #expect(svg.contains("width=\"58\""))
    }

    @Test func theSameMapGivesTheSameReport() throws {
        let evidence = ["KAZ", "UZB", "C5"].flatMap { side in
            [Issue.trade, .energy, .water].map { Evidence(kind: .fact, a: side, b: "TUR", issue: $0, polarity: .cooperation, period: Period(start: PartialDate(year: 2019)!), citation: Citation(title: "t", address: "a")) }
        }
        #expect(try report(evidence) == report(evidence))
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
        // A year axis over the charts: every second year of the ten, on the same scale (1994 at x = 74.4).
        #expect(html.contains("<svg class=\"years\"") && html.contains("x=\"74.4\" y=\"10\" text-anchor=\"middle\">1994</text>"))
        #expect(!html.contains(">1993</text>"))
        #expect(AgreementChart(series: [], registry: registry).render().isEmpty)
    }
}
