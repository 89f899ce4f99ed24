import DiplomapWorkspace
import Synchronization

/// Built map, pattern, dyad and export bodies kept in memory, keyed by the canonical request, dropped on any write.
///
/// A lock rather than an actor: a cached read is the hot path of the server, and a lock held
/// for one dictionary look-up costs less than hopping to an actor and back.
final class ResponseCache: Sendable {
    /// What a cached body answers: the endpoint (with its format) and the map request.
    struct Key: Hashable, Sendable {
        var endpoint: String
        var request: MapRequest
    }

    private struct State {
        var entries: [Key: Representation] = [:]
        /// Counts writes, so that a body built from data a write has since changed is not kept.
        var generation = 0
    }

    private let state = Mutex(State())
    private let capacity: Int

    /// Keeps at most `capacity` bodies: a full cache is emptied, so that clients asking for ever new filters cannot grow it without bound.
    init(capacity: Int = 512) {
        self.capacity = capacity
    }

    /// The cached body for `key`, or `nil`, with the generation to hand back to `store`.
    func lookup(_ key: Key) -> (Representation?, Int) {
        state.withLock { ($0.entries[key], $0.generation) }
    }

    /// Keeps a body built at `generation`, unless a write came since.
    func store(_ representation: Representation, for key: Key, builtAt built: Int) {
        state.withLock { state in
            guard built == state.generation else { return }
            if state.entries.count >= capacity { state.entries.removeAll(keepingCapacity: true) }
            state.entries[key] = representation
        }
    }

    /// Forgets every body: the store has changed.
    func invalidate() {
        state.withLock { state in
            state.generation += 1
            state.entries.removeAll()
        }
    }
}
