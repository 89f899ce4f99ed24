import DiplomapCore
import Foundation

/// The region drawn from Natural Earth outlines: focus states and partners shaded, a line per dyad
/// coloured by its score and as thick as its evidence is plentiful.
///
/// Lines join the states' capitals (the centroid of the largest outline where no capital is known);
/// a group side sits at the mean of its members' anchors and its lines are dashed.
public struct GeoMap: Sendable {
    public var map: RelationMap
    public var registry: CountryRegistry
    public var boundaries: WorldBoundaries
    /// Where the pairs and cells lead: the report's anchors or the web app's pages.
    public var links: ReportLinks
    let width = 920.0

    public init(map: RelationMap, registry: CountryRegistry, boundaries: WorldBoundaries, links: ReportLinks = .inPage) {
        self.map = map
        self.registry = registry
        self.boundaries = boundaries
        self.links = links
    }

    /// The map as inline SVG; empty when no side of the map has an outline.
    public func render() -> String {
        let states = Set(map.focus.flatMap(registry.members) + map.partners.flatMap(registry.members))
        let anchors = Dictionary(uniqueKeysWithValues: states.compactMap { code in boundaries.anchor(code).map { (code, $0) } })
        guard !anchors.isEmpty else { return "" }
        let lons = anchors.values.map(\.lon), lats = anchors.values.map(\.lat)
        let west = max(-180, lons.min()! - 12), east = min(180, lons.max()! + 12)
        let south = max(-60, lats.min()! - 10), north = min(85, lats.max()! + 10)
        let xScale = cos((north + south) / 2 * .pi / 180)
        let scale = width / ((east - west) * xScale)
        let height = (north - south) * scale
        func xy(_ place: (lon: Double, lat: Double)) -> (x: String, y: String) {
            (SVG.number((place.lon - west) * xScale * scale), SVG.number((north - place.lat) * scale))
        }

        var svg = "<svg class=\"geomap\" viewBox=\"0 0 \(SVG.number(width)) \(SVG.number(height))\" role=\"img\" aria-labelledby=\"geomap-title\">"
        svg += "<title id=\"geomap-title\">Map of the focus states, the partners and the relations between them</title>"
        svg += "<rect width=\"100%\" height=\"100%\" class=\"sea\"/>"
        let focusStates = Set(map.focus.flatMap(registry.members)), partnerStates = Set(map.partners.flatMap(registry.members))
        for (iso3, polygons) in boundaries.polygons.sorted(by: { $0.key < $1.key }) {
            let visible = polygons.filter { polygon in
                polygon.first?.contains { $0.lon >= west && $0.lon <= east && $0.lat >= south && $0.lat <= north } ?? false
            }
            guard !visible.isEmpty else { continue }
            let path = visible.flatMap { $0 }.map { ring in "M" + ring.map { let p = xy($0); return "\(p.x),\(p.y)" }.joined(separator: "L") + "Z" }.joined()
            let role = focusStates.contains(iso3) ? "focus" : partnerStates.contains(iso3) ? "partner" : "land"
            svg += "<path class=\"\(role)\" d=\"\(path)\"><title>\(HTML.escape(registry.displayName(iso3)))</title></path>"
        }
        let groups = Set(map.focus + map.partners).filter { registry.group(code: $0) != nil }
        let groupAnchors = Dictionary(uniqueKeysWithValues: groups.compactMap { code in boundaries.anchor(side: code, registry: registry).map { (code, $0) } })
        func place(_ code: String) -> (lon: Double, lat: Double)? { groupAnchors[code] ?? anchors[code] }
        let dyads = map.dyads.filter { place($0.focus) != nil && place($0.partner) != nil }
        let most = Double(dyads.map(\.evidence).max() ?? 1)
        for dyad in dyads.sorted(by: { $0.evidence < $1.evidence }) {
            let a = xy(place(dyad.focus)!), b = xy(place(dyad.partner)!)
            let ofGroup = groupAnchors[dyad.focus] != nil || groupAnchors[dyad.partner] != nil
            let tip = "\(registry.displayName(dyad.focus)) – \(registry.displayName(dyad.partner)): score \(String(format: "%+.2f", dyad.score)), \(dyad.evidence) pieces of evidence on \(dyad.issues) issues"
            svg += "<a href=\"\(HTML.escape(links.dyad(dyad.focus, dyad.partner)))\"><line x1=\"\(a.x)\" y1=\"\(a.y)\" x2=\"\(b.x)\" y2=\"\(b.y)\" "
            svg += "stroke=\"\(ScoreColor.background(score: dyad.score))\" stroke-width=\"\(SVG.number(1 + 6 * Double(dyad.evidence) / most))\" "
            svg += ofGroup ? "stroke-dasharray=\"6 4\" class=\"dyad group\">" : "class=\"dyad\">"
            svg += "<title>\(HTML.escape(tip))</title></line></a>"
        }
        for (code, anchor) in anchors.sorted(by: { $0.key < $1.key }) {
            let position = xy(anchor)
            svg += "<text x=\"\(position.x)\" y=\"\(position.y)\" class=\"label\">\(HTML.escape(registry.displayName(code)))</text>"
        }
        for (code, anchor) in groupAnchors.sorted(by: { $0.key < $1.key }) {
            let position = xy(anchor)
            svg += "<text x=\"\(position.x)\" y=\"\(position.y)\" class=\"label group\">\(HTML.escape(code))</text>"
        }
        return svg + "</svg>"
    }
}
