import ArgumentParser
import DiplomapDocuments
import Foundation

/// `diplomap bench-extract`: how fast the document mapper reads text, in MB per second on one core.
struct BenchExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-extract",
        abstract: "Measure the document mapper's speed in MB of text per second, on one core.",
        discussion: """
        Repeats the documents of the given files until the corpus holds --megabytes of text, maps \
        every document once on the current thread and prints the time and MB/s beside the target \
        of 5 MB/s (3 MB/s for Russian, whose words are twice as many bytes and are stemmed). Build in \
        release mode for a meaningful figure.

        Example:
          swift build -c release
          .build/release/diplomap bench-extract ../shared/seeds/*.txt ../shared/eval/dev.jsonl --megabytes 50
        """
    )

    @Argument(help: ArgumentHelp("Documents to repeat into the corpus.", valueName: "file"))
    var files: [String]

    @Option(help: "Size of the corpus in megabytes (10^6 bytes).")
    var megabytes: Int = 50

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one document file to build the corpus from") }
        if megabytes < 1 { throw ValidationError("--megabytes must be at least 1") }
    }

    func run() async throws {
        let mapper = try DocumentMapper.make()
        let texts = try DocumentMapper.read(files).documents.map(\.text)
        let documents = texts.map { Array($0.utf8) }
        let russian = texts.allSatisfy { Language.detect($0) == .russian }
        let target = megabytes * 1_000_000
        var corpus: [[UInt8]] = []
        var size = 0
        while size < target {
            for document in documents where size < target {
                corpus.append(document)
                size += document.count
            }
        }
        let clock = ContinuousClock()
        var relations = 0
        let elapsed = clock.measure {
            for document in corpus {
                relations += document.withUnsafeBufferPointer { mapper.extract($0).count }
            }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = Double(size) / 1e6 / seconds
        try Output.print(Output.table(
            ["corpus", "documents", "relations", "seconds", "MB/s", "target MB/s"],
            [[String(format: "%.1f MB", Double(size) / 1e6), "\(corpus.count)", "\(relations)", String(format: "%.2f", seconds),
              String(format: "%.1f", rate), russian ? "3.0" : "5.0"]]))
    }
}
