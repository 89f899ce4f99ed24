import ArgumentParser
import DiplomapCore
import DiplomapData
import DiplomapExport
import DiplomapVotes
import Foundation
import Logging

/// `diplomap votes`: UN General Assembly votes, as agreement between states and as ideal points.
struct VotesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "votes",
        abstract: "Agreement, kappa, S score and ideal points from UN General Assembly votes, 1946–2019.",
        discussion: """
        The data is Erik Voeten's roll-call votes of the General Assembly (unvotes 0.3.0; \
        doi:10.7910/DVN/LEJUQZ), embedded in the tool. A year is a session: session 47 opened \
        in 1992. Only roll calls on which both states voted yes, abstain or no count.

        Measures (see `diplomap votes agreement --help`):
          agreement  Voeten's index: same vote 1, one abstains 0.5, yes against no 0
          kappa      Cohen's kappa over yes/abstain/no: agreement beyond chance
          s_score    Signorino and Ritter's S: 1 − 2·(mean distance)/2 on yes 1, abstain 2, no 3

        Examples:
          diplomap votes agreement KAZ JPN --by year
          diplomap votes matrix --year 2019 --group C5 --with IND,JPN,KOR
          diplomap votes idealpoints --year 2019 --format csv
          diplomap votes import
        """,
        subcommands: [VotesAgreementCommand.self, VotesMatrixCommand.self, VotesIdealPointsCommand.self, VotesImportCommand.self]
    )
}

/// Where the vote data comes from.
struct VoteDataOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A folder with votes.csv.gz, roll_calls.csv.gz and issues.csv.gz.", discussion: "Default: the embedded data (Data/unvotes).", valueName: "folder"))
    var data: String?

    /// The folder to read.
    var folder: URL { data.map { URL(fileURLWithPath: $0) } ?? DefaultData.unvotesFolder }

    /// Loads the votes, resolving states through `registry`.
    func load(registry: CountryRegistry) throws -> VoteData {
        var logger = Logger(label: "diplomap.votes")
        logger.logLevel = .warning
        return try VoteLoader.load(folder: folder, registry: registry, logger: logger)
    }
}

/// Helpers shared by the vote subcommands: looking up states and years in the data, and formatting measures.
enum VoteTerms {
    /// The ISO3 code of a state the user named, which must have votes in the data.
    static func state(_ query: String, registry: CountryRegistry, data: VoteData) throws -> String {
        let iso3 = try registry.resolveCountry(query).iso3
        guard data.index(of: iso3) != nil else { throw CommandError("\(iso3) (\(registry.displayName(iso3))) has no recorded vote in the data") }
        return iso3
    }

    /// The session of a year, which must have roll calls.
    static func session(ofYear year: Int, data: VoteData) throws -> Int {
        let session = RollCall.session(ofYear: year)
        guard data.sessions.contains(session) else {
            let first = data.sessions.first.map(RollCall.year(ofSession:)) ?? 0, last = data.sessions.last.map(RollCall.year(ofSession:)) ?? 0
            throw CommandError("no roll calls in \(year) (session \(session)); the data covers \(first)–\(last)")
        }
        return session
    }

    /// A UN issue code as the user wrote it.
    static func issue(_ code: String) throws -> UNIssue {
        guard let issue = UNIssue(rawValue: code.lowercased()) else {
            throw ValidationError("unknown UN issue \"\(code)\"; the codes are " + UNIssue.allCases.map { "\($0.rawValue) (\($0.label))" }.joined(separator: ", "))
        }
        return issue
    }

    /// The column names of every per-pair listing.
    static let header = ["year", "a", "b", "issue", "common_votes", "agreement", "kappa", "s_score"]

    /// One listing row; measures in full precision (shortest round-trip), empty when undefined.
    static func row(year: String, a: String, b: String, issue: String, counts: PairCounts) -> [String] {
        [year, a, b, issue, String(counts.commonVotes)] + [counts.agreement, counts.kappa, counts.sScore].map { $0.map { "\($0)" } ?? "" }
    }

    /// The same row for people: measures to three decimals.
    static func tableRow(_ row: [String]) -> [String] {
        row.prefix(5) + row.dropFirst(5).map { Double($0).map { String(format: "%.3f", $0) } ?? "–" }
    }

    /// One row as programs read it in JSON.
    struct Entry: Encodable {
        var year: String
        var a: String
        var b: String
        var issue: String
        var commonVotes: Int
        var agreement: Double?
        var identicalShare: Double?
        var kappa: Double?
        var sScore: Double?

        init(year: String, a: String, b: String, issue: String, counts: PairCounts) {
            (self.year, self.a, self.b, self.issue) = (year, a, b, issue)
            commonVotes = counts.commonVotes
            agreement = counts.agreement
            identicalShare = counts.identicalShare
            kappa = counts.kappa
            sScore = counts.sScore
        }
    }

    /// Writes per-pair rows in the chosen form.
    static func write(_ format: ListFormat, _ entries: [(row: [String], entry: Entry)]) throws {
        switch format {
        case .table: try Output.print(Output.table(header, entries.map { tableRow($0.row) }))
        case .csv: try Output.print(CSVText.render(header, entries.map(\.row)))
        case .json: try Output.print(try Output.json(entries.map(\.entry)))
        }
    }
}
