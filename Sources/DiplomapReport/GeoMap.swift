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
        // Thickness is the number of issues with evidence: a count of pieces would be a count of vote sessions and news months.
        let most = Double(dyads.map(\.issues).max() ?? 1)
        for dyad in dyads.sorted(by: { ($0.issues, $0.focus, $0.partner) < ($1.issues, $1.focus, $1.partner) }) {
            let a = xy(place(dyad.focus)!), b = xy(place(dyad.partner)!)
            let ofGroup = groupAnchors[dyad.focus] != nil || groupAnchors[dyad.partner] != nil
            let tip = "\(registry.displayName(dyad.focus)) – \(registry.displayName(dyad.partner)): score \(String(format: "%+.2f", dyad.score)), \(dyad.evidence) pieces of evidence on \(dyad.issues) issues"
            svg += "<a href=\"\(HTML.escape(links.dyad(dyad.focus, dyad.partner)))\"><line x1=\"\(a.x)\" y1=\"\(a.y)\" x2=\"\(b.x)\" y2=\"\(b.y)\" "
            svg += "stroke=\"\(ScoreColor.background(score: dyad.score))\" stroke-width=\"\(SVG.number(1 + 6 * Double(dyad.issues) / most))\" "
            svg += ofGroup ? "stroke-dasharray=\"6 4\" class=\"dyad group\">" : "class=\"dyad\">"
            svg += "<title>\(HTML.escape(tip))</title></line></a>"
        }
        func point(_ place: (lon: Double, lat: Double)) -> (x: Double, y: Double) { ((place.lon - west) * xScale * scale, (north - place.lat) * scale) }
        let wanted = anchors.sorted(by: { $0.key < $1.key }).map { code, anchor in
            MapLabel.Wanted(text: registry.displayName(code), anchor: point(anchor), isGroup: false)
        } + groupAnchors.sorted(by: { $0.key < $1.key }).map { code, anchor in MapLabel.Wanted(text: code, anchor: point(anchor), isGroup: true) }
        for (code, anchor) in anchors.sorted(by: { $0.key < $1.key }) {
            let p = point(anchor)
            let role = focusStates.contains(code) ? "focus" : "partner"
            svg += "<circle cx=\"\(SVG.number(p.x))\" cy=\"\(SVG.number(p.y))\" r=\"2.5\" class=\"capital \(role)\"/>"
        }
        for label in MapLabel.place(wanted, width: width, height: height) {
            if label.isMoved {
                svg += "<line x1=\"\(SVG.number(label.anchor.x))\" y1=\"\(SVG.number(label.anchor.y))\" x2=\"\(SVG.number(label.x))\" y2=\"\(SVG.number(label.box.maxY - 3))\" class=\"leader\"/>"
            }
            svg += "<text x=\"\(SVG.number(label.x))\" y=\"\(SVG.number(label.y))\" class=\"label\(label.isGroup ? " group" : "")\">\(HTML.escape(label.text))</text>"
        }
        return svg + "</svg>"
    }

    /// The map's key: the fills of focus states and partners lie outside the cooperation–conflict scale of the lines.
    public static var key: String {
        "<ul class=\"keys\" aria-label=\"Key of the map\"><li><span class=\"key\" style=\"background:#cfe3c8\"></span>focus state</li>"
            + "<li><span class=\"key\" style=\"background:#ddd3ea\"></span>partner</li>"
            + "<li><span class=\"key\" style=\"background:\(ScoreColor.background(score: 0.8))\"></span>line: cooperation</li>"
            + "<li><span class=\"key\" style=\"background:\(ScoreColor.background(score: -0.8))\"></span>line: conflict</li>"
            + "<li><span class=\"key\" style=\"background:\(ScoreColor.neutral)\"></span>line: no side</li><li>dashed: a group's lines</li></ul>"
    }

    /// Where the labels go on the map, none over another (for tests and for the SVG).
    public func labels() -> [MapLabel] {
        let svg = render()
        var labels: [MapLabel] = []
        for part in svg.components(separatedBy: "<text x=\"").dropFirst() {
            let fields = part.components(separatedBy: "\"")
            guard fields.count > 3, let x = Double(fields[0]), let y = Double(fields[2]),
                  let close = part.range(of: "</text>"), let open = part.range(of: ">") else { continue }
            let text = String(part[open.upperBound..<close.lowerBound])
            labels.append(MapLabel(text: text, anchor: (x, y), x: x, y: y, isGroup: part.contains("label group")))
        }
        return labels
    }
}

/// A label of the map: its text centred on `x` with its baseline at `y`, and the box it covers (in the map's coordinates).
public struct MapLabel: Sendable {
    /// A label to place near a point.
    struct Wanted {
        var text: String
        var anchor: (x: Double, y: Double)
        var isGroup: Bool
    }

    public var text: String
    /// The point the label names: a capital, a centroid or a group's mean.
    public var anchor: (x: Double, y: Double)
    public var x: Double
    public var y: Double
    public var isGroup: Bool

    /// The box the label's text covers, estimated generously for an 11-pixel bold font.
    public var box: (minX: Double, minY: Double, maxX: Double, maxY: Double) {
        let half = Self.width(text) / 2
        return (x - half, y - 11, x + half, y + 4)
    }

    /// Whether the label was moved away from its point, so that a leader line joins them.
    var isMoved: Bool { abs(x - anchor.x) > 1 || abs(y - 4 - anchor.y) > 16 }

    /// Whether two labels' boxes overlap.
    public func overlaps(_ other: MapLabel) -> Bool {
        let a = box, b = other.box
        return a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY
    }

    static func width(_ text: String) -> Double { Double(text.count) * 7.2 + 6 }

    /// Places the labels in order, each at the first of a ring of positions around its point that overlaps no label
    /// placed before it and stays on the map; states first, then groups.
    static func place(_ wanted: [Wanted], width: Double, height: Double) -> [MapLabel] {
        var placed: [MapLabel] = []
        let ordered = wanted.filter { !$0.isGroup } + wanted.filter(\.isGroup)
        for item in ordered {
            let half = Self.width(item.text) / 2
            var offsets: [(Double, Double)] = [(0, -5), (0, 15), (half + 6, 5), (-half - 6, 5)]
            for ring in 1...12 {
                let r = Double(ring) * 14
                offsets += [(0, -5 - r), (0, 15 + r), (half + 6 + r, 5), (-half - 6 - r, 5), (half + r, -5 - r), (-half - r, -5 - r), (half + r, 15 + r), (-half - r, 15 + r)]
            }
            var chosen: MapLabel?
            for (dx, dy) in offsets {
                let candidate = MapLabel(text: item.text, anchor: item.anchor, x: item.anchor.x + dx, y: item.anchor.y + dy, isGroup: item.isGroup)
                let box = candidate.box
                guard box.minX >= 0, box.maxX <= width, box.minY >= 0, box.maxY <= height else { continue }
                if !placed.contains(where: candidate.overlaps) { chosen = candidate; break }
            }
            placed.append(chosen ?? MapLabel(text: item.text, anchor: item.anchor, x: item.anchor.x, y: item.anchor.y - 5, isGroup: item.isGroup))
        }
        return placed
    }
}
