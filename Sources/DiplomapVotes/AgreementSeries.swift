/// The votes of one pair of states in one session, on the roll calls an issue set selects.
public struct SessionAgreement: Sendable, Hashable {
    public var session: Int
    public var year: Int { RollCall.year(ofSession: session) }
    public var issues: UNIssueSet
    public var counts: PairCounts
}

extension VoteData {
    /// The agreement time series of a pair: one entry per session in which both voted together at least once.
    ///
    /// This is what a report charts for a dyad: `counts.agreement` per year.
    /// A state that did not exist yet (Kazakhstan before 1992) has no common
    /// votes in those sessions, so they are absent, not zero.
    public func agreementSeries(_ a: String, _ b: String, issues: UNIssueSet = .all, sessions: ClosedRange<Int>? = nil) -> [SessionAgreement] {
        guard let i = index(of: a), let j = index(of: b), i != j else { return [] }
        return self.sessions.filter { sessions?.contains($0) ?? true }.compactMap { session in
            let counts = counts(i, j, session: session, issues: issues)
            return counts.commonVotes > 0 ? SessionAgreement(session: session, issues: issues, counts: counts) : nil
        }
    }

    /// The pooled table of a pair over `sessions`: every common vote of the period counted once.
    public func pooledCounts(_ a: String, _ b: String, issues: UNIssueSet = .all, sessions: ClosedRange<Int>? = nil) -> PairCounts {
        agreementSeries(a, b, issues: issues, sessions: sessions).reduce(PairCounts()) { $0 + $1.counts }
    }

    /// Each present state's mean agreement with every other state it shares a vote with in `session`.
    ///
    /// The baseline against which a pair's agreement is judged: a state that
    /// votes with the majority agrees with most states, one that often votes
    /// no agrees with few.
    public func meanAgreement(session: Int, issues: UNIssueSet = .all) -> [Int: Double] {
        var sums: [Int: (total: Double, pairs: Int)] = [:]
        forEachPair(session: session, issues: issues) { a, b, cells in
            // Voeten's agreement straight from the cells, as `PairCounts.agreement` computes it.
            var n = 0
            for cell in cells { n += cell }
            guard n > 0 else { return }
            let agreement = Double(2 * (cells[0] + cells[4] + cells[8]) + cells[1] + cells[3] + cells[5] + cells[7]) / Double(2 * n)
            sums[a, default: (0, 0)].total += agreement
            sums[a, default: (0, 0)].pairs += 1
            sums[b, default: (0, 0)].total += agreement
            sums[b, default: (0, 0)].pairs += 1
        }
        return sums.mapValues { $0.total / Double($0.pairs) }
    }
}
