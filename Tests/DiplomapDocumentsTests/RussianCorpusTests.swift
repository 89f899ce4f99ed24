import DiplomapCore
import DiplomapDocuments
import Foundation
import Testing

/// The annotated Russian corpus of `Data/corpus/ru` and its blind second annotations hold to the annotation contract.
struct RussianCorpusTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Data/corpus/ru").standardized

    /// The blind second annotations of `Data/corpus/ru/blind`.
    static let blind: [AnnotatedDocument] = {
        let blind = folder.appendingPathComponent("blind")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: blind.path))?.filter { $0.hasSuffix(".jsonl") }.sorted() ?? []
        return files.flatMap { try! AnnotatedDocument.load(blind.appendingPathComponent($0)) }
    }()

    /// What is wrong with a document's codes, issues, polarities, evidence and language, if anything.
    static func problems(_ document: AnnotatedDocument, cited: Bool = true) -> [String] {
        var problems: [String] = []
        if document.lang != "ru" { problems.append("\(document.id): lang is \(document.lang ?? "missing"), not ru") }
        if document.language != .russian { problems.append("\(document.id): the text does not read as Russian") }
        if cited, document.source?.hasPrefix("http") != true { problems.append("\(document.id): no page address as source") }
        for relation in document.relations {
            let codes = relation.a + relation.b
            if codes.isEmpty || codes.contains(where: { $0 != "C5" && CorpusTests.registry.country(iso3: $0) == nil }) {
                problems.append("\(document.id): unknown side in \(codes)")
            }
            if Issue(rawValue: relation.issue) == nil { problems.append("\(document.id): unknown issue \(relation.issue)") }
            if Polarity(rawValue: relation.polarity) == nil { problems.append("\(document.id): unknown polarity \(relation.polarity)") }
            guard let evidence = relation.evidence, !evidence.isEmpty, document.text.contains(evidence) else {
                problems.append("\(document.id): evidence missing or not in the text: \((relation.evidence ?? "").prefix(60))")
                continue
            }
        }
        return problems
    }

    @Test func everyDocumentIsRussianAndEveryRelationQuotesItsText() {
        let problems = RelationModelTests.russianCorpus.flatMap { Self.problems($0) }
        #expect(problems.isEmpty, "\(problems.prefix(10))")
    }

    @Test func theCorpusIsLargeAndCoversEveryIssueAndPolarity() {
        let corpus = RelationModelTests.russianCorpus
        let ids = corpus.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids.count >= 80)
        var score = RelationScore(expand: { CorpusTests.registry.members(of: $0) })
        for document in corpus { score.add(gold: document.relations, predicted: []) }
        #expect(score.strict.falseNegatives >= 1000)
        for issue in Issue.allCases { #expect((score.strictByIssue[issue.code]?.falseNegatives ?? 0) >= 10, "\(issue.code)") }
        let polarities = Set(corpus.flatMap { $0.relations.map(\.polarity) })
        #expect(polarities.isSuperset(of: ["cooperation", "conflict"]))
    }

    @Test func blindAnnotationsAreOfCorpusDocumentsAndValid() {
        let ids = Set(RelationModelTests.russianCorpus.map(\.id))
        // At least a tenth of the corpus, drawn from every writer's documents.
        #expect(Self.blind.count * 10 >= ids.count)
        #expect(Set(Self.blind.map { $0.id.prefix(3) }) == Set(ids.map { $0.prefix(3) }))
        for document in Self.blind {
            // The text is the one the second annotator was given; a few corpus texts were reworded in places since.
            #expect(ids.contains(document.id), "\(document.id): no such document in the corpus")
            let problems = Self.problems(document, cited: false)
            #expect(problems.isEmpty, "\(problems.prefix(5))")
        }
    }
}
