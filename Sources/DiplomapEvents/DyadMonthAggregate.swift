import DiplomapBytes

/// The event aggregate contract: events per directed dyad, month and CAMEO root.
///
/// Written as CSV with the header `source,target,month,root,events,goldstein_sum,mentions`,
/// sorted by source, target, month and root; the Goldstein sum is rounded to one decimal.
public struct DyadMonthAggregate: EventSink, Sendable {
    /// One cell of the contract.
    public struct Key: Sendable, Hashable, Comparable {
        public var source: PackedCode
        public var target: PackedCode
        public var month: PackedCode
        public var root: PackedCode

        public static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.source, lhs.target, lhs.month, lhs.root) < (rhs.source, rhs.target, rhs.month, rhs.root)
        }
    }

    /// The totals of one cell.
    public struct Totals: Sendable, Hashable {
        public var events = 0
        /// Sum of the Goldstein values given; `nil` when no event of the cell had one.
        public var goldsteinSum: Double?
        /// Sum of the mentions given; `nil` when no event of the cell had them.
        public var mentions: Int?

        mutating func merge(_ other: Totals) {
            events += other.events
            if let sum = other.goldsteinSum { goldsteinSum = (goldsteinSum ?? 0) + sum }
            if let count = other.mentions { mentions = (mentions ?? 0) + count }
        }
    }

    public private(set) var cells: [Key: Totals] = [:]

    public init() {}

    public mutating func add(_ row: EventRow) {
        let key = Key(source: row.source, target: row.target, month: row.month, root: row.root)
        cells[key, default: Totals()].merge(Totals(events: 1, goldsteinSum: row.goldstein, mentions: row.mentions))
    }

    public mutating func merge(_ other: DyadMonthAggregate) {
        for (key, totals) in other.cells { cells[key, default: Totals()].merge(totals) }
    }

    /// The contract's header line.
    public static let header = "source,target,month,root,events,goldstein_sum,mentions"

    /// The cells in the contract's order.
    public var sortedCells: [(key: Key, totals: Totals)] {
        cells.sorted { $0.key < $1.key }.map { (key: $0.key, totals: $0.value) }
    }

    /// The whole CSV, header first, one line per cell, each ending in a newline.
    public func csv() -> String {
        var text = Self.header + "\n"
        for (key, totals) in sortedCells {
            text += "\(key.source),\(key.target),\(key.month),\(key.root),\(totals.events),"
            text += totals.goldsteinSum.map(Self.oneDecimal) ?? ""
            text += "," + (totals.mentions.map(String.init) ?? "") + "\n"
        }
        return text
    }

    /// Rounds half away from zero to one decimal and prints the shortest form with a decimal point (`-6.0`, `12.5`).
    static func oneDecimal(_ value: Double) -> String {
        let rounded = (value * 10).rounded(.toNearestOrAwayFromZero) / 10
        return "\(rounded)"
    }
}
