import DiplomapWorkspace

/// Built map, pattern, dyad and export bodies kept in memory, keyed by the canonical request, dropped on any write.
actor ResponseCache {
    /// What a cached body answers: the endpoint (with its format) and the map request.
    struct Key: Hashable, Sendable {
        var endpoint: String
        var request: MapRequest
    }

    private var entries: [Key: Representation] = [:]
    /// Counts writes, so that a body built from data a write has since changed is not kept.
    private var generation = 0
    private let capacity: Int

    /// Keeps at most `capacity` bodies: a full cache is emptied, so that clients asking for ever new filters cannot grow it without bound.
    init(capacity: Int = 512) {
        self.capacity = capacity
    }

    /// The cached body for `key`, or `nil`, with the generation to hand back to `store`.
    func lookup(_ key: Key) -> (Representation?, Int) {
        (entries[key], generation)
    }

    /// Keeps a body built at `generation`, unless a write came since.
    func store(_ representation: Representation, for key: Key, builtAt built: Int) {
        guard built == generation else { return }
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[key] = representation
    }

    /// Forgets every body: the store has changed.
    func invalidate() {
        generation += 1
        entries.removeAll()
    }
}
