/// How two states voted on the roll calls where both cast a vote: a 3 × 3 table of (choice of a, choice of b).
///
/// Every measure of the module is a function of this table, so that all of
/// them agree on which roll calls count: those where both states voted yes,
/// abstain or no. Absence and non-membership are left out, as in Voeten's data.
public struct PairCounts: Sendable, Hashable {
    /// `cells[3 * i + j]`: roll calls where a chose `i` and b chose `j`, with 0 = yes, 1 = abstain, 2 = no.
    public var cells: [Int]

    /// An empty table.
    public init() { cells = Array(repeating: 0, count: 9) }

    /// A table from its nine cells, rows for a's choice (yes, abstain, no), columns for b's.
    public init(cells: [Int]) {
        precondition(cells.count == 9, "a 3 × 3 table has nine cells")
        self.cells = cells
    }

    /// The count of roll calls where a chose `a` and b chose `b`.
    public subscript(a: VoteChoice, b: VoteChoice) -> Int {
        get { cells[3 * (Int(a.rawValue) - 1) + Int(b.rawValue) - 1] }
        set { cells[3 * (Int(a.rawValue) - 1) + Int(b.rawValue) - 1] = newValue }
    }

    /// Adds another table, to pool sessions or issues.
    public static func + (lhs: PairCounts, rhs: PairCounts) -> PairCounts {
        PairCounts(cells: zip(lhs.cells, rhs.cells).map(+))
    }

    /// The number of roll calls on which both states voted.
    public var commonVotes: Int { cells.reduce(0, +) }

    /// Roll calls where both made the same choice.
    public var identical: Int { cells[0] + cells[4] + cells[8] }

    /// Roll calls where exactly one of the two abstained.
    public var oneAbstains: Int { cells[1] + cells[3] + cells[5] + cells[7] }

    /// Voeten's agreement index: same vote 1, one abstains 0.5, yes against no 0, averaged over the common votes.
    ///
    /// Voeten, E. (2013) "Data and Analyses of Voting in the UN General
    /// Assembly", Routledge Handbook of International Organization; data
    /// doi:10.7910/DVN/LEJUQZ. Computed as (2·identical + oneAbstains) / (2·n)
    /// so that every implementation gets the same floating-point number. `nil`
    /// without common votes.
    public var agreement: Double? {
        let n = commonVotes
        return n == 0 ? nil : Double(2 * identical + oneAbstains) / Double(2 * n)
    }

    /// The share of common votes with the identical choice (abstaining together counts, one abstention does not).
    ///
    /// This is the `USAgree`, `RUSSAgree`… definition of Bailey, Strezhnev and
    /// Voeten's ideal-point files, used to check the data against them.
    public var identicalShare: Double? {
        let n = commonVotes
        return n == 0 ? nil : Double(identical) / Double(n)
    }

    /// Cohen's kappa over the three choices: agreement beyond what the two states' own vote shares give by chance.
    ///
    /// κ = (pₒ − pₑ) / (1 − pₑ), with pₒ the share of identical choices and pₑ
    /// = Σₖ pₐ(k)·p_b(k) from the marginal shares of yes, abstain and no
    /// (Cohen, J. (1960) "A Coefficient of Agreement for Nominal Scales",
    /// Educational and Psychological Measurement 20(1): 37–46; for UN votes,
    /// Häge, F. (2011) "Choice or Circumstance? Adjusting Measures of Foreign
    /// Policy Similarity for Chance Agreement", Political Analysis 19(3)).
    /// `nil` without common votes, or when chance alone explains everything
    /// (pₑ = 1, such as two states that only ever voted yes).
    public var kappa: Double? {
        let n = Double(commonVotes)
        guard n > 0 else { return nil }
        var chance = 0.0
        for k in 0..<3 {
            let rowShare = Double(cells[3 * k] + cells[3 * k + 1] + cells[3 * k + 2]) / n
            let columnShare = Double(cells[k] + cells[k + 3] + cells[k + 6]) / n
            chance += rowShare * columnShare
        }
        guard chance < 1 else { return nil }
        let observed = Double(identical) / n
        return (observed - chance) / (1 - chance)
    }

    /// Signorino and Ritter's S score: 1 − 2·d / d_max, with d the mean absolute distance between the votes on the scale yes 1, abstain 2, no 3.
    ///
    /// Signorino, C. S. & Ritter, J. M. (1999) "Tau-b or Not Tau-b: Measuring
    /// the Similarity of Foreign Policy Positions", International Studies
    /// Quarterly 43(1): 115–144. With d_max = 2 and absolute distances, S runs
    /// from −1 (always yes against no) to 1 (always the same); on this
    /// three-point scale it equals 2·agreement − 1. `nil` without common votes.
    public var sScore: Double? {
        let n = commonVotes
        guard n > 0 else { return nil }
        let distance = oneAbstains + 2 * (cells[2] + cells[6])
        return 1 - 2 * Double(distance) / (2 * Double(n))
    }
}
