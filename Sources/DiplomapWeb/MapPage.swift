import DiplomapCore
import DiplomapReport
import DiplomapWorkspace

/// The home page `/`: the filters, the dyad × issue heatmap whose rows and cells open the pairs' pages,
/// the region on a map, and the pattern sentences.
public struct MapPage: Sendable {
    public var built: BuiltMap
    public var registry: CountryRegistry
    /// Outlines for the geographic map; without them the page has no map.
    public var boundaries: WorldBoundaries?

    public init(built: BuiltMap, registry: CountryRegistry, boundaries: WorldBoundaries?) {
        self.built = built
        self.registry = registry
        self.boundaries = boundaries
    }

    /// The whole page.
    public func render() -> String {
        let map = built.map, request = built.request
        let links = WebPaths.links(request)
        let title = MapReport.title(map, registry)
        let geo = boundaries.map { GeoMap(map: map, registry: registry, boundaries: $0, links: links).render() } ?? ""
        let evidence = map.cells.reduce(0) { $0 + $1.counts.byPolarity.total }
        let heatmap = map.cells.isEmpty
            ? "<p class=\"empty-state\">No evidence matches these filters. <a href=\"/\">Reset the filters</a> or widen the period.</p>"
            : HeatmapTable(map: map, registry: registry, links: links).render()
        let main = """
        <div class="layout">
        <aside aria-labelledby="filters-title">\(FilterForm(request: request, registry: registry).render())</aside>
        <div class="content">
        <h1>\(HTML.escape(title))</h1>
        <p class="meta">\(evidence) pieces of evidence in \(map.cells.count) cells. \(HTML.escape(WebText.filters(request)))</p>
        <p class="lead">Pick a pair of states in the table, or a coloured cell, to read what they cooperate or conflict on and the evidence with its sources.</p>
        \(MapReport.legend)
        <section id="heatmap" aria-labelledby="heatmap-title"><h2 id="heatmap-title">Issues by pair of states</h2>
        \(HeatmapTable.note)
        \(heatmap)</section>
        \(geo.isEmpty ? "" : "<section id=\"map\" aria-labelledby=\"map-title\"><h2 id=\"map-title\">The region</h2>\(geo)\(GeoMap.key)<p class=\"note\">Lines join the states' capitals; colour is the pair's score over all issues (weighted by confidence), thickness its number of issues with evidence. Select a line to open the pair. Outlines: Natural Earth.</p></section>")
        \(PatternSection(patterns: built.patterns, registry: registry, links: links).render())
        </div>
        </div>
        """
        return PageLayout(title: title, request: request).render(main)
    }
}
