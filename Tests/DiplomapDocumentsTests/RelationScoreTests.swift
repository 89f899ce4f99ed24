import DiplomapDocuments
import Testing

struct RelationScoreTests {
    private typealias Relation = AnnotatedDocument.Relation

    @Test func groupsExpandAndPolarityCountsOnlyWhenStrict() {
        var score = RelationScore(expand: { $0 == "C5" ? ["KAZ", "KGZ", "TJK", "TKM", "UZB"] : [$0] })
        let gold = [Relation(a: ["C5"], b: ["JPN"], issue: "political.dialogue", polarity: "cooperation")]
        let predicted = [
            Relation(a: ["KAZ"], b: ["JPN"], issue: "political.dialogue", polarity: "cooperation"),
            Relation(a: ["KGZ"], b: ["JPN"], issue: "political.dialogue", polarity: "conflict"),
            Relation(a: ["KAZ"], b: ["KAZ"], issue: "political.dialogue", polarity: "cooperation"),
        ]
        score.add(gold: gold, predicted: predicted)
        #expect(score.strict.truePositives == 1)
        #expect(score.strict.falsePositives == 1)
        #expect(score.strict.falseNegatives == 4)
        #expect(score.loose.truePositives == 2)
        #expect(score.loose.falseNegatives == 3)
        #expect(abs(score.strict.precision - 0.5) < 1e-9)
        #expect(score.strictByIssue["political.dialogue"] == score.strict)
    }
}
