import ArgumentParser
import DiplomapDocuments
import DiplomapCore
import DiplomapWorkspace
import Foundation

/// Where the evidence store lives: a SQLite file or a PostgreSQL database.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The store to use: a SQLite file, or a PostgreSQL database as postgres://user:password@host:port/database.",
        discussion: """
            Default: $DIPLOMAP_DATABASE_URL, else $DIPLOMAP_DB, else diplomap/diplomap.sqlite in $XDG_DATA_HOME or ~/.local/share. \
            It is created, migrated and filled from the embedded data when missing or outdated. A URL may add ?sslmode=require \
            (or prefer, verify-full) for TLS and &pool=N for the most connections (default 8).
            """,
        valueName: "path-or-url"
    ))
    var db: String?

    @Flag(name: .shortAndLong, help: "Log what the store imports.")
    var verbose = false

    /// The store: the option, else the environment's, else the default file.
    var location: StoreLocation {
        get throws {
            do {
                return try StoreLocation(db ?? StoreLocation.defaultText)
            } catch {
                throw ValidationError("--db: \(error)")
            }
        }
    }

    func validate() throws {
        _ = try location
    }

    /// Opens the workspace on this store.
    func open() async throws -> Workspace {
        try await Workspace.open(try location, verbose: verbose)
    }
}

/// How a listing is written: for people, or for programs.
extension Language: ExpressibleByArgument {}

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
