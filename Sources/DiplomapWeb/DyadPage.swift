import DiplomapCore
import DiplomapReport
import DiplomapWorkspace

/// The page of one pair of states, `/dyad/{a}-{b}`: its score per issue with the basis and the counts by kind of source,
/// its timelines, its UN vote agreement, and every piece of evidence with its citation, grouped by issue.
public struct DyadPage: Sendable {
    /// The two sides as written in the address (a focus side first, as the map's rows have them).
    public var a: String
    public var b: String
    /// A map holding the pair's cells: the one `mapRequest(a:b:filters:)` asks for.
    public var map: RelationMap
    /// The filters of the view, carried by every link.
    public var request: MapRequest
    /// The pair's evidence to list: all of it, or one page of it.
    public var evidence: [Evidence]
    /// UN vote agreement of the pair per year, when the store has vote evidence.
    public var agreement: [AgreementSeries]
    /// The address of the next page of evidence, when there is one.
    public var nextPage: String?
    public var registry: CountryRegistry

    /// How many pieces of evidence a page lists.
    public static let pageSize = 200

    public init(
        a: String, b: String, map: RelationMap, request: MapRequest, evidence: [Evidence], agreement: [AgreementSeries] = [],
        nextPage: String? = nil, registry: CountryRegistry
    ) {
        self.a = a
        self.b = b
        self.map = map
        self.request = request
        self.evidence = evidence
        self.agreement = agreement
        self.nextPage = nextPage
        self.registry = registry
    }

    /// The map that holds the pair's cells: `a` as the focus, `b` as the partner, under the view's period, issues and kinds.
    public static func mapRequest(a: String, b: String, filters: MapRequest) -> MapRequest {
        MapRequest(focus: a, partners: b, window: filters.window, issues: filters.issues, kinds: filters.kinds)
    }

    /// The store query for the pair's evidence under the view's period, issues and kinds.
    public static func evidenceQuery(a: String, b: String, filters: MapRequest) -> EvidenceQuery {
        EvidenceQuery(dyad: Dyad(a, b), issues: filters.issues, kinds: filters.kinds, window: filters.window)
    }

    /// The pair's cells, in either orientation, in issue order.
    var cells: [RelationCell] {
        map.cells.filter { ($0.focus == a && $0.partner == b) || ($0.focus == b && $0.partner == a) }.sorted { $0.issue < $1.issue }
    }

    /// The whole page.
    public func render() -> String {
        let cells = cells
        let names = ReportNames.pair(a, b, registry)
        let title = "\(registry.displayName(a)) and \(registry.displayName(b))"
        var pairMap = map
        pairMap.cells = cells
        let total = cells.reduce(0) { $0 + $1.counts.byPolarity.total - $1.counts.vote.total }
        let sessions = cells.map(\.counts.vote.total).max() ?? 0
        let votes = sessions > 0 ? " and their UN votes (one stream per issue, up to \(sessions) sessions)" : ""
        let main = """
        <nav class="crumbs" aria-label="Breadcrumb"><a href="\(HTML.escape(WebPaths.map(request)))">Map</a> › <span aria-current="page">\(HTML.escape(names))</span></nav>
        <h1>\(HTML.escape(title))</h1>
        <p class="meta">\(total) pieces of evidence\(votes) on \(cells.count) issues. \(HTML.escape(WebText.filters(request)))</p>
        <p class="meta">About the states: \(countryLink(a)) · \(countryLink(b))</p>
        \(MapReport.legend)
        \(scores(cells))
        \(timelines(cells, pairMap))
        \(evidenceSection(cells))
        """
        return PageLayout(title: title, request: request).render(main)
    }

    private func countryLink(_ code: String) -> String {
        guard registry.country(iso3: code) != nil else { return HTML.escape(registry.group(code: code)?.name ?? code) }
        return "<a href=\"\(HTML.escape(WebPaths.country(code, request)))\">\(HTML.escape(registry.displayName(code)))</a>"
    }

