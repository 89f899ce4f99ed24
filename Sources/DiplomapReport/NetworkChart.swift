import DiplomapCore

/// The partners by issue as a network: partners on the left, the issues on the right, one edge for each partner × issue
/// whose pattern has a direction, coloured by that direction and as thick as the number of focus sides that agree in it.
///
/// A tangle of every dyad says little; this network shows on which issues each partner relates to the region, and
/// whether region-wide (solid) or with some states only (dashed). Nodes are drawn in the order of the map, so the
/// same data always gives the same file.
public struct NetworkChart: Sendable {
    public var map: RelationMap
    public var patterns: Patterns
    public var registry: CountryRegistry
    /// Where the pairs and cells lead: the report's anchors or the web app's pages.
    public var links: ReportLinks

    public init(map: RelationMap, patterns: Patterns, registry: CountryRegistry, links: ReportLinks = .inPage) {
        self.map = map
        self.patterns = patterns
        self.registry = registry
        self.links = links
    }

    /// The least strength (the mean colour intensity of the agreeing cells, see `ScoreColor.intensity`) an edge needs to be drawn.
    public static let minimumStrength = 0.5

    /// How well attested a pattern is: the mean intensity of the cells that agree in its direction, the group's included.
    func strength(_ pattern: Patterns.IssuePattern) -> Double {
        let sides = pattern.agreeing + (pattern.groupLevel ? [patterns.group].compactMap { $0 } : [])
        let values = sides.compactMap { map.cell(focus: $0, partner: pattern.partner, issue: pattern.issue) }.map(ScoreColor.intensity)
        return values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }

    /// The network as inline SVG with its key; empty without patterns.
    public func render() -> String {
        let directed = patterns.patterns.filter { ($0.reach == .regionWide || $0.reach == .specific) && $0.direction != .mixed }
        let shown = directed.filter { strength($0) >= Self.minimumStrength }
        guard !directed.isEmpty else { return "" }
        guard !shown.isEmpty else {
            return "<p class=\"note\">No partner–issue relation is attested well enough to draw; the \(directed.count) thinly attested ones "
                + "(single or undated pieces) are in the pattern table.</p>"
        }
        let issues = Issue.allCases.filter { issue in shown.contains { $0.issue == issue } }
        let partners = map.partners.filter { partner in shown.contains { $0.partner == partner } }
        let rowHeight = 26.0, width = 640.0, left = 180.0, right = width - 200
        let rows = max(issues.count, partners.count)
        let height = Double(rows) * rowHeight + 24
        func y(_ index: Int, of count: Int) -> Double { 22 + (Double(rows) * rowHeight - rowHeight) * (count > 1 ? Double(index) / Double(count - 1) : 0.5) }
        let sides = Double(patterns.states.count + (patterns.group == nil ? 0 : 1))
        var svg = "<svg class=\"network\" viewBox=\"0 0 \(SVG.number(width)) \(SVG.number(height))\" role=\"img\" aria-labelledby=\"network-title\">"
        svg += "<title id=\"network-title\">Partners by issue: an edge where the focus states' relation with the partner on the issue has a direction</title>"
        let ordered = shown.sorted { ($0.reach == .regionWide ? 1 : 0, $0.partner, $0.issue) < ($1.reach == .regionWide ? 1 : 0, $1.partner, $1.issue) }
        for pattern in ordered {
            guard let p = partners.firstIndex(of: pattern.partner), let i = issues.firstIndex(of: pattern.issue) else { continue }
            let agreeing = Double(pattern.agreeing.count + (pattern.groupLevel ? 1 : 0))
            let colour = ScoreColor.background(score: pattern.direction == .cooperation ? 0.85 : -0.85)
            let focus = pattern.groupLevel ? (patterns.group ?? pattern.agreeing.first ?? "") : (pattern.agreeing.first ?? "")
            let who = pattern.reach == .regionWide ? "region-wide" : "with \(pattern.agreeing.map(registry.displayName).joined(separator: ", "))"
            let tip = "\(registry.displayName(pattern.partner)) · \(pattern.issue.label): \(pattern.direction.rawValue), \(who)"
            svg += "<a href=\"\(HTML.escape(links.cell(focus, pattern.partner, pattern.issue)))\"><line x1=\"\(SVG.number(left))\" y1=\"\(SVG.number(y(p, of: partners.count)))\" "
            svg += "x2=\"\(SVG.number(right))\" y2=\"\(SVG.number(y(i, of: issues.count)))\" stroke=\"\(colour)\" stroke-width=\"\(SVG.number(1 + 5 * agreeing / max(1, sides)))\" "
            svg += pattern.reach == .specific ? "stroke-dasharray=\"5 4\" class=\"dyad\">" : "class=\"dyad\">"
            svg += "<title>\(HTML.escape(tip))</title></line></a>"
        }
        for (index, partner) in partners.enumerated() {
            let position = y(index, of: partners.count)
            svg += "<rect x=\"\(SVG.number(left - 6))\" y=\"\(SVG.number(position - 6))\" width=\"12\" height=\"12\" class=\"partner\"/>"
            svg += "<text x=\"\(SVG.number(left - 14))\" y=\"\(SVG.number(position + 4))\" text-anchor=\"end\">\(HTML.escape(registry.displayName(partner)))</text>"
        }
        for (index, issue) in issues.enumerated() {
            let position = y(index, of: issues.count)
            let count = shown.filter { $0.issue == issue }.count
            svg += "<circle cx=\"\(SVG.number(right))\" cy=\"\(SVG.number(position))\" r=\"5\" class=\"issue\"/>"
            svg += "<text x=\"\(SVG.number(right + 12))\" y=\"\(SVG.number(position + 4))\" class=\"issue\">\(HTML.escape(issue.label))</text>"
            svg += "<text x=\"\(SVG.number(width - 6))\" y=\"\(SVG.number(position + 4))\" text-anchor=\"end\" class=\"count\">\(count) of \(partners.count)</text>"
        }
        svg += "</svg>"
        let key = """
        <ul class="keys"><li><span class="key" style="background:#6a51a3"></span>partner</li><li><span class="key" style="background:#555;border-radius:50%"></span>issue \
        (at the right: how many partners it links)</li>\
        <li><span class="key" style="background:\(ScoreColor.background(score: 0.85))"></span>cooperation</li><li><span class="key" style="background:\(ScoreColor.background(score: -0.85))"></span>conflict</li>\
        <li>solid: region-wide; dashed: some states only; thickness: focus sides that agree</li></ul>
        <p class="note">Drawn: the \(shown.count) partner–issue relations whose agreeing cells are well attested (mean colour intensity at least \(Self.minimumStrength)); \
        \(directed.count - shown.count) thinly attested ones (single or undated pieces) are left out and stay in the pattern table.</p>
        """
        return svg + key
    }
}
