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

            The load is recorded in the store's ledger as events import records an import: \
            each file with its size, SHA-256 and damage, the rows read, kept and malformed, the \
            settings (see diplomap sources). The job applied the damage policy: a damaged file \
            gave nothing, or with --accept-damaged its rows before the damage, whose evidence is \
            marked here. Exit status: 0 when every file was whole, 3 when a file was damaged \
            (every file damaged: nothing stored), 1 when nothing was stored.

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
            let record = try await workspace.loadEvents(output, file: file, source: source)
            let report = output.report
            let damage = report.filesDamaged > 0 ? "; \(report.filesDamaged) files damaged" : ""
            let read = "the job read \(report.rowsRead) rows, kept \(report.rowsKept), rejected \(report.rowsRejected) malformed\(damage)"
            switch record.outcome {
            case .imported:
                try Output.print("Loaded \(record.evidenceRows) evidence rows (dyad × month × issue × polarity) as source \(record.sourceID): \(read).\n")
            case .partial:
                try Output.print("Loaded \(record.evidenceRows) evidence rows as source \(record.sourceID), partly from damaged files, marked as such in their citations: \(read).\n")
            case .refused:
                try Output.print("Loaded nothing: every file was damaged, and source \(record.sourceID) is as it was. The refusal is in the ledger (diplomap sources): \(read).\n")
            }
            if record.damaged { throw ExitCode(DamagedFile.exitStatus) }
        }
    }
}
