/// Every vote of the General Assembly in memory, laid out for pair measures over all years in a tight loop.
///
/// Each state's choices in a session are three bit sets (yes, abstain, no),
/// one bit per roll call of the session, so the 3 × 3 table of a pair is nine
/// `AND`s and population counts per 64 roll calls: the full pair matrix of
/// every session (826,934 session-pairs over 6,202 roll calls)
/// takes a fraction of a second. Roll calls are ordered by session, date and id.
public struct VoteData: Sendable {
    /// The states that cast at least one vote, as ISO3 codes (historical states included), in alphabetical order.
    public let states: [String]
    /// All roll calls, ordered by session, date and id.
    public let rollCalls: [RollCall]
    /// The sessions with at least one roll call, in order.
    public let sessions: [Int]

    private let stateIndex: [String: Int]
    private let sessionSlots: [Int: SessionSlot]
    /// The bit sets: for session slot `s`, state `i`, choice `c` (0 yes, 1 abstain, 2 no): `words` words at `s.offset + (3i + c)·s.words`.
    private let bits: [UInt64]
    /// Per session, per UN issue, which roll calls carry it: `words` words at `s.issueOffset + k·s.words`.
    private let issueBits: [UInt64]

    /// Where one session's roll calls and bit sets are.
    struct SessionSlot: Sendable {
        var rollCalls: Range<Int>
        var words: Int
        var offset: Int
        var issueOffset: Int
        /// Indices of the states with at least one vote in the session, in order.
        var present: [Int]
    }

    /// Builds the layout from roll calls (any order) and a state-major choice table `choices[state][rollCall]`.
    init(states: [String], rollCalls unordered: [RollCall], choices: [[VoteChoice]]) {
        func key(_ call: RollCall) -> (Int, Int, Int) {
            let day = call.date.map { $0.year * 10_000 + ($0.month ?? 0) * 100 + ($0.day ?? 0) } ?? 0
            return (call.session, day, call.rcid)
        }
        let order = unordered.indices.sorted { key(unordered[$0]) < key(unordered[$1]) }
        let rollCalls = order.map { unordered[$0] }
        self.states = states
        self.rollCalls = rollCalls
        stateIndex = Dictionary(uniqueKeysWithValues: states.enumerated().map { ($1, $0) })
        var slots: [Int: SessionSlot] = [:]
        var sessions: [Int] = []
        var bits: [UInt64] = []
        var issueBits: [UInt64] = []
        var start = 0
        while start < rollCalls.count {
            let session = rollCalls[start].session
            var end = start
            while end < rollCalls.count, rollCalls[end].session == session { end += 1 }
            let words = (end - start + 63) / 64
            var slot = SessionSlot(rollCalls: start..<end, words: words, offset: bits.count, issueOffset: issueBits.count, present: [])
            bits.append(contentsOf: repeatElement(0, count: states.count * 3 * words))
            issueBits.append(contentsOf: repeatElement(0, count: UNIssue.allCases.count * words))
            for position in start..<end {
                let bit: UInt64 = 1 << UInt64((position - start) % 64), word = (position - start) / 64
                for (k, issue) in UNIssue.allCases.enumerated() where rollCalls[position].issueBits & issue.bit != 0 {
                    issueBits[slot.issueOffset + k * words + word] |= bit
                }
                for state in states.indices {
                    let choice = choices[state][order[position]]
                    guard choice != .absent else { continue }
                    bits[slot.offset + (3 * state + Int(choice.rawValue) - 1) * words + word] |= bit
                }
            }
            slot.present = states.indices.filter { state in
                (0..<(3 * words)).contains { bits[slot.offset + 3 * state * words + $0] != 0 }
            }
            slots[session] = slot
            sessions.append(session)
            start = end
        }
        self.sessions = sessions
        self.sessionSlots = slots
        self.bits = bits
        self.issueBits = issueBits
    }

    /// The index of a state in `states`, by ISO3 code.
    public func index(of iso3: String) -> Int? { stateIndex[iso3] }

    /// The states with at least one vote in `session`, as indices into `states`.
    public func statesPresent(in session: Int) -> [Int] { sessionSlots[session]?.present ?? [] }

    /// The roll calls of `session`.
    public func rollCalls(in session: Int) -> ArraySlice<RollCall> {
        guard let slot = sessionSlots[session] else { return [] }
        return rollCalls[slot.rollCalls]
    }

