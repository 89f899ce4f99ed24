import ArgumentParser
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
