import DiplomapCore
import DiplomapData
import DiplomapDocuments
import DiplomapFacts
import Testing

/// The annotated corpus of `Data/corpus` holds to the annotation contract.
struct CorpusTests {
    static let registry = try! KnowledgeBase.registry(countries: DefaultData.countriesFile, groups: DefaultData.groupsFile)

    @Test func everyRelationUsesKnownCodesAndQuotesItsText() {
        var problems: [String] = []
        for document in RelationModelTests.corpus {
            for relation in document.relations {
                let codes = relation.a + relation.b
                if codes.isEmpty || codes.contains(where: { $0 != "C5" && Self.registry.country(iso3: $0) == nil }) {
                    problems.append("\(document.id): unknown side in \(codes)")
                }
                if Issue(rawValue: relation.issue) == nil { problems.append("\(document.id): unknown issue \(relation.issue)") }
                if Polarity(rawValue: relation.polarity) == nil { problems.append("\(document.id): unknown polarity \(relation.polarity)") }
                if let evidence = relation.evidence, evidence.isEmpty || !document.text.contains(evidence) {
                    problems.append("\(document.id): evidence not in the text: \(evidence.prefix(60))")
                }
                if relation.evidence == nil { problems.append("\(document.id): a relation without evidence") }
            }
        }
        #expect(problems.isEmpty, "\(problems.prefix(10))")
    }

    @Test func documentsAreUniqueAndCiteTheirPage() throws {
        let ids = RelationModelTests.corpus.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids.count >= 150)
        #expect(RelationModelTests.corpus.allSatisfy { $0.source?.hasPrefix("http") == true })
    }

    @Test func everyIssueHasSixtyTriples() {
        var score = RelationScore(expand: { Self.registry.members(of: $0) })
        var perIssue: [String: Int] = [:]
        for document in RelationModelTests.corpus {
            var one = RelationScore(expand: { Self.registry.members(of: $0) })
            one.add(gold: document.relations, predicted: [])
            for (issue, counts) in one.strictByIssue { perIssue[issue, default: 0] += counts.falseNegatives }
            score.add(gold: document.relations, predicted: [])
        }
        #expect(score.strict.falseNegatives >= 2000)
        for issue in Issue.allCases { #expect(perIssue[issue.code, default: 0] >= 60, "\(issue.code)") }
    }
}
