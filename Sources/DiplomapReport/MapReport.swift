import DiplomapCore

/// The self-contained HTML report of a relation map: a dyad × issue table coloured by score,
/// each cell linking to its evidence with summaries and citations.
///
/// No script and no network: the page opens from a file, prints, and every
/// claim in it leads to its source.
public struct MapReport: Sendable {
    public var map: RelationMap
    public var registry: CountryRegistry
    /// The sources the map was made from, for the data manifest.
    public var sources: [StoredSource]
    /// When the report was made, as it should be printed.
    public var generated: String

    public init(map: RelationMap, registry: CountryRegistry, sources: [StoredSource], generated: String) {
        self.map = map
        self.registry = registry
        self.sources = sources
        self.generated = generated
    }

    /// The whole page.
    public func render() -> String {
        let title = "Relations of \(map.focus.first.map(registry.displayName) ?? "") with \(map.partners.map(registry.displayName).joined(separator: ", "))"
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(title)) · diplomap</title>
        <style>\(Self.style)\(EventTimeline.style)</style>
        </head>
        <body>
        <header>
        <h1>\(HTML.escape(title))</h1>
        <p class="meta">Made by diplomap on \(HTML.escape(generated)) from \(sources.count) sources and \(sources.reduce(0) { $0 + $1.rowCount }) pieces of evidence. \
        Each cell shows the number of pieces of evidence and their balance: click it to read them.</p>
        \(legend)
        </header>
        <main>
        <h2>Issues by pair of states</h2>
        \(table)
        \(EventTimeline(map: map, registry: registry).html)
        <h2>Evidence</h2>
        \(evidenceSections)
        <h2>Sources</h2>
        \(manifest)
        </main>
        </body>
        </html>

