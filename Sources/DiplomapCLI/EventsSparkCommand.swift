import ArgumentParser
import DiplomapCore
import DiplomapData
import DiplomapEvents
import DiplomapWorkspace
import Foundation

extension EventsCommand {
    /// `diplomap events spark`: the spark-submit command line of the event job, printed or run.
    struct Spark: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write (--print) or run (--submit) the spark-submit command of the event job, for inputs past one machine.",
            discussion: """
            The job (spark/diplomap_events.py) reads GDELT 1.0, GDELT 2.0 and ICEWS files, plain, \
            .zip or .gz, from any path Spark reads (file:, hdfs://, s3a://, gs://), and writes to \
            OUT the aggregate contract (aggregate.csv, as events aggregate writes it), the evidence \
            rows (evidence.csv, for events load) and its counts (report.json). The focus is resolved \
            here into CAMEO codes; the column layouts, the issue map, the quad classes and the \
            country codes are the embedded data files, shipped with --files. POLECAT files \
            (PLOVER-coded) are refused by the job: read them with events aggregate or events import.

            Damaged files follow the policy of events import: a gzip or zip that fails its \
            check, or a file with more malformed rows than --max-malformed, gives nothing unless \
            --accept-damaged; report.json names them, and events load records them in the \
            ledger and exits 3.

            Examples:
              diplomap events spark --print --out s3a://bucket/c5 's3a://gdelt/2015*.export.CSV.zip'
              diplomap events spark --submit --master 'local[2]' --out out/c5 events/*.zip
              diplomap events load out/c5
            """
        )

        @Argument(help: ArgumentHelp("Event files, folders or globs, on any file system Spark reads.", valueName: "input"))
        var inputs: [String]

        @Option(help: ArgumentHelp("The folder the job writes aggregate.csv, evidence.csv and report.json to.", valueName: "dir"))
        var out: String

        @Option(help: "Keep events with at least one side here: a group or comma-separated states, as codes or names.")
        var focus = "C5"

        @Option(help: ArgumentHelp("The format of every file, instead of telling it from each file's first line.", valueName: "format"))
        var format: EventFormat?

        @Flag(help: "Keep the rows of a damaged file read before the damage (events load marks their evidence) instead of none.")
        var acceptDamaged = false

        @Option(help: ArgumentHelp("The largest share of a file's rows, in per cent, that may be malformed before the file counts as damaged.", valueName: "percent"))
        var maxMalformed = 1.0

        @Option(help: ArgumentHelp("Spark's master: local[N], spark://host:7077, yarn, k8s://https://host (default: spark-submit's).", valueName: "url"))
        var master: String?

        @Option(name: .customLong("deploy-mode"), help: ArgumentHelp("client or cluster (default: spark-submit's).", valueName: "mode"))
        var deployMode: String?

        @Option(help: ArgumentHelp("A Spark setting key=value, passed on as --conf; repeat for more.", valueName: "key=value"))
        var conf: [String] = []

        @Option(help: ArgumentHelp("The job's script.", valueName: "path"))
        var job = "spark/diplomap_events.py"

        @Flag(name: .customLong("print"), help: "Write the command line (the default).")
        var printOnly = false

        @Flag(help: "Run the command with the spark-submit found on the PATH; its exit status is ours.")
        var submit = false

        func validate() throws {
            guard !inputs.isEmpty else { throw ValidationError("give at least one input") }
            guard !(printOnly && submit) else { throw ValidationError("give --print or --submit, not both") }
            guard (0...100).contains(maxMalformed) else { throw ValidationError("--max-malformed is a share in per cent, from 0 to 100") }
            guard format?.coding != .plover else {
                throw ValidationError("the Spark job reads CAMEO-coded files only (GDELT, ICEWS); read POLECAT with events aggregate or events import")
            }
            if submit && !job.contains("://") && !FileManager.default.fileExists(atPath: job) {
                throw ValidationError("--job: no file at \(job); run from the repository or name the script")
            }
        }

        func run() async throws {
            let registry = try Workspace.registry()
            let arguments = try commandLine(focus: EventFocus.codes(focus, registry: registry))
            guard submit else { return try Output.print(arguments.map(Self.shellQuoted).joined(separator: " ") + "\n") }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = arguments
            do {
                try process.run()
            } catch {
                throw CommandError("cannot start spark-submit: \(error.localizedDescription)")
            }
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw ExitCode(process.terminationStatus) }
        }

        /// spark-submit, its options, the job and the job's arguments.
        func commandLine(focus codes: [String]) -> [String] {
            let cameo = DefaultData.cameoFolder
            let data = ["event_layouts.csv", "issue_map.csv", "quad_classes.csv"].map { cameo.appendingPathComponent($0).path }
                + [DefaultData.countriesFile.path]
            var arguments = ["spark-submit"]
            if let master { arguments += ["--master", master] }
            if let deployMode { arguments += ["--deploy-mode", deployMode] }
            for setting in conf { arguments += ["--conf", setting] }
            arguments += ["--files", data.joined(separator: ","), job, "--focus", codes.joined(separator: ","), "--out", out]
            if let format { arguments += ["--format", format.rawValue] }
            if acceptDamaged { arguments.append("--accept-damaged") }
            let settings = EventsCommand.settings(focus: focus, format: format, maxMalformed: maxMalformed, acceptDamaged: acceptDamaged)
            arguments += ["--max-malformed", String(DamagePolicy.percent(maxMalformed).dropLast(2)), "--settings", settings]
            return arguments + inputs
        }

        /// A word as a POSIX shell reads it back: bare when safe, else in single quotes.
        static func shellQuoted(_ word: String) -> String {
            let safe = word.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_./:=,@+%".contains($0)) }
            return safe && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }
    }
}
