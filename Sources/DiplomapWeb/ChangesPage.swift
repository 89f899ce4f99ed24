import DiplomapCore
import DiplomapReport
import DiplomapWorkspace

/// "What changed": the cells whose score moved between two dates, largest move first, each with the evidence that
/// entered or left the window, and the form that picks the dates and the smallest move.
public struct ChangesPage: Sendable {
    public var request: ChangesRequest
    public var changes: [CellChange]
    public var registry: CountryRegistry

    /// Pieces of evidence shown per cell and direction; the rest are counted.
    static let shown = 3

    public init(request: ChangesRequest, changes: [CellChange], registry: CountryRegistry) {
        self.request = request
        self.changes = changes
        self.registry = registry
    }

    /// The whole page.
    public func render() -> String {
        let dated = dyadRequest
        let rows = changes.map { change in
            let pair = ReportNames.pair(change.focus, change.partner, registry)
            let link = WebPaths.dyad(change.focus, change.partner, dated, issue: change.issue)
            return """
            <tr><th scope="row"><a href="\(HTML.escape(link))">\(HTML.escape(pair))</a></th><td>\(HTML.escape(change.issue.code))</td>\
            <td class="num">\(Self.score(change.before))</td><td class="num">\(Self.score(change.after))</td>\
            <td class="num">\(Self.move(change))</td><td>\(evidence(change))</td></tr>
            """
        }
        let table = changes.isEmpty
            ? "<p>No cell moved by \(Self.score(request.minDelta)) or more, and none turned, between \(request.from) and \(request.to).</p>"
            : """
            <table class="scores changes"><caption>\(changes.count) cells moved, largest move first</caption>
            <thead><tr><th scope="col">Pair</th><th scope="col">Issue</th><th scope="col">Score on \(request.from)</th>\
            <th scope="col">Score on \(request.to)</th><th scope="col">Move</th><th scope="col">Evidence that entered or left</th></tr></thead>
            <tbody>\(rows.joined(separator: "\n"))</tbody></table>
            """
        let main = """
        <nav class="crumbs" aria-label="Breadcrumb"><a href="\(HTML.escape(WebPaths.map(request.map)))">Map</a> › <span aria-current="page">What changed</span></nav>
        <h1>What changed between \(request.from) and \(request.to)</h1>
        <p>The map as it held on each date (durable relations then in force, point evidence of the \(request.map.window.lookBack) years before) \
        (\(HTML.escape(Self.sides(request, registry) + " " + WebText.selection(request.map)))): the cells whose score moved by \(Self.score(request.minDelta)) or more, or turned \
        between cooperation and conflict. <a href="\(HTML.escape(WebPaths.changesFeed(request)))" type="application/atom+xml">Subscribe to these changes (Atom)</a>.</p>
        \(form)
        \(table)
        """
        return PageLayout(title: "What changed", request: request.map).render(main)
    }

    /// The map's filters with the second date as the day the pair's page is read on.
    private var dyadRequest: MapRequest {
        var dated = request.map
        dated.window = TimeWindow(asOf: request.to, lookBack: request.map.window.lookBack)
        return dated
    }

    private var form: String {
        let hidden = request.map.queryItems.filter { !["since", "until", "as-of"].contains($0.name) }
            .map { "<input type=\"hidden\" name=\"\(HTML.escape($0.name))\" value=\"\(HTML.escape($0.value))\">" }.joined()
        return """
        <form class="changes-filter" method="get" action="/changes">\(hidden)
        <label for="changes-from">From</label> <input id="changes-from" name="from" value="\(request.from)" placeholder="YYYY-MM-DD" inputmode="numeric">
        <label for="changes-to">to</label> <input id="changes-to" name="to" value="\(request.to)" placeholder="YYYY-MM-DD" inputmode="numeric">
        <label for="changes-delta">smallest move</label> <input id="changes-delta" name="min-delta" value="\(Self.score(request.minDelta))" inputmode="decimal">
        <button type="submit">Show</button>
        </form>
        """
    }

    private func evidence(_ change: CellChange) -> String {
        func list(_ items: [Evidence], _ verb: String) -> String {
            guard !items.isEmpty else { return "" }
            let shown = items.prefix(Self.shown).map { "<li>\(HTML.link($0.citation.address, text: $0.citation.title))</li>" }.joined()
            let more = items.count > Self.shown ? "<li>and \(items.count - Self.shown) more</li>" : ""
            return "<p>\(items.count) \(verb):</p><ul>\(shown)\(more)</ul>"
        }
        let text = list(change.entered, "entered") + list(change.left, "left")
        return text.isEmpty ? "<p>Scored differently by the same evidence.</p>" : text
    }

    /// The rows and columns compared, in words: "Focus: C5. Partners: India, Japan."
    static func sides(_ request: ChangesRequest, _ registry: CountryRegistry) -> String {
        func names(_ list: String) -> String {
            ((try? registry.resolveList(list)) ?? []).map { registry.group(code: $0.code)?.code ?? registry.displayName($0.code) }.joined(separator: ", ")
        }
        return "Focus: \(names(request.map.focus)). Partners: \(names(request.map.partners))."
    }

    static func score(_ value: Double) -> String { String(format: "%.2f", value) }

    /// The move with its sign, and a note when the polarity turned.
    static func move(_ change: CellChange) -> String {
        (change.delta >= 0 ? "+" : "−") + score(abs(change.delta)) + (change.turned ? " (turned)" : "")
    }
}
