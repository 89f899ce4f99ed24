import ArgumentParser
import DiplomapCore
import DiplomapWorkspace
import Logging

/// The stores' logger: problems, and a schema update that takes a while, since the commands say what they did.
private var storeLogger: Logger {
    var logger = Logger(label: "diplomap.store")
    logger.logLevel = .notice
    return logger
}

/// `diplomap db`: the store itself: its schema, and moving it between SQLite and PostgreSQL.
struct DbCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Migrate the store's schema, or copy a whole store between SQLite and PostgreSQL.",
        subcommands: [Migrate.self, Copy.self]
    )

    /// `diplomap db migrate`: brings the schema up to date and says where it stands.
    struct Migrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Bring the store's schema up to date, and say its version.",
            discussion: """
            Every command applies the migrations a store lacks when it opens it; this one does only \
            that, without importing the embedded data, so that a shared PostgreSQL database can be \
            migrated once before its servers start. A store that a newer diplomap has migrated \
            further is refused.

            Examples:
              diplomap db migrate --db postgres://diplomap@localhost/diplomap
              DIPLOMAP_DATABASE_URL=postgres://diplomap@localhost/diplomap diplomap db migrate
            """
        )

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let location = try store.location
            let opened = try await location.open(logger: storeLogger)
            let schema = opened.schema
            await opened.close()
            let applied = schema.appliedNow.isEmpty ? "already up to date" : "applied " + schema.appliedNow.joined(separator: "; ")
            try Output.print("\(location): schema version \(schema.version), \(applied).\n")
        }
    }

    /// `diplomap db copy`: one store's sources into another.
    struct Copy: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy every source and its evidence from one store into another, SQLite or PostgreSQL either way.",
            discussion: """
            Each source is replaced in the target in one transaction, and sources the target holds \
            that the origin does not are removed, so that afterwards both hold the same rows. Both \
            stores are migrated first.

            Examples:
              diplomap db copy --from ~/.local/share/diplomap/diplomap.sqlite --to postgres://diplomap@localhost/diplomap
              diplomap db copy --from postgres://diplomap@localhost/diplomap --to backup.sqlite
            """
        )

        @Option(help: ArgumentHelp("The store to copy: a SQLite file or a postgres:// URL.", valueName: "path-or-url"))
        var from: String

        @Option(help: ArgumentHelp("The store to copy into: a SQLite file or a postgres:// URL.", valueName: "path-or-url"))
        var to: String

        func validate() throws {
            guard from != to else { throw ValidationError("--from and --to name the same store") }
            for (name, value) in [("--from", from), ("--to", to)] {
                do { _ = try StoreLocation(value) } catch { throw ValidationError("\(name): \(error)") }
            }
        }

        func run() async throws {
            let origin = try StoreLocation(from), target = try StoreLocation(to)
            let report = try await StoreLocation.copy(from: origin, to: target, logger: storeLogger)
            let removed = report.removed > 0 ? "; removed \(report.removed) sources \(target) held and \(origin) does not" : ""
            try Output.print("Copied \(report.sources) sources and \(report.rows) evidence rows from \(origin) to \(target)\(removed).\n")
        }
    }
}
