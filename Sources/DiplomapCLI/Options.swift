import ArgumentParser
import DiplomapCore
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

    /// The store path: the option, the environment, or the user's data folder.
    var path: String {
        if let db { return db }
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["DIPLOMAP_DB"], !path.isEmpty { return path }
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".local/share").path
        return URL(fileURLWithPath: base).appendingPathComponent("diplomap/diplomap.sqlite").path
    }
}

/// How a listing is written: for people, or for programs.
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

/// The period a command keeps: `--since`, `--until`, `--as-of`.
struct TimeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Keep evidence dated on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Keep evidence dated on or before this date.", valueName: "date"))
    var until: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Keep what was in force on this date: started by then, not ended before.", valueName: "date"))
    var asOf: String?

    func validate() throws {
        _ = try window()
    }

    /// The window the options describe; undated evidence is left out when any is given.
    func window() throws -> TimeWindow {
        func date(_ text: String?, _ option: String) throws -> PartialDate? {
            guard let text else { return nil }
            guard let date = PartialDate(text) else { throw ValidationError("\(option) takes a date as YYYY, YYYY-MM or YYYY-MM-DD; got \"\(text)\"") }
            return date
        }
        let window = TimeWindow(since: try date(since, "--since"), until: try date(until, "--until"), asOf: try date(asOf, "--as-of"))
        if let since = window.since, let until = window.until, until.latestDay < since.earliestDay {
            throw ValidationError("--until \(until) is before --since \(since)")
        }
        return window
    }
}
