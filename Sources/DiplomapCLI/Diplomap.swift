import ArgumentParser
import DiplomapCore
import Foundation

/// The root command: maps relations between states, issue by issue, from evidence.
public struct Diplomap: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "diplomap",
        abstract: "Map the relations between states, issue by issue, from evidence.",
        discussion: """
        diplomap keeps evidence (curated facts, UN General Assembly votes, and the documents and \
        political events you import) in a store, a SQLite file by default or a PostgreSQL database \
        for a shared server (--db postgres://…), filled from the embedded facts and votes \
        on first use, and aggregates it into a map of dyads × issues.

        Start with `diplomap map`, which writes diplomap-report.html for the five Central Asian \
        states (C5) and India, Japan, Iran, Turkey and South Korea.
        """,
        version: ToolVersion.current,
        subcommands: [
            MapCommand.self,
            ExportCommand.self,
            EvidenceCommand.self,
            ChangesCommand.self,
            SourcesCommand.self,
            CountriesCommand.self,
            GroupsCommand.self,
            IssuesCommand.self,
            FactsCommand.self,
            BenchMapCommand.self,
            ExtractCommand.self,
            EvalCommand.self,
            TrainCommand.self,
            BenchExtractCommand.self,
            VotesCommand.self,
            EventsCommand.self,
            ServeCommand.self,
            DbCommand.self,
        ]
    )

    public init() {}

    /// Runs the command the arguments name. A damaged input file that stopped it ends it with `DamagedFile.exitStatus`,
    /// as commands that finish the good files do; any other error as ArgumentParser ends it (status 1, or 64 for usage).
    public static func runAsMain() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let damage as DamagedFile {
            Output.error("Error: \(damage)")
            Foundation.exit(DamagedFile.exitStatus)
        } catch {
            exit(withError: error)
        }
    }
}
