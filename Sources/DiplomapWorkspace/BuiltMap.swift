import DiplomapCore

/// A map with what is needed to show or export it.
public struct BuiltMap: Sendable {
    public var request: MapRequest
    public var map: RelationMap
    public var patterns: Patterns
}

extension Workspace {
    /// Reads the evidence a request selects and aggregates it into the map and its patterns.
    public func map(_ request: MapRequest) async throws -> BuiltMap {
        let (focus, partners) = try request.sides(registry)
        let query = EvidenceQuery(issues: request.issues, sides: Set(focus + partners), kinds: request.kinds, window: request.window)
        let map = try await RelationMap(store: store, query: query, focus: focus, partners: partners)
        let group = registry.group(code: focus[0])
        let patterns = Patterns(map: map, group: group?.code, states: group?.members ?? focus)
        return BuiltMap(request: request, map: map, patterns: patterns)
    }
}
