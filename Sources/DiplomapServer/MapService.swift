import DiplomapCore
import DiplomapExport
import DiplomapWorkspace
import Foundation
import Hummingbird

/// Builds map, pattern, dyad and export bodies from the workspace's maps, each once per canonical request until
/// the workspace sees a write (its generation moves on).
final class MapService: Sendable {
    let workspace: Workspace
    let boundaries: WorldBoundaries
    private let cache: ResponseCache

    init(workspace: Workspace, boundaries: WorldBoundaries) {
        self.workspace = workspace
        self.boundaries = boundaries
        cache = ResponseCache { [workspace] in workspace.generation }
    }

    /// The body a read asks for, built from the map on a miss.
    func body(_ read: MapRead) async throws -> Representation {
        try await cached(read.key, read.request) { built in
            let export = MapExport(map: built.map, patterns: built.patterns, registry: self.workspace.registry, boundaries: self.boundaries)
            switch read.body {
            case .map(let strongest):
                // `MapExport`'s JSON (focus, partners, cells, dyads, patterns), compact; each cell's strongest
                // evidence only when asked, since it makes the document ten times larger.
                return Representation(
                    bytes: Array(try export.json(pretty: false, strongest: strongest).utf8), contentType: "application/json",
                    cacheControl: Representation.dataCaching, compress: true)
            case .patterns:
                return try Representation(json: built.patterns, compress: true)
            case .export(let format):
                return Representation(
                    bytes: Array(try export.render(format).utf8), contentType: Self.mediaType(format), cacheControl: Representation.dataCaching,
                    compress: true, headers: [.contentDisposition: "attachment; filename=\"diplomap-map.\(format.rawValue)\""])
            }
        }
    }

    /// The cached body that answers a GET of `/api/v1/map`, `/patterns` or `/export`, else `nil`: never builds.
    func cachedBody(for request: HTTPRequest) -> Representation? {
        guard let target = request.path, target.hasPrefix(Self.prefix) else { return nil }
        let rest = target.dropFirst(Self.prefix.count)
        let path = rest.prefix { $0 != "?" }
        let query = rest.count > path.count ? String(rest.dropFirst(path.count + 1)) : nil
        guard let read = try? MapRead(path: path, parameters: QueryParameters(query: query)), let request = try? workspace.canonical(read.request) else { return nil }
        return cache.lookup(ResponseCache.Key(endpoint: read.key, request: request)).0
    }

    private static let prefix = "/api/v1/"

    /// One pair's cells (scores per issue, with their strongest evidence) and summary; `request` has the pair as focus and partner.
    func dyad(_ request: MapRequest) async throws -> Representation {
        try await cached("dyad", request) { built in
            let cells = built.map.cells.filter { $0.focus == built.map.focus[0] && $0.partner == built.map.partners[0] }
            let summary = built.map.dyads.first { $0.focus == built.map.focus[0] && $0.partner == built.map.partners[0] }
            return try Representation(json: DyadBody(a: built.map.focus[0], b: built.map.partners[0], summary: summary, cells: cells), compress: true)
        }
    }

    /// The cached body for the endpoint and request, built from the map on a miss.
    private func cached(_ endpoint: String, _ request: MapRequest, build: @Sendable (BuiltMap) throws -> Representation) async throws -> Representation {
        let built: BuiltMap
        let key: ResponseCache.Key, generation: Int
        do {
            key = ResponseCache.Key(endpoint: endpoint, request: try workspace.canonical(request))
            let (hit, seen) = cache.lookup(key)
            if let hit { return hit }
            generation = seen
            built = try await workspace.map(request)
        } catch let lookup as LookupError {
            // The sides are resolved when the map is built: the focus is at fault unless it reads.
            let side = (try? workspace.registry.resolveList(request.focus)) == nil ? "focus" : "partners"
            throw APIError.badParameter(side, lookup.description)
        }
        let representation = try build(built)
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

/// A read of the map that the server caches: which body (`/map`, `/patterns` or `/export`) under which filters.
struct MapRead: Sendable {
    enum Body: Sendable {
        case map(strongest: Bool)
        case patterns
        case export(MapExport.Format)
    }

    var body: Body
    var request: MapRequest

    /// The read of the path under `/api/v1` (`map`, `patterns` or `export`) with its query parameters;
    /// `nil` for another path, a 400 naming the parameter for a bad value.
    init?(path: some StringProtocol, parameters: QueryParameters) throws {
        switch path {
        case "map":
            let evidence = parameters.text("evidence") ?? "none"
            guard ["none", "strongest"].contains(evidence) else {
                throw APIError.badParameter("evidence", "give none (the default: scores and counts) or strongest (each cell's strongest evidence too)")
            }
            body = .map(strongest: evidence == "strongest")
        case "patterns":
            body = .patterns
        case "export":
            let name = parameters.text("format") ?? ""
            guard let format = MapExport.Format(rawValue: name) else {
                let names = MapExport.Format.allCases.map(\.rawValue).joined(separator: ", ")
                throw APIError.badParameter("format", name.isEmpty ? "give one of \(names)" : "unknown format \"\(name)\"; the formats are \(names)")
            }
            body = .export(format)
        default:
            return nil
        }
        request = try MapRequest(parameters: parameters.values)
    }

    /// The cache's name for the body.
    var key: String {
        switch body {
        case .map(let strongest): strongest ? "map.strongest" : "map"
        case .patterns: "patterns"
        case .export(let format): "export." + format.rawValue
        }
    }
}
