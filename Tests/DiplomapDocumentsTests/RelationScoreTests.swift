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
        // KGZ–JPN is annotated (through C5) with cooperation only: stated as conflict, its polarity is what is wrong.
        #expect(score.wrongPolarity == 1 && score.wrongPolarityByIssue == ["political.dialogue": 1])
    }

    /// A pair and issue annotated with both polarities in one document: stating either is right, and a third is wrong
    /// once; a triple whose pair or issue is not annotated is no polarity error.
    @Test func aPolarityIsWrongOnlyWhereThePairAndIssueAreAnnotated() {
        var score = RelationScore(expand: { [$0] })
        let gold = [
            Relation(a: ["UZB"], b: ["TJK"], issue: "resources.water", polarity: "conflict"),
            Relation(a: ["TJK"], b: ["UZB"], issue: "resources.water", polarity: "cooperation"),
        ]
        score.add(gold: gold, predicted: [
            Relation(a: ["TJK"], b: ["UZB"], issue: "resources.water", polarity: "conflict"),
            Relation(a: ["UZB"], b: ["TJK"], issue: "resources.water", polarity: "neutral"),
            Relation(a: ["UZB"], b: ["TJK"], issue: "resources.energy", polarity: "neutral"),
            Relation(a: ["UZB"], b: ["KAZ"], issue: "resources.water", polarity: "conflict"),
        ])
        #expect(score.strict.truePositives == 1 && score.strict.falsePositives == 3)
        #expect(score.wrongPolarity == 1 && score.wrongPolarityByIssue == ["resources.water": 1])
    }
}
