import DiplomapCore

/// The self-contained HTML report of a relation map: the region on a map, the dyad × issue heatmap,
/// the network, the patterns in sentences, per-dyad timelines and evidence, and the data manifest.
///
/// No script and no network: the page opens from a file, prints, and every
/// claim in it leads to its source.
public struct MapReport: Sendable {
    public var map: RelationMap
    public var patterns: Patterns
    public var registry: CountryRegistry
    /// Outlines for the geographic map; without them the report has no map.
    public var boundaries: WorldBoundaries?
    /// The sources the map was made from, for the data manifest.
    public var sources: [StoredSource]
    /// The period the map covers, in words.
    public var period: String
    /// UN vote agreement per pair and year, when the vote data is loaded.
    public var agreement: [AgreementSeries]
    /// When the report was made, as it should be printed.
    public var generated: String

    public init(
        map: RelationMap, patterns: Patterns, registry: CountryRegistry, boundaries: WorldBoundaries?,
        sources: [StoredSource], period: String, agreement: [AgreementSeries] = [], generated: String
    ) {
        self.map = map
        self.patterns = patterns
        self.registry = registry
        self.boundaries = boundaries
        self.sources = sources
        self.period = period
        self.agreement = agreement
        self.generated = generated
    }

    /// The whole page.
    public func render() -> String {
        let title = Self.title(map, registry)
        let geo = boundaries.map { GeoMap(map: map, registry: registry, boundaries: $0).render() } ?? ""
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(title)) · diplomap</title>
        <style>\(ReportStyle.css)\(EventTimeline.style)\(AgreementChart.style)</style>
        </head>
        <body>
        <header>
        <h1>\(HTML.escape(title))</h1>
        <p class="meta">Made by diplomap on \(HTML.escape(generated)): \(map.cells.reduce(0) { $0 + $1.counts.byPolarity.total }) pieces of evidence in the map's cells, \
        from a store of \(sources.count) sources and \(sources.reduce(0) { $0 + $1.rowCount }) pieces. Period: \(HTML.escape(period)).</p>
        <nav><a href="#map">Map</a> · <a href="#heatmap">Issues by pair</a> · <a href="#patterns">Patterns</a> · <a href="#network">Partners by issue</a> · \
        <a href="#dyads">Evidence by pair</a> · <a href="#sources">Sources</a></nav>
        \(Self.legend)
        </header>
        <main>
        \(geo.isEmpty ? "" : "<section id=\"map\"><h2>The region</h2>\(geo)\(GeoMap.key)<p class=\"note\">Lines join the states' capitals (a state's centroid where no capital is known); a group's dashed lines start at the mean of its members' capitals; colour is the pair's score over all issues (weighted by confidence), thickness its number of issues with evidence. Click a line for its evidence. Outlines and capitals: Natural Earth.</p></section>")
        <section id="heatmap"><h2>Issues by pair of states</h2>
        \(HeatmapTable.note)
        \(HeatmapTable(map: map, registry: registry).render())</section>
        \(PatternSection(patterns: patterns, registry: registry).render())
        <section id="network"><h2>Partners by issue</h2><p class="note">Which partner relates to the region on which issue, and in which direction: \
        an edge for each partner and issue where the focus states' cells share a direction (see Patterns); UN votes alone draw no edge. Click an edge for its evidence.</p>\
        \(NetworkChart(map: map, patterns: patterns, registry: registry).render())</section>
        \(EventTimeline(map: map, registry: registry).html)
        \(AgreementChart(series: agreement, registry: registry).render())
        \(EvidenceSection(map: map, registry: registry).render())
        <section id="sources"><h2>Sources</h2>\(manifest)</section>
        </main>
        </body>
        </html>

        """
    }

    /// "Relations of the Central Asia five (C5) with India, Japan": the map's sides in words.
    public static func title(_ map: RelationMap, _ registry: CountryRegistry) -> String {
        let focus = map.focus.first.map { code in registry.group(code: code).map { "the \($0.name) (\($0.code))" } ?? registry.displayName(code) } ?? ""
        return "Relations of \(focus) with \(map.partners.map(registry.displayName).joined(separator: ", "))"
    }

    /// The colour scale with its numbers, words and marks, so that colour is never the only cue.
    public static var legend: String { HeatmapTable.legend }

    /// Every source with its rows and, from the import ledger, the files it was read from (size and SHA-256), the rows
    /// read, kept and malformed, and whether a damaged file's rows are among them. No times: the same data gives the
    /// same report.
    private var manifest: String {
        guard !sources.isEmpty else { return "<p>No sources loaded.</p>" }
        let rows = sources.map { stored in
            let record = stored.lastImport
            let files = record.map { record in
                record.files.map { "\(HTML.escape($0.name)) (\($0.bytes) bytes\($0.damaged ? ", damaged" : "")) <code>\($0.sha256)</code>" }
                    .joined(separator: "<br>")
            }.flatMap { $0.isEmpty ? nil : $0 } ?? "<code>\(stored.source.sha256)</code>"
            let counts = record.map { "\($0.rowsRead) / \($0.rowsKept) / \($0.rowsMalformed)" } ?? ""
            let outcome = record.map { $0.outcome == .partial ? "partial: rows of a damaged file kept" : $0.outcome.rawValue } ?? ""
            return "<tr><td>\(HTML.escape(stored.source.name))</td><td>\(stored.source.kind.rawValue)</td><td class=\"num\">\(stored.rowCount)</td>"
                + "<td class=\"num\">\(counts)</td><td>\(outcome)</td><td>\(files)</td></tr>"
        }
        return "<p class=\"note\">Every source in the store, from its import ledger: the evidence rows, the rows read, kept and malformed, "
            + "and the files read with their size and SHA-256, so that the map can be reproduced.</p>"
            + "<table class=\"manifest\"><thead><tr><th>Source</th><th>Kind</th><th>Evidence rows</th><th>Read / kept / malformed</th><th>Import</th>"
            + "<th>Files and SHA-256</th></tr></thead><tbody>\(rows.joined())</tbody></table>"
    }
}
