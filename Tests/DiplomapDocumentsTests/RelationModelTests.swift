import DiplomapCore
import DiplomapData
@testable import DiplomapDocuments
import DiplomapTestSupport
import Foundation
import Testing

struct RelationModelTests {
    /// The annotated corpus the shipped model was fitted to, read from the repository.
    static let corpus: [AnnotatedDocument] = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Data/corpus").standardized
        let files = try! FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".jsonl") }.sorted()
        return files.flatMap { try! AnnotatedDocument.load(folder.appendingPathComponent($0)) }
    }()

    /// The annotated Russian corpus the shipped Russian weights were fitted to with `corpus` (`Data/corpus/ru`, blind second annotations left out).
    static let russianCorpus: [AnnotatedDocument] = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Data/corpus/ru").standardized
        let files = try! FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".jsonl") }.sorted()
        return files.flatMap { try! AnnotatedDocument.load(folder.appendingPathComponent($0)) }
    }()

    /// The fits take minutes in a debug build: each on a thread of its own, so that the tests beside them keep running.
    @Test func trainingOnTheCorpusGivesTheShippedWeightsByteForByte() async throws {
        let shipped = try String(contentsOf: DefaultData.relationModelFile, encoding: .utf8)
        let fitted = try await onOwnThread { RelationTrainer(extractor: Mapper.shared).fit(Self.corpus) }
        #expect(fitted.text == shipped)
    }

    @Test func trainingOnTheRussianCorpusGivesTheShippedRussianWeightsByteForByte() async throws {
        let shipped = try String(contentsOf: DefaultData.relationModelFile(language: "ru"), encoding: .utf8)
        // Russian weights learn from the English corpus too (`Language.learnsFrom`), in this order, as `diplomap train --lang ru` reads them.
        let fitted = try await onOwnThread { RelationTrainer(extractor: Mapper.shared).fit(Self.corpus + Self.russianCorpus) }
        #expect(fitted.text == shipped)
    }

    @Test func eachLanguageIsReadWithItsOwnWeights() {
        #expect(Mapper.shared.model(for: .russian) != Mapper.shared.model(for: .english))
        #expect(Mapper.shared.extract("Япония и Узбекистан подписали соглашение о строительстве железной дороги.").allSatisfy { $0.language == .russian })
        #expect(Language.detect("Japan and Uzbekistan signed a railway deal («Казахстан» was not there).") == .english)
        #expect(Language.detect("Президент Mirziyoyev и премьер Japan обсудили проект.") == .russian)
    }

    @Test func theTextFormReadsBackToTheSameModel() throws {
        let model = Mapper.shared.model
        let again = try RelationModel(text: model.text, file: "model.tsv")
        #expect(again == model)
        #expect(again.featureCount > 1000)
        #expect((0.05...0.7).contains(model.threshold))
    }

    @Test func aDamagedModelFileNamesItsLine() throws {
        let lines = Mapper.shared.model.text.split(separator: "\n", maxSplits: 4).map(String.init)
        #expect(throws: InputError.self) { try RelationModel(text: "not a model\n", file: "m.tsv") }
        let short = lines[0...2].joined(separator: "\n") + "\nabc\t1\t2\n"
        do {
            _ = try RelationModel(text: short, file: "m.tsv")
            Testing.Issue.record("a row with two weights was accepted")
        } catch let error as InputError {
            #expect(error.line == 4)
            #expect("\(error)".contains("m.tsv"))
        }
        let heads = lines[0] + "\n" + lines[1] + "\nheads\trelate\tcooperation\n"
        #expect(throws: InputError.self) { try RelationModel(text: heads, file: "m.tsv") }
    }

    @Test func headIndicesFollowTheOrderOfTheCodes() {
        #expect(Issue.allCases.map(\.ordinal) == Array(0..<16))
        #expect(Polarity.allCases.map(\.ordinal) == [0, 1, 2])
        #expect(Cue.allCases.map(\.index) == Array(Cue.allCases.indices))
    }

    @Test func everyRelationCarriesAProbabilityAtLeastTheThreshold() {
        let text = "Japan and Uzbekistan signed a loan for a new railway. Tajikistan and Kyrgyzstan clashed over their border."
        let relations = Mapper.shared.extract(text)
        #expect(!relations.isEmpty)
        #expect(relations.allSatisfy { $0.confidence >= Mapper.shared.model.threshold && $0.confidence <= 1 })
        var strict = Mapper.shared
        strict.minimumConfidence = 0.999
        #expect(strict.extract(text).count < relations.count)
        var loose = Mapper.shared
        loose.minimumConfidence = 0.01
        #expect(loose.extract(text).count > relations.count)
    }

    @Test func foldsAreStableAndSpreadDocuments() {
        let folds = Self.corpus.map { RelationTrainer.fold(of: $0.id, 5, salt: "") }
        #expect(folds == Self.corpus.map { RelationTrainer.fold(of: $0.id, 5, salt: "") })
        for fold in 0..<5 { #expect(folds.filter { $0 == fold }.count > Self.corpus.count / 10) }
    }
}
