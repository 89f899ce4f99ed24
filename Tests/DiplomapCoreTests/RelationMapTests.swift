@testable import DiplomapCore
import Testing

struct RelationMapTests {
    func evidence(_ a: String, _ b: String, _ issue: Issue, _ polarity: Polarity, weight: Double = 1, kind: SourceKind = .fact) -> Evidence {
        Evidence(kind: kind, a: a, b: b, issue: issue, polarity: polarity, weight: weight, citation: Fixture.citation)
    }

    @Test func aggregatesEvidencePerDyadAndIssue() throws {
        let map = RelationMap(
            evidence: [
                evidence("C5", "TUR", .multilateral, .cooperation),
                evidence("TUR", "C5", .multilateral, .cooperation),
                evidence("C5", "TUR", .multilateral, .conflict, kind: .document),
                evidence("KAZ", "TUR", .multilateral, .neutral),
                evidence("IRN", "C5", .borders, .conflict, weight: 3),
                evidence("JPN", "USA", .defense, .cooperation),
                evidence("KAZ", "UZB", .water, .conflict),
            ],
            focus: ["C5", "KAZ", "UZB"], partners: ["TUR", "IRN"]
        )
        #expect(map.cells.map { "\($0.focus)-\($0.partner)-\($0.issue.code)" } == [
            "C5-TUR-political.multilateral", "KAZ-TUR-political.multilateral", "C5-IRN-territory.borders",
        ])
        let turkey = try #require(map.cell(focus: "C5", partner: "TUR", issue: .multilateral))
        #expect(turkey.counts.fact.cooperation == 2 && turkey.counts.document.conflict == 1)
        #expect(turkey.counts.byPolarity.total == 3)
        // Facts: two cooperation rows, kind score +1, strength 1.0 × 2/3; documents: one conflict row,
        // kind score -1, strength 0.6 × 1/2.
        #expect(abs(turkey.score - (2.0 / 3.0 - 0.3) / (2.0 / 3.0 + 0.3)) < 1e-12)
        #expect(turkey.basis == .corroborated)
        #expect(map.cell(focus: "KAZ", partner: "TUR", issue: .multilateral)?.score == 0)
        #expect(map.cell(focus: "C5", partner: "IRN", issue: .borders)?.score == -1)
    }

    @Test func weighsEvidenceByItsWeight() throws {
        let map = RelationMap(
            evidence: [evidence("KAZ", "JPN", .trade, .cooperation, weight: 3), evidence("KAZ", "JPN", .trade, .conflict, weight: 1)],
            focus: ["KAZ"], partners: ["JPN"]
        )
        let cell = try #require(map.cells.first)
        #expect(cell.score == 0.5)
        #expect(cell.strongest.first?.weight == 3)
    }

    @Test func aThousandEventsDoNotOutweighATreaty() throws {
        let events = (0..<1000).map { _ in evidence("KAZ", "JPN", .energy, .conflict, weight: 5, kind: .event) }
        let map = RelationMap(evidence: events + [evidence("KAZ", "JPN", .energy, .cooperation)], focus: ["KAZ"], partners: ["JPN"])
        let cell = try #require(map.cells.first)
        // Fact: +1 with strength 1 × 1/2; events: -1 with strength 0.4 × 1000/1001.
        let eventStrength = 0.4 * 1000.0 / 1001.0
        #expect(abs(cell.score - (0.5 - eventStrength) / (0.5 + eventStrength)) < 1e-12)
        #expect(cell.score > -0.2)
        #expect(cell.basis == .corroborated)
        #expect(cell.strongest.count == ScoringPolicy.standard.strongestKept)
    }

    @Test func confidenceGrowsWithIndependentAndCorroboratingEvidence() throws {
        func confidence(_ items: [Evidence]) throws -> Double {
            try #require(RelationMap(evidence: items, focus: ["KAZ"], partners: ["JPN"]).cells.first).confidence
        }
        let one = try confidence([evidence("KAZ", "JPN", .trade, .cooperation)])
        let three = try confidence(Array(repeating: evidence("KAZ", "JPN", .trade, .cooperation), count: 3))
        let corroborated = try confidence(Array(repeating: evidence("KAZ", "JPN", .trade, .cooperation), count: 2) + [evidence("KAZ", "JPN", .trade, .cooperation, kind: .vote)])
        #expect(one < three && three < corroborated)
        // One fact: the Wilson interval for 1 of 1 spans [0.2065, 1], so the confidence is 1 - 0.7935.
        #expect(abs(one - 0.2065) < 0.001)
        let coded = try #require(RelationMap(evidence: [evidence("KAZ", "JPN", .trade, .conflict, kind: .event)], focus: ["KAZ"], partners: ["JPN"]).cells.first)
        #expect(coded.basis == .coded && coded.basis.label == "coded claim, not corroborated")
    }

    @Test func yearsOfUNVotesAreOneStreamNotACountOfYears() throws {
        let fact = Evidence(kind: .fact, a: "KAZ", b: "JPN", issue: .nonproliferation, polarity: .cooperation, citation: Fixture.citation)
        let sessions = (1992...2019).map { year in
            Evidence(kind: .vote, a: "KAZ", b: "JPN", issue: .nonproliferation, polarity: .conflict, weight: 0.2,
                     period: Period(start: PartialDate(year: year)!, end: PartialDate(year: year)!), citation: Fixture.citation)
        }
        let both = try #require(RelationMap(evidence: [fact] + sessions, focus: ["KAZ"], partners: ["JPN"]).cells.first)
        // One fact (1.0 × 1/2) against one vote stream (0.8 × 1/2), however many sessions: (0.5 − 0.4) / 0.9.
        #expect(abs(both.score - 0.1 / 0.9) < 1e-9)
        let votes = try #require(RelationMap(evidence: sessions, focus: ["KAZ"], partners: ["JPN"]).cells.first)
        let one = try #require(RelationMap(evidence: [sessions[0]], focus: ["KAZ"], partners: ["JPN"]).cells.first)
        #expect(votes.confidence == one.confidence && votes.confidence < 0.3)
        #expect(votes.basis == .votes && votes.counts.vote.conflict == 28)
    }

    @Test func keepsATimelineByYear() throws {
        var a = evidence("KAZ", "JPN", .trade, .cooperation)
        a.period = Period(start: PartialDate("2019-05")!)
        var b = evidence("KAZ", "JPN", .trade, .conflict)
        b.period = Period(start: PartialDate("2019")!)
        var c = evidence("KAZ", "JPN", .trade, .cooperation)
        c.period = Period(start: PartialDate("2004")!, end: PartialDate("2010"))
        let cell = try #require(RelationMap(evidence: [a, b, c, evidence("KAZ", "JPN", .trade, .neutral)], focus: ["KAZ"], partners: ["JPN"]).cells.first)
        #expect(cell.timeline.map(\.year) == [2004, 2019])
        #expect(cell.timeline.last?.counts.cooperation == 1 && cell.timeline.last?.counts.conflict == 1)
    }

    @Test func keepsAGroupAsOneSide() {
        let map = RelationMap(evidence: [evidence("C5", "JPN", .multilateral, .cooperation)], focus: ["C5", "KAZ", "KGZ"], partners: ["JPN"])
        #expect(map.cells.count == 1)
        #expect(map.cells.first?.focus == "C5")
    }
}