        """
    }

    private var legend: String {
        let samples: [(Double, String)] = [(1, "cooperation"), (0.4, "mostly cooperation"), (0, "mixed or neutral"), (-0.4, "mostly conflict"), (-1, "conflict")]
        let items = samples.map { score, label in
            "<li><span class=\"swatch\" style=\"background:\(ScoreColor.background(score: score));color:\(ScoreColor.foreground(score: score))\">\(ScoreColor.sign(score: score))</span> \(label)</li>"
        }
        return "<ul class=\"legend\" aria-label=\"Legend\">\(items.joined())</ul>"
    }

    private var table: String {
        let domains = Domain.allCases.map { domain in
            (domain, Issue.allCases.filter { $0.domain == domain })
        }
        var html = "<div class=\"scroll\"><table class=\"heatmap\"><thead><tr><th rowspan=\"2\" scope=\"col\">Pair</th>"
        html += domains.map { "<th colspan=\"\($1.count)\" scope=\"colgroup\">\($0.label)</th>" }.joined()
        html += "</tr><tr>"
        html += Issue.allCases.map { "<th scope=\"col\" title=\"\(HTML.escape($0.summary))\"><span>\(HTML.escape($0.label))</span></th>" }.joined()
        html += "</tr></thead><tbody>"
        for partner in map.partners {
            for focus in map.focus where focus != partner {
                let group = registry.group(code: focus) != nil ? " class=\"group\"" : ""
                html += "<tr\(group)><th scope=\"row\">\(HTML.escape(pairLabel(focus, partner)))</th>"
                for issue in Issue.allCases {
                    html += cellHTML(map.cell(focus: focus, partner: partner, issue: issue), focus: focus, partner: partner, issue: issue)
                }
                html += "</tr>"
            }
        }
        return html + "</tbody></table></div>"
    }

    private func cellHTML(_ cell: RelationCell?, focus: String, partner: String, issue: Issue) -> String {
        guard let cell else { return "<td class=\"empty\"></td>" }
        let counts = cell.counts.byPolarity
        let tip = "\(pairLabel(focus, partner)) · \(issue.label): score \(formatted(cell.score)); \(counts.cooperation) cooperation, \(counts.conflict) conflict, \(counts.neutral) neutral"
        return "<td style=\"background:\(ScoreColor.background(score: cell.score));color:\(ScoreColor.foreground(score: cell.score))\">"
            + "<a href=\"#\(anchor(cell))\" title=\"\(HTML.escape(tip))\">\(ScoreColor.sign(score: cell.score))\(counts.total)</a></td>"
    }

    private var evidenceSections: String {
        guard !map.cells.isEmpty else { return "<p>No evidence for these states yet.</p>" }
        return map.cells.map { cell in
            let counts = cell.counts.byPolarity
            let items = cell.evidence.map(evidenceItem).joined()
            return """
            <section class="cell" id="\(anchor(cell))">
            <h3>\(HTML.escape(pairLabel(cell.focus, cell.partner))) · \(HTML.escape(cell.issue.label)) <code>\(cell.issue.code)</code></h3>
            <p class="meta">Score \(formatted(cell.score)): \(counts.cooperation) cooperation, \(counts.conflict) conflict, \(counts.neutral) neutral.</p>
            <ol>\(items)</ol>
            </section>
            """
        }.joined(separator: "\n")
    }

    private func evidenceItem(_ item: Evidence) -> String {
        let citation = item.citation
        var parts = ["<span class=\"polarity \(item.polarity.rawValue)\">\(item.polarity.rawValue)</span>"]
        parts.append("<span class=\"kind\">\(item.kind.rawValue)</span>")
        if let period = item.period {
            parts.append("<span class=\"date\">\(period.start)\(period.end.map { "–\($0)" } ?? "")</span>")
        }
        var body = parts.joined(separator: " ")
        if let summary = citation.summary { body += "<p>\(HTML.escape(summary))</p>" }
        if let quote = citation.quote { body += "<blockquote>\(HTML.escape(quote))</blockquote>" }
        var source = [HTML.link(citation.address, text: citation.title)]
        if let publisher = citation.publisher { source.append(HTML.escape(publisher)) }
        if let published = citation.published { source.append(published.description) }
        if let locator = citation.locator { source.append(HTML.escape(locator)) }
        if citation.address.hasPrefix("http") { source.append("<span class=\"address\">\(HTML.escape(citation.address))</span>") }
        body += "<p class=\"cite\">\(source.joined(separator: " · "))</p>"
        return "<li>\(body)</li>"
    }

    private var manifest: String {
        guard !sources.isEmpty else { return "<p>No sources loaded.</p>" }
        let rows = sources.map {
            "<tr><td>\(HTML.escape($0.source.name))</td><td>\($0.source.kind.rawValue)</td><td class=\"num\">\($0.rowCount)</td><td><code>\($0.source.sha256)</code></td></tr>"
        }
        return "<table class=\"manifest\"><thead><tr><th>Source</th><th>Kind</th><th>Rows</th><th>SHA-256</th></tr></thead><tbody>\(rows.joined())</tbody></table>"
    }

    private func pairLabel(_ focus: String, _ partner: String) -> String {
        "\(registry.displayName(focus)) – \(registry.displayName(partner))"
    }

    private func anchor(_ cell: RelationCell) -> String { "cell-\(cell.focus)-\(cell.partner)-\(cell.issue.code)" }

    private func formatted(_ score: Double) -> String {
        let rounded = (score * 100).rounded() / 100
        return (rounded > 0 ? "+" : "") + String(rounded)
    }

    private static let style = """
    body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1400px;padding:1rem 1.5rem;color:#111}
    h1{font-size:1.5rem;margin:.2rem 0}h2{margin-top:2rem;border-bottom:1px solid #ccc}
    .meta{color:#444}.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:1rem}
    .swatch{display:inline-block;width:1.6em;text-align:center;border:1px solid #999}
    .scroll{overflow-x:auto}table{border-collapse:collapse}
    .heatmap th,.heatmap td{border:1px solid #fff;padding:.15rem .3rem;font-size:.85rem}
    .heatmap thead th{background:#eee;font-weight:600}.heatmap tbody th{text-align:left;white-space:nowrap;background:#f4f4f4}
    .heatmap tr.group th{font-weight:700;border-top:2px solid #888}
    .heatmap td{min-width:2.2rem;text-align:center}.heatmap td.empty{background:#fafafa}
    .heatmap td a{color:inherit;text-decoration:none;display:block}
    .cell{border-left:4px solid #ccc;padding:.2rem .8rem;margin:1rem 0}.cell:target{border-color:#2166ac;background:#eef4fa}
    .polarity,.kind,.date{font-size:.8rem;padding:0 .3rem;border:1px solid #999;border-radius:3px}
    .cooperation{background:#d1e5f0}.conflict{background:#fddbc7}.neutral{background:#eee}
    .cite{font-size:.85rem;color:#333}.address{color:#555;word-break:break-all}blockquote{margin:.3rem 1rem;font-style:italic}
    .manifest td,.manifest th{border:1px solid #ccc;padding:.2rem .4rem;font-size:.85rem}.num{text-align:right}
    @media print{body{max-width:none;font-size:11px}.scroll{overflow:visible}.cell{break-inside:avoid}a{color:inherit}}
    """
}
