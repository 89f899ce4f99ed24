/// The 3 × 3 tables of many pairs of states, one row per session and pair, stored flat for speed.
public struct PairTable: Sendable {
    /// The session of each row.
    public private(set) var sessions: [Int32] = []
    /// Side a of each row, an index into `VoteData.states`; a comes before b.
    public private(set) var a: [Int32] = []
    /// Side b of each row.
    public private(set) var b: [Int32] = []
    /// Nine cells per row, as `PairCounts.cells`.
    private var cells: [Int32] = []

    /// The number of rows.
    public var count: Int { sessions.count }

    /// The 3 × 3 table of row `row`.
    public func counts(_ row: Int) -> PairCounts {
        PairCounts(cells: cells[(9 * row)..<(9 * row + 9)].map(Int.init))
    }

    /// Appends a row unless the pair has no common vote.
    mutating func append(session: Int, a: Int, b: Int, cells: UnsafeMutableBufferPointer<Int>) {
        var total = 0
        for cell in cells { total += cell }
        guard total > 0 else { return }
        sessions.append(Int32(session))
        self.a.append(Int32(a))
        self.b.append(Int32(b))
        for cell in cells { self.cells.append(Int32(cell)) }
    }
}
