@testable import DiplomapCore
import Testing

struct PatternsTests {
    let states = ["KAZ", "KGZ", "TJK", "TKM", "UZB"]

    func evidence(_ a: String, _ b: String, _ issue: Issue, _ polarity: Polarity) -> Evidence {
        Evidence(kind: .fact, a: a, b: b, issue: issue, polarity: polarity, citation: Fixture.citation)
    }

    /// A constructed map: multilateral ties with Turkey for the group and four states, a border dispute of
    /// Tajikistan with Iran, and trade with Iran where Turkmenistan is the only one in conflict.
    func patterns() -> Patterns {
        var items = [evidence("C5", "TUR", .multilateral, .cooperation)]
        items += ["KAZ", "KGZ", "TKM", "UZB"].map { evidence($0, "TUR", .multilateral, .cooperation) }
        items.append(evidence("TJK", "IRN", .borders, .conflict))
        items += ["KAZ", "KGZ", "TJK", "UZB"].map { evidence($0, "IRN", .trade, .cooperation) }
        items.append(evidence("TKM", "IRN", .trade, .conflict))
        let map = RelationMap(evidence: items, focus: ["C5"] + states, partners: ["TUR", "IRN"])
        return Patterns(map: map, group: "C5", states: states)
    }

    @Test func classifiesRegionWideSpecificAndAbsent() {
        let patterns = patterns()
        #expect(patterns.reach(partner: "TUR", issue: .multilateral) == .regionWide)
        #expect(patterns.reach(partner: "IRN", issue: .borders) == .specific)
        #expect(patterns.reach(partner: "TUR", issue: .water) == .absent)
        let trade = patterns.patterns.first { $0.partner == "IRN" && $0.issue == .trade }
        #expect(trade?.reach == .regionWide && trade?.standout == "TKM" && trade?.states.count == 5)
        // States are counted when their cells agree in direction, not for having evidence: Turkmenistan is against.
        #expect(trade?.agreeing == ["KAZ", "KGZ", "TJK", "UZB"] && trade?.opposing == ["TKM"] && trade?.direction == .cooperation)
        let borders = patterns.patterns.first { $0.issue == .borders }
        #expect(borders?.states == ["TJK"] && borders?.direction == .conflict && borders?.standout == "TJK")
    }

    @Test func writesSentencesWithTheirCells() {
        let names = ["C5": "the C5", "TUR": "Turkey", "IRN": "Iran", "TJK": "Tajikistan", "TKM": "Turkmenistan"]
        let sentences = patterns().sentences { names[$0] ?? $0 }
        #expect(sentences.map { "\($0.partner): \($0.text)" } == [
            "TUR: Region-wide cooperation on Multilateral (the C5 as a whole and 4 of 5 states; thinly attested).",
            "IRN: Region-wide cooperation on Trade (4 of 5 states; thinly attested).",
            "IRN: Against the region on Trade (Turkmenistan in conflict).",
            "IRN: Country-specific relations on Borders (conflict with Tajikistan).",
        ])
        #expect(sentences[0].clauses[0].focus == "C5")
        #expect(sentences[2].clauses[0].focus == "TKM")
        #expect(sentences[3].clauses[0].focus == "TJK")
    }

    /// Opposite directions with no majority are mixed; a cell of UN votes alone takes no part; at most three
    /// sentences per partner, each naming at most three issues, the broadest first, the others counted.
    @Test func mixedVotesOnlyAndTheLimits() {
        var items = [evidence("KAZ", "JPN", .energy, .cooperation), evidence("TKM", "JPN", .energy, .conflict)]
        items.append(Evidence(kind: .vote, a: "KAZ", b: "JPN", issue: .nonproliferation, polarity: .conflict, weight: 0.2,
                              period: Period(start: PartialDate(year: 2019)!, end: PartialDate(year: 2019)!), citation: Fixture.citation))
        let cooperative: [Issue] = [.trade, .investment, .culture, .dialogue, .connectivity]
        for (index, issue) in cooperative.enumerated() {
            items += states.prefix(index == 4 ? 5 : 3).map { evidence($0, "JPN", issue, .cooperation) }
        }
        items.append(evidence("UZB", "JPN", .water, .conflict))
        items.append(evidence("UZB", "JPN", .borders, .cooperation))
        let map = RelationMap(evidence: items, focus: ["C5"] + states, partners: ["JPN"])
        let patterns = Patterns(map: map, group: "C5", states: states)
        #expect(patterns.reach(partner: "JPN", issue: .energy) == .mixed)
        let votes = patterns.pattern(partner: "JPN", issue: .nonproliferation)
        #expect(votes?.reach == .absent && votes?.votesOnly == ["KAZ"])
        let sentences = patterns.sentences { $0 }
        #expect(sentences.count == 3)
        #expect(sentences[0].text == "Region-wide cooperation on 5 issues, most broadly on Connectivity (5 of 5 states; thinly attested), Dialogue (3 of 5 states; thinly attested) and Trade (3 of 5 states; thinly attested).")
        #expect(sentences[1].text == "Country-specific relations on Borders (cooperation with UZB) and Water (conflict with UZB).")
    }

    @Test func decomposesVarianceAsAHandComputation() {
        // 2 states × 2 partners × 1 issue: scores [[1, 0], [1, 0]]: all variance comes from the partner.
        let byPartner = Patterns.decompose([[[1], [0]], [[1], [0]]])
        #expect(byPartner.partner == 1 && byPartner.focus == 0 && byPartner.issue == 0 && byPartner.interaction == 0)
        #expect(byPartner.totalSumOfSquares == 1)
        // [[1, 0], [0, 0]]: grand mean 0.25, total SS 0.75; state and partner SS 0.25 each; interaction 0.25.
        let mixed = Patterns.decompose([[[1], [0]], [[0], [0]]])
        #expect(abs(mixed.focus - 1.0 / 3) < 1e-12 && abs(mixed.partner - 1.0 / 3) < 1e-12 && abs(mixed.interaction - 1.0 / 3) < 1e-12)
    }

    @Test func ranksStatesByHowAlikeTheyRelate() {
        let similarities = patterns().similarities
        #expect(similarities.count == 10)
        // Kazakhstan, Kyrgyzstan and Uzbekistan have the same profile; Tajikistan and Turkmenistan differ.
        #expect(similarities.first.map { [$0.a, $0.b] } == ["KAZ", "KGZ"])
        #expect(abs(similarities[0].cosine - 1) < 1e-12)
        #expect(similarities.last?.cosine ?? 1 < 0.5)
    }
}