struct RelationMapBuilderTests {
    @Test func ordinalsFollowTheOrderOfAllCases() {
        #expect(Issue.allCases.enumerated().allSatisfy { $1.ordinal == $0 })
        #expect(SourceKind.allCases.enumerated().allSatisfy { $1.ordinal == $0 })
    }

    /// Facts weigh alike, and a year and a month of it begin on the same day: the pieces a cell keeps must still be
    /// the same, in the same order, whatever order the rows come in.
    @Test func theStrongestKeptDoNotDependOnTheOrderOfRows() {
        let items = (0..<30).map { (index: Int) -> Evidence in
            let start = index.isMultiple(of: 2) ? PartialDate(year: 2019)! : PartialDate(year: 2019, month: 1)!
            return Evidence(
                kind: .fact, a: "KAZ", b: "JPN", issue: .trade, polarity: .cooperation, weight: 1, period: Period(start: start),
                citation: Citation(title: "Fact \(index)", address: "https://example.org/\(index)"))
        }
        var forward = RelationMapBuilder(focus: ["KAZ"], partners: ["JPN"]), backward = forward
        for (index, item) in items.enumerated() { forward.add(item, id: Int64(index)) }
        for (index, item) in items.enumerated().reversed() { backward.add(item, id: Int64(index)) }
        #expect(forward.strongestIDs == backward.strongestIDs)
        // The twelve kept: the month-dated ones (odd ids) first, the earlier imported first among them.
        #expect(forward.strongestIDs == Array(stride(from: 1, to: 24, by: 2)).map(Int64.init))
    }

    /// Stores read in any order and in parallel parts: the map must come out the same to the last bit.
    @Test func anyOrderAndAnySplitGiveTheSameMap() {
        let items = (0..<300).map { (index: Int) -> Evidence in
            // Weights whose floating-point sums depend on their order (0.1 + 0.2 + 0.3 is not 0.3 + 0.2 + 0.1).
            let weight = Double(index % 7 + 1) / 10 + Double(index % 11) * 1e-9
            return Evidence(
                kind: SourceKind.allCases[index % 4], a: index % 3 == 0 ? "JPN" : "KAZ", b: index % 3 == 0 ? "KAZ" : "JPN",
                issue: Issue.allCases[index % 5], polarity: Polarity.allCases[index % 3],
                weight: weight,
                period: Period(start: PartialDate(year: 1990 + index % 30, month: index % 12 + 1)!),
                citation: Citation(title: "Item \(index)", address: "https://example.org/\(index)")
            )
        }
        let empty = RelationMapBuilder(focus: ["KAZ"], partners: ["JPN"])
        var whole = empty, reversed = empty, first = empty, second = empty
        for (index, item) in items.enumerated() {
            whole.add(item, id: Int64(index))
            if index.isMultiple(of: 2) { first.add(item, id: Int64(index)) } else { second.add(item, id: Int64(index)) }
        }
        for (index, item) in items.enumerated().reversed() { reversed.add(item, id: Int64(index)) }
        second.merge(first)
        let lookup: (Int64) -> Evidence? = { items[Int($0)] }
        let single = whole.map(evidence: lookup).cells
        #expect(single.count == 5)
        #expect(second.map(evidence: lookup).cells == single)
        #expect(reversed.map(evidence: lookup).cells == single)
        #expect(single.allSatisfy { !$0.eventMonths.isEmpty && $0.score != 0 })
        // Each cell's months are those of its events, in order.
        for cell in single {
            let months = Set(items.filter { $0.kind == .event && $0.issue == cell.issue }.map { $0.period!.start.year * 12 + $0.period!.start.month! })
            #expect(cell.eventMonths.map { $0.year * 12 + $0.month } == months.sorted())
        }
    }
}
