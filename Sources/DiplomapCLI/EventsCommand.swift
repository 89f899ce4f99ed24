import ArgumentParser
import DiplomapCore
import DiplomapData
import DiplomapEvents
import DiplomapWorkspace
import Foundation

extension EventFormat: ExpressibleByArgument {}

/// `diplomap events`: political event data (GDELT, ICEWS, POLECAT) into dyad-month aggregates and evidence.
struct EventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Aggregate political event data (GDELT 1.0 and 2.0, ICEWS, POLECAT) by dyad and month, or import it as evidence.",
        discussion: """
        Event files are read as they come from their publishers: tab-separated, plain, \
        .zip (as GDELT ships them) or .gz. The format is told from the first line: 57 or 58 \
        columns are GDELT 1.0, 61 are GDELT 2.0, a header row naming Event Date, Source \
        Country, Target Country, CAMEO Code and Intensity is ICEWS, one naming Event Date, \
        Event Type, Event Mode, Contexts, Actor Country, Recipient Country, their primary \
        sectors and Event Intensity (or Intensity) is POLECAT, ICEWS's successor. ICEWS and \
        POLECAT sides are country names (or codes), resolved with the registry; a POLECAT side \
        that lists several states gives the event once for each pair.

        Only events with a side in the focus are kept, so a year of the global feed becomes \
        the slice of one region. Malformed rows are counted, skipped and reported as \
        file:line: field: reason. Where each format keeps its fields is the table \
        Data/cameo/event_layouts.csv.

        A file that fails its integrity check (a gzip or zip CRC or length that does not \
        match, a zip whose central directory is broken, compressed data that ends too soon) \
        or whose malformed rows exceed --max-malformed is damaged: it is named with the byte \
        where the damage was found and contributes nothing (--accept-damaged keeps its rows \
        before the damage). The good files are still read.

        Exit status: 0 when every file was read whole; 3 when a file was damaged (the output \
        or import holds the good files only); 1 when the command failed (a file cannot be \
        opened or its format told, --strict found a problem) and wrote nothing.

        Past one machine, `events spark` runs the same work as an Apache Spark job \
        (spark/diplomap_events.py) and `events load` stores its evidence.
        """,
        subcommands: [Aggregate.self, Import.self, EventsFetchCommand.self, EventsUpdateCommand.self, Spark.self, Load.self]
    )

    /// The settings of an event import as the ledger records them, the same for `events import` and `events load`.
    static func settings(focus: String, format: EventFormat?, maxMalformed: Double, acceptDamaged: Bool) -> String {
        ["--focus \(focus)", format.map { "--format \($0.rawValue)" }, "--max-malformed \(DamagePolicy.percent(maxMalformed).dropLast(2))",
         acceptDamaged ? "--accept-damaged" : nil].compactMap(\.self).joined(separator: " ")
    }

    /// The options every events subcommand shares.
    struct Input: ParsableArguments {
        @Argument(help: ArgumentHelp("Event files: plain, .zip or .gz.", valueName: "file"))
        var files: [String]

        @Option(help: "Keep events with at least one side here: a group or comma-separated states, as codes or names.")
        var focus = "C5"

        @Option(help: ArgumentHelp("The format of every file, instead of telling it from each file's first line.", valueName: "format"))
        var format: EventFormat?

        @Option(help: "Workers: each plain file is split between them; compressed files are inflated this many at once, one per worker. The default is the number of cores.")
        var threads = ProcessInfo.processInfo.activeProcessorCount

        @Flag(help: "Fail when any row is malformed or any file damaged, writing nothing.")
        var strict = false

        @Flag(help: "Keep the rows of a damaged file read before the damage (an import marks their evidence) instead of none.")
        var acceptDamaged = false

        @Option(help: ArgumentHelp("The largest share of a file's rows, in per cent, that may be malformed before the file counts as damaged.", valueName: "percent"))
        var maxMalformed = 1.0

        @Flag(name: .shortAndLong, help: "No progress bar and no summary; problems are still reported.")
        var quiet = false

        func validate() throws {
            guard !files.isEmpty else { throw ValidationError("give at least one event file") }
            guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
            guard (0...100).contains(maxMalformed) else { throw ValidationError("--max-malformed is a share in per cent, from 0 to 100") }
        }

        /// The settings that shape what the files give, as the ledger records them: the same files with other settings
        /// are imported again.
        var settings: String {
            EventsCommand.settings(focus: focus, format: format, maxMalformed: maxMalformed, acceptDamaged: acceptDamaged)
        }

        /// Exits with the status of damaged input when the scan met a damaged file, after the good ones were written.
        func exitIfDamaged(_ report: ScanReport) throws {
            if !report.damaged.isEmpty { throw ExitCode(DamagedFile.exitStatus) }
        }

        /// Runs `reader` over the files with a progress bar on a terminal, prints the summary and applies `--strict`.
        func scan<Sink: EventSink>(
            registry: CountryRegistry,
            reader: (EventScanOptions, ScanProgress) async throws -> (sink: Sink, report: ScanReport)
        ) async throws -> (Sink, ScanReport) {
            var options = try EventFocus.scanOptions(focus, registry: registry, format: format, threads: threads)
            options.damage = DamagePolicy(acceptDamaged: acceptDamaged, maxMalformed: maxMalformed / 100)
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
            var problems = report.problems.map(\.description)
            let more = report.rowsSkipped - report.problems.count
            if more > 0 { problems.append("… and \(more) more malformed rows") }
            problems += report.damaged.map { damage in
                "\(damage)" + (acceptDamaged ? " (its rows before the damage kept, marked)" : " (nothing of it used)")
            }
            if strict && (report.rowsSkipped > 0 || !report.damaged.isEmpty) {
                throw CommandError((problems + ["--strict: \(report.rowsSkipped) malformed rows and \(report.damaged.count) damaged files; nothing written"]).joined(separator: "\n"))
            }
            if !problems.isEmpty { Output.error(problems.joined(separator: "\n")) }
            if !quiet {
                let seconds = Date().timeIntervalSince(started)
                Output.error("Read \(report.rowsRead) rows from \(files.count) \(files.count == 1 ? "file" : "files") (\(report.formats.map(\.label).sorted().joined(separator: ", "))) in \(String(format: "%.2f", seconds)) s: kept \(report.rowsKept) with a side in \(focus), skipped \(report.rowsSkipped) malformed" + (report.damaged.isEmpty ? "" : "; \(report.damaged.count) \(report.damaged.count == 1 ? "file" : "files") damaged") + ".")
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
            date; the Goldstein sum rounded to one decimal; sorted by source, target, month, root. \
            A POLECAT event's root is the CAMEO root its PLOVER event type comes from \
            (Data/plover/event_types.csv) and its Goldstein value is its intensity.

            A damaged file (failed gzip or zip check, truncated, or over --max-malformed) is \
            named with the byte where the damage was found and gives nothing, unless \
            --accept-damaged; the good files are still read. Exit status: 0 when every file was \
            whole, 3 when a file was damaged, 1 when nothing was written.

            Examples:
              diplomap events aggregate 20240101.export.CSV.zip --out c5.csv
              diplomap events aggregate events-2019.tsv.gz --focus KAZ,UZB --threads 1
              diplomap events aggregate icews-2015.tab --format icews --strict
              diplomap events aggregate ngecEvents.20240105.Release999.DV.txt --focus C5
            """
        )

        @OptionGroup var input: Input

        @Option(help: ArgumentHelp("Where to write the CSV (default: standard output).", valueName: "file"))
        var out: String?

        func run() async throws {
            let (aggregate, report) = try await input.scan(registry: try Workspace.registry()) { options, progress in
                try await EventReader.scan(input.files, into: DyadMonthAggregate(), options: options, progress: progress)
            }
            let csv = aggregate.csv()
            try Output.write(csv, to: out ?? "-", what: "the aggregate")
            try input.exitIfDamaged(report)
        }
    }

    /// `diplomap events import`: the aggregates as evidence in the store.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import events into the store as evidence, one row per dyad, month, issue and polarity.",
            discussion: """
            Each event gets an issue from its CAMEO code and its actors' types (the table in \
            Data/cameo/issue_map.csv) and a polarity from its quad class; a POLECAT event from \
            its PLOVER event type, modes, contexts and sectors (Data/plover/issue_map.csv, the \
            first rule that matches) and its type's quad category. Each row's citation \
            names the files and the month and quotes a few source URLs. The files form one \
            source: importing them again replaces it, and nothing is written unless the whole \
            import succeeds. Files with the same SHA-256 imported before into the same source \
            with the same settings are not read again: the command says so and changes nothing.

            Every import, a refused one too, is recorded in the store's ledger with each file's \
            size, SHA-256 and damage and the rows read, kept and malformed: see diplomap sources.

            A damaged file (failed gzip or zip check, truncated, or over --max-malformed) is \
            named with the byte where the damage was found and gives nothing, unless \
            --accept-damaged; the good files are still read. Exit status: 0 when every file was \
            whole, 3 when a file was damaged, 1 when nothing was written.

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
            let sourceID = Workspace.eventSourceID(files: input.files, source: source)
            let files: [ImportRecord.File]
            do {
                files = try input.files.map(ImportRecord.File.reading)
            } catch {
                throw CommandError("cannot read \(input.files.joined(separator: ", ")): \(error.localizedDescription)")
            }
            if let earlier = try await workspace.unchangedImport(sourceID: sourceID, files: files, settings: input.settings) {
                try Output.print("Already imported: source \(sourceID) holds these files (same SHA-256, same settings) since \(earlier.importedAt.ISO8601Format()); nothing changed.\n")
                return
            }
            let (aggregate, report) = try await input.scan(registry: workspace.registry) { options, progress in
                try await workspace.scanEvents(input.files, options: options, progress: progress)
            }
            let record = try await workspace.importEvents(aggregate, report: report, files: input.files, source: source, settings: input.settings)
            switch record.outcome {
            case .imported:
                try Output.print("Imported \(record.evidenceRows) evidence rows (dyad × month × issue × polarity) as source \(sourceID).\n")
            case .partial:
                try Output.print("Imported \(record.evidenceRows) evidence rows as source \(sourceID), partly from damaged files, marked as such in their citations.\n")
            case .refused:
                try Output.print("Imported nothing: every file was damaged, and source \(sourceID) is as it was. The refusal is in the ledger (diplomap sources).\n")
            }
            try input.exitIfDamaged(report)
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

    /// How to read event files for this focus; ICEWS and POLECAT country names are resolved through the registry.
    static func scanOptions(_ list: String, registry: CountryRegistry, format: EventFormat? = nil, threads: Int = 1) throws -> EventScanOptions {
        EventScanOptions(
            format: format, focus: FocusCodes(try codes(list, registry: registry)), threads: threads,
            namer: { name in (try? registry.resolveCountry(name)).map { $0.cameo ?? $0.iso3 } }
        )
    }
}
