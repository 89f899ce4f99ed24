import DiplomapCore
@testable import DiplomapVotes
import Foundation
import Testing

/// The EM ideal points against Bailey, Strezhnev and Voeten's published estimates.
struct IdealPointTests {
    @Test func pointsCorrelateWithThePublishedOnesYearByYear() async throws {
        let data = try Support.full.get()
        let published = try PublishedFigures()
        let estimator = IdealPointEstimator()
        var correlations: [Double] = []
        for session in 47...74 {
            let ours = Dictionary(uniqueKeysWithValues: estimator.estimate(data, session: session).map { ($0.iso3, $0.value) })
            let pairs = published.rows.filter { $0.session == session }.compactMap { row in ours[row.iso3].map { ($0, row.idealPoint) } }
            guard pairs.count >= 8 else { continue }
            correlations.append(pearson(pairs.map(\.0), pairs.map(\.1)))
        }
        #expect(correlations.count == 28)
        let sorted = correlations.sorted()
        #expect(sorted[sorted.count / 2] > 0.9)
        #expect(sorted[0] > 0.7)
    }

    @Test func theUnitedStatesIsPositiveAndRussiaNegative() throws {
        let data = try Support.full.get()
        for session in [10, 40, 60, 74] {
            let points = Dictionary(uniqueKeysWithValues: IdealPointEstimator().estimate(data, session: session).map { ($0.iso3, $0) })
            let usa = try #require(points["USA"])
            #expect(usa.value > 0)
            let russia = try #require(points["RUS"] ?? points["SUN"])
            #expect(russia.value < usa.value)
            #expect(usa.standardError > 0 && usa.standardError < 1)
        }
    }
}
