import DiplomapCore
@testable import DiplomapVotes
import Testing

/// Agreement turned into evidence for the map: issues, weights, polarity and citations.
struct VoteEvidenceTests {
    @Test func eachSessionGivesEvidenceOnTheMappedIssues() throws {
        let data = try Support.load(Support.fixture("sample"))
        let evidence = VoteEvidenceBuilder().evidence(data, dyads: [("KAZ", "JPN")])
        // 1992 and 2019 on all roll calls; nu/di only in 2019 (roll call 9061); ec only in 1992 (3668, 3670: Kazakhstan absent).
        #expect(evidence.filter { $0.issue == .multilateral }.compactMap { $0.period?.start.year } == [1992, 2019])
        #expect(evidence.filter { $0.issue == .nonproliferation }.compactMap { $0.period?.start.year } == [2019])
        #expect(evidence.filter { $0.issue == .development }.isEmpty)
        // ec roll calls are not development cooperation: no issue of the map takes them on their own.
        #expect(!VoteEvidenceBuilder.issueMapping.contains { $0.issue == .development })
        let last = try #require(evidence.first { $0.issue == .multilateral && $0.period?.start.year == 2019 })
        #expect(last.kind == .vote && last.a == "KAZ" && last.b == "JPN")
        #expect(last.weight == 0.08)   // 8 common votes / 100
        #expect(last.citation.address == "https://doi.org/10.7910/DVN/LEJUQZ")
        #expect(last.citation.locator == "8 roll calls: rcid 9057–9064")
        #expect(last.citation.title.contains("session 74 (2019)"))
    }

    @Test func polarityComparesAgreementWithWhatThePairIsExpectedToShow() throws {
        let data = try Support.full.get()
        let evidence = VoteEvidenceBuilder().evidence(data, dyads: [("KAZ", "RUS"), ("KAZ", "USA")])
        let multilateral = evidence.filter { $0.issue == .multilateral }
        let russia = multilateral.filter { $0.b == "RUS" }, america = multilateral.filter { $0.b == "USA" }
        #expect(russia.count == 28 && america.count == 28)
        // Kazakhstan votes with the USA far less than either side's usual agreement predicts, beyond the baseline's band
        // in most years and never above it; with Russia more often above than below what is expected of the pair.
        let divergent = america.filter { $0.polarity == .conflict }.count
        #expect(divergent >= 25)
        #expect(america.allSatisfy { $0.polarity != .cooperation })
        let above = russia.filter { $0.polarity == .cooperation }.count, below = russia.filter { $0.polarity == .conflict }.count
        #expect(above >= 5 && below == 0)
        #expect(america.first { $0.polarity == .conflict }?.citation.summary?.contains(": divergent (voting alignment, not cooperation or conflict).") == true)
    }

    @Test func rollCallIdsAreWrittenAsRanges() {
        #expect(VoteEvidenceBuilder.ranges([1, 2, 3, 7, 9, 10]) == "1–3, 7, 9–10")
        #expect(VoteEvidenceBuilder.ranges([]) == "")
    }
}
