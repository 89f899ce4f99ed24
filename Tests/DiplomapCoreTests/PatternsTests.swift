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
        let borders = patterns.patterns.first { $0.issue == .borders }
        #expect(borders?.states == ["TJK"] && borders?.direction == .conflict && borders?.standout == "TJK")
    }

    @Test func writesSentencesWithTheirCells() {
        let names = ["C5": "the C5", "TUR": "Turkey", "IRN": "Iran", "TJK": "Tajikistan", "TKM": "Turkmenistan"]
        let sentences = patterns().sentences { names[$0] ?? $0 }
        #expect(sentences.map { $0.text(partnerName: names[$0.partner]!) } == [
            "Turkey: cooperation on multilateral is region-wide (the C5 as a whole; 4 of 5 states), not Tajikistan.",
            "Iran: cooperation on trade is region-wide (5 of 5 states), Turkmenistan stands out; conflict over borders is specific to Tajikistan.",
        ])
        #expect(sentences[0].clauses[0].focus == "C5")
        #expect(sentences[1].clauses[1].focus == "TJK")
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
