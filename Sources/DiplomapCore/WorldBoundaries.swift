import Foundation

/// Country outlines (Natural Earth 1:110m) and capitals for drawing the map and exporting GeoJSON.
public struct WorldBoundaries: Sendable {
    /// A ring of (longitude, latitude) points.
    public typealias Ring = [(lon: Double, lat: Double)]
    /// Polygons of a state: outer ring first, then holes.
    public typealias Polygon = [Ring]

    /// Polygons per ISO3 code; states too small for the scale have none.
    public let polygons: [String: [Polygon]]

    /// Capitals, where the lines of a state start; states without one fall back to their centroid.
    public let capitals: Capitals

    /// Reads a GeoJSON FeatureCollection whose features carry an `iso3` property.
    public init(geoJSON data: Data, file: String, capitals: Capitals = Capitals()) throws {
        let root = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        guard let features = root?["features"] as? [[String: Any]] else {
            throw InputError(file: file, field: "features", message: "not a GeoJSON FeatureCollection")
        }
        var polygons: [String: [Polygon]] = [:]
        for feature in features {
            guard let iso3 = (feature["properties"] as? [String: Any])?["iso3"] as? String,
                  let geometry = feature["geometry"] as? [String: Any],
                  let type = geometry["type"] as? String, let coordinates = geometry["coordinates"] as? [Any]
            else { continue }
            let parts = type == "MultiPolygon" ? coordinates : [coordinates]
            polygons[iso3, default: []] += parts.compactMap { part in
                (part as? [[[Double]]])?.map { ring in ring.map { (lon: $0[0], lat: $0[1]) } }
            }
        }
        self.polygons = polygons
        self.capitals = capitals
    }

    /// Where a state's label and lines sit: its capital when known, else its centroid.
    public func anchor(_ iso3: String) -> (lon: Double, lat: Double)? {
        if let capital = capitals[iso3] { return (capital.lon, capital.lat) }
        return centroid(iso3)
    }

    /// Where a side of the map sits: a state's anchor, or for a group the mean of its members' anchors (those known).
    public func anchor(side code: String, registry: CountryRegistry) -> (lon: Double, lat: Double)? {
        guard let group = registry.group(code: code) else { return anchor(code) }
        let points = group.members.compactMap(anchor)
        guard !points.isEmpty else { return nil }
        let count = Double(points.count)
        return (points.reduce(0) { $0 + $1.lon } / count, points.reduce(0) { $0 + $1.lat } / count)
    }

    /// A point inside a state: the centroid of its largest outer ring.
    public func centroid(_ iso3: String) -> (lon: Double, lat: Double)? {
        guard let rings = polygons[iso3]?.compactMap(\.first), !rings.isEmpty else { return nil }
        let largest = rings.max { abs(Self.area($0)) < abs(Self.area($1)) }!
        let area = Self.area(largest)
        guard abs(area) > 1e-12 else { return largest.first }
        var x = 0.0, y = 0.0
        for (p, q) in zip(largest, largest.dropFirst() + [largest[0]]) {
            let cross = p.lon * q.lat - q.lon * p.lat
            x += (p.lon + q.lon) * cross
            y += (p.lat + q.lat) * cross
        }
        return (x / (6 * area), y / (6 * area))
    }

    /// Signed area of a ring in squared degrees (shoelace formula).
    static func area(_ ring: Ring) -> Double {
        zip(ring, ring.dropFirst() + [ring[0]]).reduce(0) { $0 + $1.0.lon * $1.1.lat - $1.1.lon * $1.0.lat } / 2
    }
}
