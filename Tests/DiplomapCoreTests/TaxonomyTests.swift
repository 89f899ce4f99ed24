import DiplomapCore
import Testing

struct TaxonomyTests {
    /// The 16 codes of the annotation contract, in its order.
    static let contract = [
        "security.terrorism", "security.narcotics", "security.afghanistan", "security.defense", "security.nonproliferation",
        "political.multilateral", "political.dialogue", "political.sovereignty", "territory.borders", "resources.energy",
        "resources.water", "economy.trade", "economy.investment", "economy.development", "economy.connectivity", "society.culture",
    ]

    @Test func hasTheSixteenCodesOfTheContract() {
        #expect(Issue.allCases.map(\.code) == Self.contract)
        #expect(Set(Issue.allCases.map(\.domain)) == Set(Domain.allCases))
        #expect(Issue.allCases.allSatisfy { $0.code.hasPrefix($0.domain.rawValue + ".") && !$0.label.isEmpty && !$0.summary.isEmpty })
    }

    @Test func parsesCodesInAnyCase() {
        #expect(Issue(code: "Security.Terrorism") == .terrorism)
        #expect(Issue(code: "security.terror") == nil)
        #expect(Issue.terrorism < Issue.culture)
    }

    @Test func polarityGivesTheSignOfAScore() {
        #expect(Polarity.allCases.map(\.sign) == [1, -1, 0])
    }

    @Test(arguments: [("2004", "2004"), ("2019-12", "2019-12"), ("2024-02-29", "2024-02-29")])
    func parsesPartialDates(text: String, expected: String) throws {
        #expect(try #require(PartialDate(text)).description == expected)
    }

    @Test(arguments: ["2023-02-29", "2019-13", "19", "2019-1-05", "2019/01/05", "", "2019-01-01T00", "201a", "2019-0a", "2019-01x05", "-019", "2019-00"])
    func rejectsImpossibleDates(text: String) {
        #expect(PartialDate(text) == nil)
    }

    @Test func periodsEndNoEarlierThanTheyStart() throws {
        let start = try #require(PartialDate("2019-06"))
        #expect(Period(start: start, end: PartialDate("2019")) != nil)
        #expect(Period(start: start, end: PartialDate("2019-05-31")) == nil)
        #expect(PartialDate("2019")! < PartialDate("2019-02")!)
    }

    @Test func dyadsAreUnordered() throws {
        #expect(Dyad("KAZ", "JPN") == Dyad("JPN", "KAZ"))
        #expect(Dyad(parsing: "KAZ-JPN") == Dyad("JPN", "KAZ"))
        #expect(Dyad(parsing: "KAZ") == nil)
        #expect(Dyad("C5", "TUR").other(than: "TUR") == "C5")
    }
}
