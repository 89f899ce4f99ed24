import ArgumentParser
import DiplomapDocuments
import Foundation

/// `diplomap train`: fits the document mapper's model to annotated documents and writes its weights.
struct TrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Fit the document mapper's model to annotated documents.",
        discussion: """
        Reads annotated documents (JSONL of id, text and relations, as in Data/corpus) and fits \
        the three logistic models of the mapper (is a pair related, on which issues, with which \
        polarity) over the features the mapper reads; the threshold is chosen by an inner \
        cross-validation. The same documents always give the same weights, byte for byte. The \
        weights are written as text; the tool reads Data/model/relations.tsv for English and \
        Data/model/relations-ru.tsv for Russian, so commit the file written there to change the \
        shipped model. --lang says which weights to fit: English weights learn from the English \
        documents among the files, Russian ones from the Russian and the English documents.

        Measure a model on documents it did not learn from with `diplomap eval --folds 5` (over \
        the corpus) and `diplomap eval` on held-out files.

        Examples:
          diplomap train Data/corpus/*.jsonl --out Data/model/relations.tsv
          diplomap train --lang ru Data/corpus/*.jsonl Data/corpus/ru/*.jsonl --out Data/model/relations-ru.tsv
        """
    )

    @Argument(help: ArgumentHelp("Annotated documents to learn from.", valueName: "corpus.jsonl"))
    var files: [String]

    @Option(help: ArgumentHelp("The language whose weights to fit: en or ru.", valueName: "code"))
    var lang: Language = .english

    @Option(help: ArgumentHelp("Where to write the weights; - for standard output.", valueName: "file"))
    var out: String

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one annotated file") }
    }

    func run() async throws {
        let documents = try files.flatMap { try AnnotatedDocument.load(URL(fileURLWithPath: $0)) }.filter { lang.learnsFrom.contains($0.language) }
        guard documents.contains(where: { $0.language == lang }) else {
            throw ValidationError("none of the files holds a document in \(lang.name) (a document's language is its \"lang\" field, else detected)")
        }
        let model = RelationTrainer(extractor: try DocumentMapper.make()).fit(documents)
        try Output.write(model.text, to: out, what: "the model")
        Output.error("fitted \(model.featureCount) features on \(documents.count) documents (threshold \(model.threshold)) into \(Output.destination(out))")
    }
}
