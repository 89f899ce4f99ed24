import DiplomapCore
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
        #expect(abs(turkey.score - 1.0 / 3.0) < 1e-12)
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
        #expect(cell.evidence.first?.weight == 3)
    }

    @Test func keepsAGroupAsOneSide() {
        let map = RelationMap(evidence: [evidence("C5", "JPN", .multilateral, .cooperation)], focus: ["C5", "KAZ", "KGZ"], partners: ["JPN"])
        #expect(map.cells.count == 1)
        #expect(map.cells.first?.focus == "C5")
    }
}
