import DiplomapCore
import DiplomapExport
import DiplomapWorkspace
import Foundation
import Hummingbird

/// Builds map, pattern, dyad and export bodies from the workspace, each once per canonical request until the next write.
final class MapService: Sendable {
    let workspace: Workspace
    private let boundaries: WorldBoundaries
    private let cache = ResponseCache()

    init(workspace: Workspace, boundaries: WorldBoundaries) {
        self.workspace = workspace
        self.boundaries = boundaries
    }

    /// The map document (`MapExport`'s JSON: focus, partners, cells, dyads, patterns), compact; with each cell's
    /// strongest evidence only when asked, since it makes the document ten times larger.
    func map(_ request: MapRequest, strongest: Bool) async throws -> Representation {
        try await cached(strongest ? "map.strongest" : "map", request) { built in
            let export = MapExport(map: built.map, patterns: built.patterns, registry: self.workspace.registry, boundaries: self.boundaries)
            return Representation(
                bytes: Array(try export.json(pretty: false, strongest: strongest).utf8), contentType: "application/json", cacheControl: Representation.dataCaching, compress: true)
        }
    }

    /// The patterns of the map a request selects.
    func patterns(_ request: MapRequest) async throws -> Representation {
        try await cached("patterns", request) { built in try Representation(json: built.patterns, compress: true) }
    }

    /// The map in an export format, with its media type and a file name to save it under.
    func export(_ request: MapRequest, format: MapExport.Format) async throws -> Representation {
        try await cached("export." + format.rawValue, request) { built in
            let export = MapExport(map: built.map, patterns: built.patterns, registry: self.workspace.registry, boundaries: self.boundaries)
            var representation = Representation(
                bytes: Array(try export.render(format).utf8), contentType: Self.mediaType(format), cacheControl: Representation.dataCaching, compress: true)
            representation.extraHeaders[.contentDisposition] = "attachment; filename=\"diplomap-map.\(format.rawValue)\""
            return representation
        }
    }

    /// One pair's cells (scores per issue, with their strongest evidence) and summary; `request` has the pair as focus and partner.
    func dyad(_ request: MapRequest) async throws -> Representation {
        try await cached("dyad", request) { built in
            let cells = built.map.cells.filter { $0.focus == built.map.focus[0] && $0.partner == built.map.partners[0] }
            let summary = built.map.dyads.first { $0.focus == built.map.focus[0] && $0.partner == built.map.partners[0] }
            return try Representation(json: DyadBody(a: built.map.focus[0], b: built.map.partners[0], summary: summary, cells: cells), compress: true)
        }
    }

    /// Forgets every built body: called after each write.
    func invalidate() {
        cache.invalidate()
    }

    /// The cached body for the endpoint and request, built from the map on a miss.
    private func cached(_ endpoint: String, _ request: MapRequest, build: @Sendable (BuiltMap) throws -> Representation) async throws -> Representation {
        let key = ResponseCache.Key(endpoint: endpoint, request: request)
        let (hit, generation) = cache.lookup(key)
        if let hit { return hit }
        let representation = try build(try await workspace.map(request))
        cache.store(representation, for: key, builtAt: generation)
        return representation
    }

    /// The media type of each export format.
    static func mediaType(_ format: MapExport.Format) -> String {
        switch format {
        case .csv: "text/csv; charset=utf-8"
        case .json: "application/json"
        case .graphml: "application/graphml+xml"
        case .gexf: "application/gexf+xml"
        case .geojson: "application/geo+json"
        }
    }
}

/// The body of `/dyads/{a}-{b}`: the pair's cells and its summary over all issues.
struct DyadBody: Encodable {
    var a: String
    var b: String
    var summary: DyadSummary?
    var cells: [RelationCell]
}
