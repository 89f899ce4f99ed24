import DiplomapCore
import NIOConcurrencyHelpers

/// A map with what is needed to show or export it.
public struct BuiltMap: Sendable {
    public var request: MapRequest
    public var map: RelationMap
    public var patterns: Patterns
}

extension Workspace {
    /// The map a request selects, with its patterns: built from the store once per canonical request, then served
    /// from the cache until the next write. The result carries `request` as given.
    public func map(_ request: MapRequest) async throws -> BuiltMap {
        let key = try canonical(request)
        let (hit, generation) = maps.lookup(key)
        var built: BuiltMap
        if let hit {
            built = hit
        } else {
            built = try await build(key)
            maps.store(built, for: key, builtAt: generation)
        }
        built.request = request
        return built
    }

    /// The request with its focus and partners resolved to codes, so that `c5`, `C5` and `Central Asia` are one key.
    public func canonical(_ request: MapRequest) throws -> MapRequest {
        func codes(_ list: String) throws -> String {
            var seen = Set<String>()
            return try registry.resolveList(list).map(\.code).filter { seen.insert($0).inserted }.joined(separator: ",")
        }
        var canonical = request
        canonical.focus = try codes(request.focus)
        canonical.partners = try codes(request.partners)
        return canonical
    }

    /// Reads the evidence a request selects and aggregates it into the map and its patterns.
    private func build(_ request: MapRequest) async throws -> BuiltMap {
        let (focus, partners) = try request.sides(registry)
        let query = EvidenceQuery(issues: request.issues, sides: Set(focus + partners), kinds: request.kinds, window: request.window)
        let map = try await RelationMap(store: store, query: query, focus: focus, partners: partners)
        let group = registry.group(code: focus[0])
        let patterns = Patterns(map: map, group: group?.code, states: group?.members ?? focus)
        return BuiltMap(request: request, map: map, patterns: patterns)
    }
}

/// Built maps kept in memory by canonical request, dropped on any write; the pages and the API share it.
///
/// A lock rather than an actor: a cached read is the hot path of the server, and a lock held for one dictionary
/// look-up costs less than hopping to an actor and back.
final class MapCache: Sendable {
    private struct State {
        var entries: [MapRequest: BuiltMap] = [:]
        /// Counts writes, so that a map built from data a write has since changed is not kept.
        var generation = 0
    }

    private let state = NIOLockedValueBox(State())
    private let capacity: Int

    /// Keeps at most `capacity` maps: a full cache is emptied, so that ever new filters cannot grow it without bound.
    init(capacity: Int = 256) {
        self.capacity = capacity
    }

    var generation: Int { state.withLockedValue { $0.generation } }

    /// The maps kept now.
    var count: Int { state.withLockedValue { $0.entries.count } }

    func lookup(_ key: MapRequest) -> (BuiltMap?, Int) {
        state.withLockedValue { ($0.entries[key], $0.generation) }
    }

    func store(_ map: BuiltMap, for key: MapRequest, builtAt built: Int) {
        state.withLockedValue { state in
            guard built == state.generation else { return }
            if state.entries.count >= capacity { state.entries.removeAll(keepingCapacity: true) }
            state.entries[key] = map
        }
    }

    func invalidate() {
        state.withLockedValue { state in
            state.generation += 1
            state.entries.removeAll()
        }
    }
}
