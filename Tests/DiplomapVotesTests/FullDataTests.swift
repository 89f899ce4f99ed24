import DiplomapCore
@testable import DiplomapVotes
import Foundation
import Testing

/// The embedded data, 1946–2019, against its documented counts and against published figures.
struct FullDataTests {
    let data: VoteData

    init() throws { data = try Support.full.get() }

    @Test func everyVoteAndRollCallIsLoaded() {
        #expect(data.rollCalls.count == 6_202)
        #expect(data.sessions.first == 1 && data.sessions.last == 74 && data.sessions.count == 74)
        var votes = 0, namibia = 0
        let nam = data.index(of: "NAM")!
        for state in data.states.indices {
            for call in data.rollCalls.indices where data.choice(state: state, rollCall: call) != .absent {
                votes += 1
                if state == nam { namibia += 1 }
            }
        }
        #expect(votes == 869_937)
        #expect(namibia == 2_454)
        for historical in ["SUN", "YUG", "CSK", "DDR", "YAR", "YMD", "ZAN", "SCG"] { #expect(data.index(of: historical) != nil, "\(historical)") }
    }

    @Test func kazakhstanAndJapanAgreeAsTheReferenceComputes() throws {
        let series = data.agreementSeries("KAZ", "JPN")
        #expect(series.first?.year == 1992 && series.last?.year == 2019 && series.count == 28)
        // 2019: 90 common votes, the Python reference's 0.7222222222222222 (65 / 90).
        let last = try #require(series.last)
        #expect(last.counts.commonVotes == 90)
        #expect(last.counts.agreement == 0.7222222222222222)
    }

    /// Shares of identical votes the extract's README checked by hand against this data.
    @Test(arguments: [
        ("KAZ", "USA", 50, 23.0 / 81), ("KAZ", "RUS", 50, 0.7037037), ("KAZ", "USA", 70, 0.2054795),
        ("UZB", "CHN", 70, 0.7605634), ("TKM", "IND", 70, 0.8166667), ("TKM", "IND", 74, 0.8450704), ("CAN", "USA", 50, 0.4074074),
    ])
    func identicalSharesMatchThePublishedOnes(a: String, b: String, session: Int, published: Double) throws {
        let counts = try Support.counts(data, a, b, year: RollCall.year(ofSession: session))
        #expect(abs(try #require(counts.identicalShare) - published) < 5e-7)
    }

    @Test func identicalSharesFollowThePublishedOnesAcrossSessions() throws {
        let published = try PublishedFigures()
        for reference in ["USA", "RUS", "CHN", "IND"] {
            var ours: [Double] = [], theirs: [Double] = []
            for row in published.rows where row.iso3 != reference {
                guard let share = row.agreeWith[reference] else { continue }
                let partner = reference == "RUS" && row.session < 47 ? "SUN" : reference
                guard let i = data.index(of: row.iso3), let j = data.index(of: partner),
                      let mine = data.counts(i, j, session: row.session).identicalShare else { continue }
                ours.append(mine)
                theirs.append(share)
            }
            // The 2024 release revised some votes, so sessions differ a little: compare the series, not each value.
            #expect(ours.count > 400, "\(reference)")
            #expect(pearson(ours, theirs) > 0.95, "\(reference)")
            let differences = zip(ours, theirs).map { abs($0 - $1) }.sorted()
            #expect(differences[differences.count / 2] < 0.02, "\(reference)")
        }
    }
}
