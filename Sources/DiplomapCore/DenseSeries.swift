/// Values by integer key (a year, a month number) over a contiguous range, stored in an array.
///
/// A cell of a large map updates its yearly and monthly totals once per row;
/// an array indexed from the first key seen avoids hashing and rehashing a
/// dictionary for each of them. Keys are close together (decades of months),
/// so the range stays small.
struct DenseSeries<Value: Sendable>: Sendable {
    private var first = 0
    private var values: [Value?] = []

    /// Updates the value of `key`, starting from `initial` when it has none yet.
    mutating func update(_ key: Int, default initial: @autoclosure () -> Value, _ body: (inout Value) -> Void) {
        if values.isEmpty {
            first = key
            values = [nil]
        } else if key < first {
            values.insert(contentsOf: [Value?](repeating: nil, count: first - key), at: 0)
            first = key
        } else if key >= first + values.count {
            values.append(contentsOf: [Value?](repeating: nil, count: key - first - values.count + 1))
        }
        let index = key - first
        if values[index] == nil { values[index] = initial() }
        body(&values[index]!)
    }

    /// The keys that have a value, in increasing order, with their values.
    var entries: [(key: Int, value: Value)] {
        values.enumerated().compactMap { offset, value in value.map { (first + offset, $0) } }
    }
}
