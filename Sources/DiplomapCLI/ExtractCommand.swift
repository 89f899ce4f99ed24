import ArgumentParser
import DiplomapCore
import DiplomapDocuments
import DiplomapWorkspace
import Foundation

/// `diplomap extract`: the relations that documents state, as JSONL or a table, optionally stored as evidence.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Find the relations between states that documents state, issue by issue.",
        discussion: """
        Reads plain text, Markdown (.md), HTML (.html, tags stripped, entities decoded), PDF (.pdf, \
        through pdftotext from poppler-utils) and JSONL files of {"id", "text"} documents. For each \
        sentence it finds the states that act (names, demonyms, capitals, leaders; "Central Asian \
        states" as C5), the issues its words name (Data/lexicon), and the polarity of each clause; \
        states that are only a venue or a topic ("instability in Afghanistan") are not sides.

        Russian documents are read with the Russian lexicon (Data/lexicon/ru: every case form of \
        the states' names, capitals, adjectives and leaders) and weights of their own \
        (Data/model/relations-ru.tsv). The language of each document is detected from its \
        letters (Russian when a third of them are Cyrillic) unless --lang or a JSONL line's \
        "lang" says it.

        Every relation carries the model's probability that the sentence states it \
        (`confidence`); --min-confidence keeps those at or above a value (default: the model's \
        threshold, chosen when it was trained).

        A file that is not UTF-8 text or holds a zero byte is damaged: it is named with the \
        byte at fault and left out, the other files are read, and the command exits with \
        status 3.

        --format jsonl writes one line a document, {"id", "lang", "relations": [{"a", "b", \
        "issue", "polarity", "evidence"}]}, the form the evaluation files use; a plain file's id \
        is its name. --import stores the relations as document evidence (quote, byte offsets and, \
        for a document not in English, its language), replacing what an earlier import of the \
        same document stored, so that `diplomap map` shows them.

        Examples:
          diplomap extract paper.txt
          diplomap extract --format jsonl corpus.jsonl > relations.jsonl
          diplomap extract ../shared/seeds/*.txt --import && diplomap map
          diplomap extract --lang ru --format jsonl news-ru.txt
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, jsonl
    }

    @Argument(help: ArgumentHelp("Documents to read: .txt, .md, .html, .pdf or .jsonl.", valueName: "file"))
    var files: [String]

    @Option(help: "table (for people) or jsonl (one document a line, for programs and the scorer).")
    var format: Format = .table

    @Option(help: ArgumentHelp("Keep relations whose probability is at least this (0 to 1).", valueName: "p"))
    var minConfidence: Double?

    @Option(help: ArgumentHelp("The documents' language: en or ru (default: each document's own, detected).", valueName: "code"))
    var lang: Language?

    @Flag(name: .customLong("import"), help: "Store the relations as evidence, replacing each document's earlier rows.")
    var importEvidence = false

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one document file") }
        if let minConfidence, !(0...1).contains(minConfidence) { throw ValidationError("--min-confidence must be between 0 and 1") }
    }

    func run() async throws {
        var mapper = try DocumentMapper.make()
        if let minConfidence { mapper.minimumConfidence = minConfidence }
        let (read, damaged) = try DocumentMapper.read(files)
        let documents = read.map { document in
            var document = document
            document.language = lang ?? document.language ?? Language.detect(document.text)
            return document
        }
        let results = documents.map { ($0, mapper.extract($0.text, language: $0.language)) }
        switch format {
        case .jsonl:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            var out = ""
            for (document, relations) in results {
                let line = Line(id: document.id, lang: document.language ?? .english, relations: relations.map(AnnotatedDocument.Relation.init))
                out += String(decoding: try encoder.encode(line), as: UTF8.self) + "\n"
            }
            try Output.print(out)
        case .table:
            let rows = results.flatMap { document, relations in
                relations.map {
                    [document.id, $0.a, $0.b, $0.issue.code, $0.polarity.rawValue, String(format: "%.2f", $0.confidence), String($0.evidence.prefix(100))]
                }
            }
            try Output.print(Output.table(["document", "a", "b", "issue", "polarity", "p", "evidence"], rows))
        }
        if importEvidence {
            let workspace = try await store.open()
            for (document, relations) in results {
                try await workspace.importDocument(document, relations: relations)
            }
            Output.error("imported \(results.map(\.1.count).reduce(0, +)) relations from \(results.count) documents into \((try? store.location)?.description ?? "the store")")
        }
        if !damaged.isEmpty { throw ExitCode(DamagedFile.exitStatus) }
    }

    private struct Line: Encodable {
        var id: String
        var lang: Language
        var relations: [AnnotatedDocument.Relation]
    }
}
