import ArgumentParser
import DiplomapCore
import DiplomapEvents
import Foundation

extension EventsCommand {
    /// `diplomap events load`: the Spark job's evidence into the store.
    struct Load: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load the evidence the Spark job wrote into the store, as events import would have stored it.",
            discussion: """
            DIR is the job's output folder (see `diplomap events spark`): evidence.csv and \
            report.json. The header and every row are checked first, and every problem is \
            reported as file:line: field: reason; then the rows are stored in one transaction, \
            replacing an earlier load or import of the same source, so a re-load never \
            duplicates and a failed one leaves the store as it was.

            Examples:
              diplomap events load out/c5-2015
              diplomap events load out/c5-2015 --db postgres://diplomap@db/diplomap
            """
        )

        @Argument(help: ArgumentHelp("The Spark job's output folder.", valueName: "dir"))
        var folder: String

        @OptionGroup var store: StoreOptions

        @Option(help: ArgumentHelp("The source id in the store (default: the job's, events/ and the file names).", valueName: "id"))
        var source: String?

        func run() async throws {
            let output = try SparkEventOutput(folder: URL(fileURLWithPath: folder))
            let workspace = try await store.open()
            let file = URL(fileURLWithPath: folder).appendingPathComponent("evidence.csv").path
            let (stored, count) = try await workspace.loadEvents(output, file: file, source: source)
            let report = output.report
            Output.print("""
                Loaded \(count) evidence rows (dyad × month × issue × polarity) as source \(stored.id): the job read \(report.rowsRead) rows, \
                kept \(report.rowsKept), rejected \(report.rowsRejected) malformed\(report.filesDamaged > 0 ? "; \(report.filesDamaged) files damaged" : "").

                """)
        }
    }
}