    private func scores(_ cells: [RelationCell]) -> String {
        guard !cells.isEmpty else {
            return "<section id=\"issues\"><h2>Issues</h2><p class=\"empty-state\">No evidence for this pair under these filters. "
                + "<a href=\"\(HTML.escape(WebPaths.dyad(a, b, MapRequest())))\">See the pair without filters</a>.</p></section>"
        }
        let kinds = SourceKind.allCases.map { "<th scope=\"col\">\(FilterForm.kindLabel($0))</th>" }.joined()
        let rows = cells.map { cell in
            let byKind = SourceKind.allCases.map { "<td>\(Self.counts(cell.counts[$0], kind: $0))</td>" }.joined()
            return "<tr><th scope=\"row\"><a href=\"#\(WebPaths.issueAnchor(cell.issue))\">\(HTML.escape(cell.issue.label))</a></th>"
                + "<td class=\"score\(ScoreColor.isUnconfirmed(cell) ? " thin" : "")\(cell.basis == .votes ? " votes" : "")\" "
                + "style=\"background-color:\(ScoreColor.background(cell));color:\(ScoreColor.foreground(intensity: cell.basis == .votes ? 0 : ScoreColor.intensity(cell)))\">"
                + "\(ScoreColor.label(score: cell.score))</td><td>\(HTML.escape(ReportNames.reading(cell)))</td>"
                + "<td class=\"num\">\(ReportNames.percent(cell.confidence))</td><td>\(HTML.escape(cell.basis.label))\(ScoreColor.isUnconfirmed(cell) ? "; one piece or undated only" : "")</td>\(byKind)</tr>"
        }
        return """
        <section id="issues" aria-labelledby="issues-title"><h2 id="issues-title">What they cooperate and conflict on</h2>
        <p class="note">Score from −1 (conflict) to +1 (cooperation); confidence grows with independent evidence and with agreement across kinds of source. \
        Select an issue for its evidence.</p>
        <div class="scroll"><table class="scores"><caption class="visually-hidden">Score, confidence, basis and evidence counts by kind of source, per issue</caption>
        <thead><tr><th scope="col">Issue</th><th scope="col">Score</th><th scope="col">Reading</th><th scope="col">Confidence</th><th scope="col">Basis</th>\(kinds)</tr></thead>
        <tbody>\(rows.joined())</tbody></table></div></section>
        """
    }

    private func timelines(_ cells: [RelationCell], _ pairMap: RelationMap) -> String {
        let years = TimelineChart(cells: cells).render()
        let yearly = years.isEmpty ? "" : """
            <section id="years" aria-labelledby="years-title"><h2 id="years-title">Evidence per year</h2>
            <p class="note">Dated evidence per year: cooperation above the line, conflict below.</p>\(years)</section>
            """
        return yearly + EventTimeline(map: pairMap, registry: registry).html + AgreementChart(series: agreement, registry: registry).render()
    }

    private func evidenceSection(_ cells: [RelationCell]) -> String {
        let byIssue = Dictionary(grouping: evidence, by: \.issue)
        let issues = Set(byIssue.keys).union(cells.map(\.issue)).sorted()
        let sections = issues.map { issue -> String in
            let items = (byIssue[issue] ?? []).sorted(by: Self.newerFirst)
            let meta = cells.first { $0.issue == issue }.map { cell in
                "<p class=\"meta\">Score \(ReportNames.score(cell.score)), confidence \(ReportNames.percent(cell.confidence)), \(HTML.escape(cell.basis.label)).</p>"
            } ?? ""
            let list = items.isEmpty ? "<p>No evidence on this page; see the other pages.</p>" : "<ol>\(items.map(EvidenceSection.item).joined())</ol>"
            return "<section class=\"cell\" id=\"\(WebPaths.issueAnchor(issue))\"><h3>\(HTML.escape(issue.label)) <code>\(issue.code)</code></h3>\(meta)\(list)</section>"
        }
        let pager = nextPage.map { "<nav class=\"pager\" aria-label=\"Pages of evidence\"><a rel=\"next\" href=\"\(HTML.escape($0))\">Next page of evidence</a></nav>" } ?? ""
        return """
        <section id="evidence" aria-labelledby="evidence-title"><h2 id="evidence-title">Evidence</h2>
        <p class="note">\(evidence.count) pieces of evidence listed, newest first within each issue, each with its source.</p>
        \(sections.joined(separator: "\n"))\(pager)</section>
        """
    }

    /// "2 cooperation, 1 conflict" with the zero counts left out; a dash when there are none.
    static func counts(_ counts: PolarityCounts, kind: SourceKind = .fact) -> String {
        let words: [Polarity: String] = kind == .vote ? [.cooperation: "aligned", .conflict: "divergent", .neutral: "within baseline"] : [:]
        let parts = Polarity.allCases.filter { counts[$0] > 0 }.map { "\(counts[$0]) \(words[$0] ?? $0.rawValue)" }
        return parts.isEmpty ? "<span aria-label=\"none\">–</span>" : parts.joined(separator: ", ")
    }

    private static func newerFirst(_ x: Evidence, _ y: Evidence) -> Bool {
        switch (x.period?.start, y.period?.start) {
        case let (p?, q?): p > q
        case (.some, nil): true
        default: false
        }
    }
}
