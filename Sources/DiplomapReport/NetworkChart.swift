import DiplomapCore

/// The states as a network: focus sides in a column on the left, partners on the right, an edge per
/// dyad coloured by its score and as thick as its evidence is plentiful.
public struct NetworkChart: Sendable {
    public var map: RelationMap
    public var registry: CountryRegistry
    /// Where the pairs and cells lead: the report's anchors or the web app's pages.
    public var links: ReportLinks

    public init(map: RelationMap, registry: CountryRegistry, links: ReportLinks = .inPage) {
        self.map = map
        self.registry = registry
        self.links = links
    }

    /// The network as inline SVG; empty without dyads.
    public func render() -> String {
        let dyads = map.dyads
        guard !dyads.isEmpty else { return "" }
        let rowHeight = 34.0, width = 620.0, left = 170.0, right = width - 170
        let rows = max(map.focus.count, map.partners.count)
        let height = Double(rows) * rowHeight + 20
        func y(_ index: Int, of count: Int) -> Double { 20 + (Double(rows - count) / 2 + Double(index)) * rowHeight }
        let focusY = Dictionary(map.focus.enumerated().map { ($1, y($0, of: map.focus.count)) }, uniquingKeysWith: { a, _ in a })
        let partnerY = Dictionary(map.partners.enumerated().map { ($1, y($0, of: map.partners.count)) }, uniquingKeysWith: { a, _ in a })
        let most = Double(dyads.map(\.evidence).max() ?? 1)
        var svg = "<svg class=\"network\" viewBox=\"0 0 \(SVG.number(width)) \(SVG.number(height))\" role=\"img\" aria-labelledby=\"network-title\">"
        svg += "<title id=\"network-title\">Network of the focus sides and the partners; edges coloured by score</title>"
        for dyad in dyads.sorted(by: { $0.evidence < $1.evidence }) {
            guard let a = focusY[dyad.focus], let b = partnerY[dyad.partner] else { continue }
            let tip = "\(registry.displayName(dyad.focus)) – \(registry.displayName(dyad.partner)): score \(String(format: "%+.2f", dyad.score)), \(dyad.evidence) pieces of evidence"
            svg += "<a href=\"\(HTML.escape(links.dyad(dyad.focus, dyad.partner)))\"><line x1=\"\(SVG.number(left))\" y1=\"\(SVG.number(a))\" x2=\"\(SVG.number(right))\" y2=\"\(SVG.number(b))\" "
            svg += "stroke=\"\(ScoreColor.background(score: dyad.score))\" stroke-width=\"\(SVG.number(1 + 7 * Double(dyad.evidence) / most))\" class=\"dyad\"><title>\(HTML.escape(tip))</title></line></a>"
        }
        for (code, position) in focusY {
            svg += "<circle cx=\"\(SVG.number(left))\" cy=\"\(SVG.number(position))\" r=\"6\" class=\"focus\"/>"
            svg += "<text x=\"\(SVG.number(left - 12))\" y=\"\(SVG.number(position + 4))\" text-anchor=\"end\">\(HTML.escape(registry.displayName(code)))</text>"
        }
        for (code, position) in partnerY {
            svg += "<circle cx=\"\(SVG.number(right))\" cy=\"\(SVG.number(position))\" r=\"6\" class=\"partner\"/>"
            svg += "<text x=\"\(SVG.number(right + 12))\" y=\"\(SVG.number(position + 4))\">\(HTML.escape(registry.displayName(code)))</text>"
        }
        return svg + "</svg>"
    }
}
