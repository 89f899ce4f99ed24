import DiplomapCore
import Foundation

/// GeoJSON for QGIS: focus states and partners as polygons with their mean score and evidence,
/// dyads as lines between the states' capitals (centroids where no capital is known) with their
/// overall and per-issue scores.
///
/// A group side (the C5 as a whole) has no outline of its own; its lines start at the mean of its
/// members' anchors and say so in `focus_kind` / `partner_kind` (`group` or `state`).
struct GeoJSONExport {
    let export: MapExport

    func render() throws -> String {
        let map = export.map, registry = export.registry, boundaries = export.boundaries
        var features: [[String: Any]] = []
        let dyads = map.dyads
        let states = export.nodes.filter { registry.country(iso3: $0.code) != nil }
        for state in states {
            guard let polygons = boundaries.polygons[state.code] else { continue }
            let own = dyads.filter { $0.focus == state.code || $0.partner == state.code }
            let evidence = own.reduce(0) { $0 + $1.evidence }
            let score = evidence > 0 ? own.reduce(0) { $0 + $1.score * Double($1.evidence) } / Double(evidence) : 0
            features.append([
                "type": "Feature",
                "properties": ["iso3": state.code, "name": registry.displayName(state.code), "role": state.role, "score": rounded(score), "evidence": evidence],
                "geometry": ["type": "MultiPolygon", "coordinates": polygons.map { polygon in polygon.map { ring in ring.map { [$0.lon, $0.lat] } } }],
            ])
        }
        let cells = Dictionary(export.cellsByDyad.map { ("\($0.focus)|\($0.partner)", $0.cells) }, uniquingKeysWith: { first, _ in first })
        for dyad in dyads {
            guard let a = boundaries.anchor(side: dyad.focus, registry: registry),
                  let b = boundaries.anchor(side: dyad.partner, registry: registry) else { continue }
            func kind(_ code: String) -> String { registry.group(code: code) != nil ? "group" : "state" }
            var properties: [String: Any] = [
                "focus": dyad.focus, "partner": dyad.partner, "score": rounded(dyad.score), "evidence": dyad.evidence, "issues": dyad.issues,
                "focus_kind": kind(dyad.focus), "partner_kind": kind(dyad.partner),
            ]
            for cell in cells["\(dyad.focus)|\(dyad.partner)"] ?? [] { properties["score " + cell.issue.code] = rounded(cell.score) }
            features.append([
                "type": "Feature", "properties": properties,
                "geometry": ["type": "LineString", "coordinates": [[a.lon, a.lat], [b.lon, b.lat]]],
            ])
        }
        let data = try JSONSerialization.data(withJSONObject: ["type": "FeatureCollection", "features": features], options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
}