    /// How state `state` voted on roll call `rollCall` (indices into `states` and `rollCalls`).
    public func choice(state: Int, rollCall: Int) -> VoteChoice {
        let session = rollCalls[rollCall].session
        guard let slot = sessionSlots[session] else { return .absent }
        let position = rollCall - slot.rollCalls.lowerBound
        let bit: UInt64 = 1 << UInt64(position % 64)
        for choice in 0..<3 where bits[slot.offset + (3 * state + choice) * slot.words + position / 64] & bit != 0 {
            return VoteChoice(rawValue: UInt8(choice + 1))!
        }
        return .absent
    }

    /// The roll calls of a session that `issues` selects, as a bit mask per word.
    func mask(_ slot: SessionSlot, _ issues: UNIssueSet) -> [UInt64] {
        (0..<slot.words).map { word in
            guard issues.bits != 0 else { return ~0 }
            var mask: UInt64 = 0
            for (k, issue) in UNIssue.allCases.enumerated() where issues.bits & issue.bit != 0 {
                mask |= issueBits[slot.issueOffset + k * slot.words + word]
            }
            return mask
        }
    }

    /// The 3 × 3 table of two states (indices into `states`) in one session, over the roll calls `issues` selects.
    public func counts(_ a: Int, _ b: Int, session: Int, issues: UNIssueSet = .all) -> PairCounts {
        guard let slot = sessionSlots[session] else { return PairCounts() }
        var cells = [Int](repeating: 0, count: 9)
        bits.withUnsafeBufferPointer { bits in
            accumulate(bits, slot, mask(slot, issues), a, b) { cell, count in cells[cell] += count }
        }
        return PairCounts(cells: cells)
    }

    /// The roll calls of `session` on which both states voted and that `issues` selects, by roll-call id.
    public func commonRollCalls(_ a: Int, _ b: Int, session: Int, issues: UNIssueSet = .all) -> [Int] {
        guard let slot = sessionSlots[session] else { return [] }
        return slot.rollCalls.filter { position in
            issues.selects(rollCalls[position].issueBits)
                && choice(state: a, rollCall: position) != .absent && choice(state: b, rollCall: position) != .absent
        }.map { rollCalls[$0].rcid }
    }

    /// Adds the nine cells of a pair in a session to `add(cell, count)`: the hot loop of every pair measure.
    @inline(__always)
    private func accumulate(
        _ bits: UnsafeBufferPointer<UInt64>, _ slot: SessionSlot, _ mask: [UInt64], _ a: Int, _ b: Int, _ add: (Int, Int) -> Void
    ) {
        let words = slot.words
        let baseA = slot.offset + 3 * a * words, baseB = slot.offset + 3 * b * words
        for word in 0..<words {
            let m = mask[word]
            for i in 0..<3 {
                let x = bits[baseA + i * words + word] & m
                guard x != 0 else { continue }
                for j in 0..<3 {
                    add(3 * i + j, (x & bits[baseB + j * words + word]).nonzeroBitCount)
                }
            }
        }
    }

    /// Calls `body(a, b, cells)` for every pair a < b of states present in `session`, over the roll calls `issues` selects.
    ///
    /// `cells` is the pair's 3 × 3 table as in `PairCounts.cells`, valid only during the call.
    public func forEachPair(session: Int, issues: UNIssueSet = .all, _ body: (Int, Int, UnsafeMutableBufferPointer<Int>) -> Void) {
        guard let slot = sessionSlots[session] else { return }
        let mask = mask(slot, issues)
        let present = slot.present
        bits.withUnsafeBufferPointer { bits in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: 9) { cells in
                for (position, a) in present.enumerated() {
                    for b in present[(position + 1)...] {
                        cells.initialize(repeating: 0)
                        accumulate(bits, slot, mask, a, b) { cell, count in cells[cell] += count }
                        body(a, b, cells)
                    }
                }
            }
        }
    }

    /// The 3 × 3 table of every pair of states present in each of `sessions`, as one flat table.
    ///
    /// Pairs are ordered by session, then by the ISO3 codes of a and b (a < b,
    /// since `states` is in code order); pairs without a common vote are left out.
    public func pairTable(sessions: [Int]? = nil, issues: UNIssueSet = .all) -> PairTable {
        var table = PairTable()
        for session in (sessions ?? self.sessions).sorted() {
            forEachPair(session: session, issues: issues) { a, b, cells in table.append(session: session, a: a, b: b, cells: cells) }
        }
        return table
    }
}
