import DiplomapWorkspace
import NIOConcurrencyHelpers

/// Built map, pattern, dyad and export bodies kept in memory, keyed by the canonical request, dropped when the
/// workspace's generation moves on (a write here or, once seen, in another server).
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
        /// The workspace generation the entries were built at.
        var generation = 0
    }

    private let state = NIOLockedValueBox(State())
    private let capacity: Int
    /// The workspace's generation now: it moves on with every write.
    private let currentGeneration: @Sendable () -> Int

    /// Keeps at most `capacity` bodies: a full cache is emptied, so that clients asking for ever new filters cannot grow it without bound.
    init(capacity: Int = 512, generation: @escaping @Sendable () -> Int) {
        self.capacity = capacity
        currentGeneration = generation
    }

    /// The cached body for `key`, or `nil`, with the generation to hand back to `store`; entries of an older generation are dropped.
    func lookup(_ key: Key) -> (Representation?, Int) {
        let now = currentGeneration()
        return state.withLockedValue { state in
            if state.generation != now {
                state.entries.removeAll()
                state.generation = now
            }
            return (state.entries[key], now)
        }
    }

    /// Keeps a body built at `generation`, unless a write came since.
    func store(_ representation: Representation, for key: Key, builtAt built: Int) {
        let now = currentGeneration()
        state.withLockedValue { state in
            guard built == now else { return }
            if state.generation != now {
                state.entries.removeAll()
                state.generation = now
            }
            if state.entries.count >= capacity { state.entries.removeAll(keepingCapacity: true) }
            state.entries[key] = representation
        }
    }
}
