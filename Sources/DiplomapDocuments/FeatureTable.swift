/// Feature hash → row, by open addressing on the hash's low bits.
///
/// Features are already well-spread 64-bit hashes, so the table uses them as they are instead of
/// hashing them again as `Dictionary` would: looking up weights is most of the mapper's work.
struct FeatureTable: Sendable, Equatable {
    private var keys: [UInt64]
    private var rows: [Int32]
    private let mask: Int

    /// A table of `entries`; a feature of hash 0 is kept apart, 0 marking an empty slot.
    init(_ entries: [UInt64: Int]) {
        var capacity = 16
        while capacity < entries.count * 2 { capacity *= 2 }
        mask = capacity - 1
        keys = [UInt64](repeating: 0, count: capacity)
        rows = [Int32](repeating: -1, count: capacity)
        for (key, row) in entries.sorted(by: { $0.key < $1.key }) where key != 0 {
            var slot = Int(truncatingIfNeeded: key) & mask
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            rows[slot] = Int32(row)
        }
    }

    /// The row of a feature, nil when it has no weights.
    @inline(__always)
    func row(_ key: UInt64) -> Int? {
        guard key != 0 else { return nil }
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let found = keys[slot]
            if found == key { return Int(rows[slot]) }
            if found == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }
}
