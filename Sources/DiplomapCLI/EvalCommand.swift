import ArgumentParser
import DiplomapCore
import DiplomapDocuments
import DiplomapWorkspace
import Foundation

/// `diplomap eval`: the document mapper's precision, recall and F1 against annotated documents.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure the document mapper against annotated documents.",
        discussion: """
        Runs the mapper on the text of every document of the annotation files and compares its \
        relations with the annotated ones: each relation becomes (unordered country pair, issue, \
        polarity) triples, groups expanded to their members; precision, recall and F1 are micro \
        averages over all documents. Strict counts polarity, loose does not; "wrong polarity" counts \
        the triples stated with an annotated pair and issue but a polarity annotated for neither, \
        the part of the gap between the two scores that polarity makes. Prints one row per issue \
        and the overall row, for each language apart (English and Russian documents are read with \
        weights of their own; a document's language is its "lang" field, else detected).

        With --folds K it measures the mapper's design rather than the shipped weights: the \
        documents are split into K folds by a hash of their id, and each fold is mapped by a model \
        trained (as `diplomap train` does) on the other folds of its language, and on every \
        document of the languages its weights also learn from (Russian learns from English too).

        With --ceiling it measures what the candidate pairs allow: every pair the mapper proposes \
        in a sentence is stated with the issues and polarities its annotations give it there, as \
        training labels it, which is what weights that learned their labels perfectly would score. \
        A relation whose pair the mapper never proposes (a group the text means but does not name) \
        no weights can find: that is the recall missing here.

        Examples:
          diplomap eval held-out.jsonl
          diplomap eval --ceiling Data/corpus/*.jsonl
          diplomap eval --folds 5 Data/corpus/*.jsonl Data/corpus/ru/*.jsonl
          diplomap eval --folds 5 --lang ru Data/corpus/*.jsonl Data/corpus/ru/*.jsonl
          diplomap eval gold.jsonl --format json
        """
    )

    @Argument(help: ArgumentHelp("Annotated documents, JSONL with id, text and relations.", valueName: "gold.jsonl"))
    var files: [String]

    @Option(help: "Cross-validate over this many folds instead of using the shipped model.")
    var folds: Int?

    @Flag(help: "Score the candidate pairs as training labels them: what weights that learned the labels perfectly would do.")
    var ceiling = false

    @Option(help: ArgumentHelp("Measure only the documents in this language (en or ru); with --folds the others still train as the language's weights are trained.", valueName: "code"))
    var lang: Language?

    @Option(help: "table or json.")
    var format: ListFormat = .table

    func validate() throws {
        if let folds, folds < 2 { throw ValidationError("--folds must be at least 2") }
        if ceiling, folds != nil { throw ValidationError("--ceiling scores the candidates, which no folds change: give one of --ceiling and --folds") }
    }

    func run() async throws {
        let mapper = try DocumentMapper.make()
        let registry = try Workspace.registry()
        let documents = try files.flatMap { try AnnotatedDocument.load(URL(fileURLWithPath: $0)) }
        var rows: [[String]] = []
        for language in Language.allCases where lang == nil || lang == language {
            let own = documents.filter { $0.language == language }
            guard !own.isEmpty else { continue }
            var score = RelationScore(expand: { registry.members(of: $0) })
            if ceiling {
                RelationTrainer(extractor: mapper).ceiling(own, score: &score)
            } else if let folds {
                let others = documents.filter { $0.language != language && language.learnsFrom.contains($0.language) }
                RelationTrainer(extractor: mapper).crossValidate(own, folds: folds, alsoLearningFrom: others, score: &score)
            } else {
                for document in own {
                    score.add(gold: document.relations, predicted: mapper.extract(document.text, language: language).map(AnnotatedDocument.Relation.init))
                }
            }
            let issues = Issue.allCases.map(\.code).filter { score.looseByIssue[$0] != nil }
            rows += issues.map {
                [language.rawValue] + row($0, strict: score.strictByIssue[$0] ?? .init(), loose: score.looseByIssue[$0]!) + ["\(score.wrongPolarityByIssue[$0] ?? 0)"]
            }
            rows.append([language.rawValue] + row("overall", strict: score.strict, loose: score.loose) + ["\(score.wrongPolarity)"])
        }
        let header = ["language", "issue", "strict P", "strict R", "strict F1", "loose P", "loose R", "loose F1", "tp", "fp", "fn", "wrong polarity"]
        let json = rows.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
        try Output.list(format, header: header, rows: rows, json: json)
    }

    private func row(_ name: String, strict: RelationScore.Counts, loose: RelationScore.Counts) -> [String] {
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        return [name, f(strict.precision), f(strict.recall), f(strict.f1), f(loose.precision), f(loose.recall), f(loose.f1),
                "\(strict.truePositives)", "\(strict.falsePositives)", "\(strict.falseNegatives)"]
    }
}
