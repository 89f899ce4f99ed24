import ArgumentParser
import DiplomapCore
import DiplomapData
import DiplomapEvents
import DiplomapWorkspace
import Foundation

extension EventFormat: ExpressibleByArgument {}

/// `diplomap events`: political event data (GDELT, ICEWS) into dyad-month aggregates and evidence.
struct EventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Aggregate political event data (GDELT 1.0 and 2.0, ICEWS) by dyad and month, or import it as evidence.",
        discussion: """
        Event files are read as they come from their publishers: tab-separated, plain, \
        .zip (as GDELT ships them) or .gz. The format is told from the first line: 57 or 58 \
        columns are GDELT 1.0, 61 are GDELT 2.0, a header row naming Event Date, Source \
        Country, Target Country, CAMEO Code and Intensity is ICEWS.

        Only events with a side in the focus are kept, so a year of the global feed becomes \
        the slice of one region. Malformed rows are counted, skipped and reported as \
        file:line: field: reason. Where each format keeps its fields is the table \
        Data/cameo/event_layouts.csv.

        Past one machine, `events spark` runs the same work as an Apache Spark job \
        (spark/diplomap_events.py) and `events load` stores its evidence.
        """,
        subcommands: [Aggregate.self, Import.self, Spark.self, Load.self]
    )

    /// The options every events subcommand shares.
    struct Input: ParsableArguments {
        @Argument(help: ArgumentHelp("Event files: plain, .zip or .gz.", valueName: "file"))
        var files: [String]

        @Option(help: "Keep events with at least one side here: a group or comma-separated states, as codes or names.")
        var focus = "C5"

        @Option(help: ArgumentHelp("The format of every file, instead of telling it from each file's first line.", valueName: "format"))
        var format: EventFormat?

        @Option(help: "Workers reading each plain file; compressed files are read by one. The default is the number of cores.")
        var threads = ProcessInfo.processInfo.activeProcessorCount

        @Flag(help: "Fail when any row is malformed or any file damaged, writing nothing.")
        var strict = false

        @Flag(name: .shortAndLong, help: "No progress bar and no summary; problems are still reported.")
        var quiet = false

        func validate() throws {
            guard !files.isEmpty else { throw ValidationError("give at least one event file") }
            guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
        }

        /// Runs `reader` over the files with a progress bar on a terminal, prints the summary and applies `--strict`.
        func scan<Sink: EventSink>(
            registry: CountryRegistry,
            reader: (EventScanOptions, ScanProgress) async throws -> (sink: Sink, report: ScanReport)
        ) async throws -> (Sink, ScanReport) {
            let focusCodes = try EventFocus.codes(focus, registry: registry)
            let options = EventScanOptions(
                format: format, focus: FocusCodes(focusCodes), threads: threads,
                namer: { name in (try? registry.resolveCountry(name)).map { $0.cameo ?? $0.iso3 } }
            )
            let progress = ScanProgress(totalBytes: EventReader.totalBytes(files))
            let bar = quiet || isatty(STDERR_FILENO) == 0 ? nil : ProgressBar(progress: progress)
            let started = Date()
            let result: (sink: Sink, report: ScanReport)
            do {
                result = try await reader(options, progress)
                await bar?.stop()
            } catch {
                await bar?.stop()
                throw error
            }
            let report = result.report
            let problems = report.problems.map(\.description).joined(separator: "\n")
            if strict && (report.rowsSkipped > 0 || report.filesFailed > 0) {
                throw CommandError("\(problems)\n--strict: \(report.rowsSkipped) malformed rows and \(report.filesFailed) damaged files; nothing written")
            }
            if !problems.isEmpty {
                let more = report.rowsSkipped + report.filesFailed - report.problems.count
                Output.error(problems + (more > 0 ? "\n… and \(more) more" : ""))
            }
            if !quiet {
                let seconds = Date().timeIntervalSince(started)
                Output.error("Read \(report.rowsRead) rows from \(files.count) \(files.count == 1 ? "file" : "files") (\(report.formats.map(\.label).sorted().joined(separator: ", "))) in \(String(format: "%.2f", seconds)) s: kept \(report.rowsKept) with a side in \(focus), skipped \(report.rowsSkipped) malformed" + (report.filesFailed > 0 ? "; \(report.filesFailed) files damaged" : "") + ".")
            }
            return (result.sink, report)
        }
    }

    /// `diplomap events aggregate`: the dyad-month aggregate contract as CSV.
    struct Aggregate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Count events per directed dyad, month and CAMEO root code, as CSV.",
            discussion: """
            Writes source,target,month,root,events,goldstein_sum,mentions: actor 1's country to \
            actor 2's, both given and different, at least one in the focus; the month of the event \
            date; the Goldstein sum rounded to one decimal; sorted by source, target, month, root.

            Examples:
              diplomap events aggregate 20240101.export.CSV.zip --out c5.csv
              diplomap events aggregate events-2019.tsv.gz --focus KAZ,UZB --threads 1
              diplomap events aggregate icews-2015.tab --format icews --strict
            """
        )

        @OptionGroup var input: Input

        @Option(help: ArgumentHelp("Where to write the CSV (default: standard output).", valueName: "file"))
        var out: String?

        func run() async throws {
            let (aggregate, _) = try await input.scan(registry: try Workspace.registry()) { options, progress in
                try await EventReader.scan(input.files, into: DyadMonthAggregate(), options: options, progress: progress)
            }
            let csv = aggregate.csv()
            guard let out else { return Output.print(csv) }
            do {
                try Data(csv.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
            } catch {
                throw CommandError("cannot write \(out): \(error.localizedDescription)")
            }
        }
    }

    /// `diplomap events import`: the aggregates as evidence in the store.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import events into the store as evidence, one row per dyad, month, issue and polarity.",
            discussion: """
            Each event gets an issue from its CAMEO code and its actors' types (the table in \
            Data/cameo/issue_map.csv) and a polarity from its quad class. Each row's citation \
            names the files and the month and quotes a few source URLs. The files form one \
            source: importing them again replaces it, and nothing is written unless the whole \
            import succeeds.

            Examples:
              diplomap events import 2024*.export.CSV.zip
              diplomap events import icews-2015.tab --focus C5 --source icews-2015
              diplomap map                          # the report now includes the events
            """
        )

        @OptionGroup var input: Input
        @OptionGroup var store: StoreOptions

        @Option(help: ArgumentHelp("The source id in the store (default: events/ and the file names).", valueName: "id"))
        var source: String?

        func run() async throws {
            let workspace = try await store.open()
            let (aggregate, report) = try await input.scan(registry: workspace.registry) { options, progress in
                try await workspace.scanEvents(input.files, options: options, progress: progress)
            }
            let (stored, count) = try await workspace.importEvents(aggregate, report: report, files: input.files, source: source)
            Output.print("Imported \(count) evidence rows (dyad × month × issue × polarity) as source \(stored.id).\n")
        }
    }
}

/// The focus of an event scan as CAMEO country codes.
enum EventFocus {
    /// Resolves a group or a comma-separated list of states; a group stands for its members.
    static func codes(_ list: String, registry: CountryRegistry) throws -> [String] {
        let codes = try registry.resolveStates(list).map { registry.country(iso3: $0)?.cameo ?? $0 }
        guard !codes.isEmpty else { throw ValidationError("--focus needs at least one state or group") }
        return codes
    }
}
