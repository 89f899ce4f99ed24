import ArgumentParser
import DiplomapCore
import DiplomapWorkspace
import Foundation

/// Where the evidence store lives.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The SQLite store to use.",
        discussion: "Default: $DIPLOMAP_DB, else diplomap/diplomap.sqlite in $XDG_DATA_HOME or ~/.local/share. It is created and filled from the embedded data when missing or outdated.",
        valueName: "path"
    ))
    var db: String?

    @Flag(name: .shortAndLong, help: "Log what the store imports.")
    var verbose = false

    /// The store path: the option, else the workspace's default.
    var path: String { db ?? Workspace.defaultStorePath }

    /// Opens the workspace on this store.
    func open() async throws -> Workspace {
        try await Workspace.open(path: path, verbose: verbose)
    }
}

/// How a listing is written: for people, or for programs.
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

/// The period a command keeps: `--since`, `--until`, `--as-of` with its `--window`.
struct TimeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Keep evidence dated on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Keep evidence dated on or before this date.", valueName: "date"))
    var until: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp(
        "Keep what held on this date: durable relations (memberships, treaties, partnerships, disputes) started by then and not ended, "
            + "and point evidence (visits, statements, sentences, events, vote sessions) from the --window years before.",
        valueName: "date"
    ))
    var asOf: String?

    @Option(name: .customLong("window"), help: ArgumentHelp("With --as-of: the years before it that point evidence still counts (default \(TimeWindow.defaultLookBack)).", valueName: "years"))
    var lookBack: String?

    func validate() throws {
        _ = try window()
    }

    /// The window the options describe; undated evidence is left out when any is given.
    func window() throws -> TimeWindow {
        do {
            return try TimeWindow(since: since, until: until, asOf: asOf, window: lookBack)
        } catch {
            throw ValidationError("--\(error)")
        }
    }
}
