import DiplomapVotes
import Testing

/// The measures on 3 × 3 tables worked out by hand.
struct PairCountsTests {
    /// Cells in the order yes-yes, yes-abstain, yes-no, abstain-yes, …, no-no.
    static func table(_ cells: [Int]) -> PairCounts { PairCounts(cells: cells) }

    @Test func mixedVotesGiveTheHandComputedMeasures() throws {
        // 3 yes-yes, 1 yes-abstain, 1 no-yes: n 5, identical 3, one abstention 1, opposite 1.
        let counts = Self.table([3, 1, 0, 0, 0, 0, 1, 0, 0])
        #expect(counts.commonVotes == 5)
        #expect(counts.agreement == 0.7)                     // (3 + 0.5) / 5
        #expect(counts.identicalShare == 0.6)                // 3 / 5
        // p_o = 0.6; a: yes 4, no 1; b: yes 4, abstain 1; p_e = 0.8 · 0.8 = 0.64; κ = −0.04 / 0.36.
        #expect(abs(try #require(counts.kappa) - (-1.0 / 9)) < 1e-12)
        // distances 0, 0, 0, 1, 2 on yes 1, abstain 2, no 3: S = 1 − 2 · (3/5) / 2.
        #expect(abs(try #require(counts.sScore) - 0.4) < 1e-12)
    }

    @Test func perfectAgreementOnVariedVotesHasKappaOne() throws {
        let counts = Self.table([2, 0, 0, 0, 1, 0, 0, 0, 1])
        #expect(counts.agreement == 1)
        #expect(try #require(counts.kappa) == 1)
        #expect(counts.sScore == 1)
    }

    @Test func oppositeVotesOnlyScoreTheMinimum() throws {
        let counts = Self.table([0, 0, 2, 0, 0, 0, 2, 0, 0])
        #expect(counts.agreement == 0)
        #expect(counts.sScore == -1)
        // p_o = 0, p_e = 0.5 · 0.5 + 0.5 · 0.5 = 0.5: κ = −1.
        #expect(try #require(counts.kappa) == -1)
    }

    @Test func allAbstainAgreesFullyButKappaIsUndefined() {
        let counts = Self.table([0, 0, 0, 0, 4, 0, 0, 0, 0])
        #expect(counts.agreement == 1)
        #expect(counts.sScore == 1)
        #expect(counts.kappa == nil)   // chance agreement is 1: nothing left to explain
    }

    @Test func noCommonVotesGiveNoMeasure() {
        let counts = PairCounts()
        #expect(counts.commonVotes == 0)
        #expect(counts.agreement == nil && counts.kappa == nil && counts.sScore == nil && counts.identicalShare == nil)
    }

    @Test(arguments: [[3, 1, 0, 0, 0, 0, 1, 0, 0], [0, 2, 1, 1, 0, 3, 0, 2, 5], [7, 0, 0, 0, 0, 0, 0, 0, 1]])
    func sScoreIsTwiceAgreementLessOne(cells: [Int]) throws {
        let counts = PairCounts(cells: cells)
        #expect(abs(try #require(counts.sScore) - (2 * (try #require(counts.agreement)) - 1)) < 1e-12)
    }

    @Test func tablesAddCellByCell() {
        let sum = Self.table([1, 0, 0, 0, 0, 0, 0, 0, 0]) + Self.table([0, 0, 1, 0, 0, 0, 0, 0, 2])
        #expect(sum.cells == [1, 0, 1, 0, 0, 0, 0, 0, 2])
        #expect(sum[.no, .no] == 2 && sum[.yes, .no] == 1)
    }
}
