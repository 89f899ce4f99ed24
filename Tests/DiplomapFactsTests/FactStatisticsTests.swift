import DiplomapCore
import DiplomapFacts
import Testing

struct FactStatisticsTests {
    func fact(
        _ id: String, a: [String] = ["KAZ"], b: [String] = ["JPN"], issues: [Issue] = [.dialogue], polarity: Polarity = .cooperation,
        start: String? = "2019", event: String? = nil, addresses: [String] = ["https://example.org/a"]
    ) -> Fact {
        Fact(id: id, kind: .summit, a: a, b: b, issues: issues, polarity: polarity, period: start.flatMap { Period(start: PartialDate($0)!) },
             event: event, citations: addresses.map { Citation(title: "t", publisher: "p", address: $0, locator: "l", summary: "s") })
    }

    var facts: [Fact] {
        [
            fact("visit-partnership", issues: [.dialogue, .trade], start: "2015-10-27", event: "visit-2015", addresses: ["https://a.org/1", "https://b.org/1"]),
            fact("visit-uranium", issues: [.energy], start: "2015-10-27", event: "visit-2015", addresses: ["https://a.org/1"]),
            fact("loan", issues: [.trade], start: "2008", addresses: ["https://c.org/1"]),
            fact("dispute", issues: [.trade], polarity: .conflict, start: nil, addresses: ["https://d.org/1"]),
            fact("c5-summit", a: ["C5"], b: ["JPN"], start: "2004-08"),
            fact("kaz-uzb", a: ["KAZ"], b: ["UZB"], issues: [.borders], start: "2001"),
        ]
    }

    @Test func perPairFactsCountOnceAndFacetsOfOneEventAsOne() throws {
        let registry = try TestRegistry.make()
        let rows = FactStatistics.rows(facts, members: registry.members, byIssue: false)
        #expect(rows.map { "\($0.a)-\($0.b)" } == ["C5-JPN", "JPN-KAZ", "KAZ-UZB"])
        let kazJpn = try #require(rows.first { $0.a == "JPN" && $0.b == "KAZ" })
        #expect(kazJpn.issue == nil)
        #expect(kazJpn.facts == 4 && kazJpn.events == 3 && kazJpn.issues == 3 && kazJpn.sources == 4 && kazJpn.conflict == 1)
        #expect(kazJpn.oldest == PartialDate("2008") && kazJpn.newest == PartialDate("2015-10-27"))
    }

    @Test func perIssueEachIssueOfAFactCountsIt() throws {
        let registry = try TestRegistry.make()
        let rows = FactStatistics.rows(facts, members: registry.members, byIssue: true).filter { $0.b == "KAZ" }
        #expect(rows.map { $0.issue?.code ?? "" } == ["political.dialogue", "resources.energy", "economy.trade"])
        let trade = try #require(rows.first { $0.issue == .trade })
        #expect(trade.facts == 3 && trade.events == 3 && trade.sources == 4 && trade.conflict == 1)
        let energy = try #require(rows.first { $0.issue == .energy })
        #expect(energy.facts == 1 && energy.events == 1 && energy.sources == 1)
    }

    @Test func requestedPairsAreListedInTheirOrderAndAtZero() throws {
        let registry = try TestRegistry.make()
        let pairs: [(a: String, b: String)] = [("KAZ", "JPN"), ("TJK", "JPN"), ("C5", "JPN")]
        let rows = FactStatistics.rows(facts, members: registry.members, pairs: pairs, byIssue: false)
        #expect(rows.map { "\($0.a)-\($0.b):\($0.facts)/\($0.events)" } == ["KAZ-JPN:4/3", "TJK-JPN:0/0", "C5-JPN:1/1"])
        #expect(rows[1].oldest == nil && rows[1].sources == 0)
        let byIssue = FactStatistics.rows(facts, members: registry.members, pairs: pairs, byIssue: true)
        #expect(byIssue.filter { $0.a == "TJK" }.map(\.facts) == [0])
    }

    @Test func aJointActCountsForEveryPairOfItsStates() throws {
        let registry = try TestRegistry.make()
        let joint = fact("rail", a: ["KAZ", "UZB", "JPN"], b: ["KAZ", "UZB", "JPN"], issues: [.connectivity])
        let rows = FactStatistics.rows([joint], members: registry.members, byIssue: false)
        #expect(rows.map { "\($0.a)-\($0.b)" } == ["JPN-KAZ", "JPN-UZB", "KAZ-UZB"])
        #expect(rows.allSatisfy { $0.facts == 1 })
    }
}
