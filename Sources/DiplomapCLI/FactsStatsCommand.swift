import ArgumentParser
import DiplomapCore
import DiplomapFacts
import DiplomapWorkspace

/// `diplomap facts stats`: how well the knowledge base covers each pair, per issue or in all.
struct FactsStatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count facts, distinct events and sources per pair and issue, with the oldest and newest date.",
        discussion: """
        A fact counts for the pairs its evidence relates: a C5 summit with Japan counts for C5-JPN, \
        not for KAZ-JPN. Facets of one event (facts sharing an `event:` key) count as one event; \
        a fact without a key is its own event. Sources are distinct cited addresses.

        With --focus or --partners, exactly the pairs of the focus (a group and its members) with \
        each partner are listed, those without facts at zero; without them, every pair that some \
        fact relates. --min-facts and --min-events list only the pairs short of either.

        Examples:
          diplomap facts stats
          diplomap facts stats --by pair --focus C5 --partners IND,JPN,IRN,TUR,KOR,CHN,PAK,AFG,RUS
          diplomap facts stats --by pair --partners RUS --min-facts 8 --min-events 3 --format csv
        """
    )

    /// One row per pair and issue, or one per pair over all its issues.
    enum Grouping: String, ExpressibleByArgument, CaseIterable {
        case issue, pair
    }

    @OptionGroup var files: FactPaths

    @Option(help: "Rows per pair and issue (issue) or per pair (pair).")
    var by: Grouping = .issue

    @Option(help: "The focus: a group (its members too) or a comma-separated list of states (default \(MapRequest.defaultFocus) when --partners is given).")
    var focus: String?

    @Option(help: "Comma-separated partners (default \(MapRequest.defaultPartners) when --focus is given).")
    var partners: String?

    @Option(help: "List only rows with fewer facts than this (or fewer events than --min-events).")
    var minFacts: Int?

    @Option(help: "List only rows with fewer events than this (or fewer facts than --min-facts).")
    var minEvents: Int?

    @Option(help: "table, json or csv.")
    var format: ListFormat = .table

    func validate() throws {
        if let minFacts, minFacts < 0 { throw ValidationError("--min-facts must not be negative") }
        if let minEvents, minEvents < 0 { throw ValidationError("--min-events must not be negative") }
    }

    func run() async throws {
        let registry = try Workspace.registry()
        var pairs: [(a: String, b: String)]?
        if focus != nil || partners != nil {
            let sides = try MapRequest(focus: focus ?? MapRequest.defaultFocus, partners: partners ?? MapRequest.defaultPartners).sides(registry)
            pairs = sides.partners.flatMap { partner in sides.focus.filter { $0 != partner }.map { (a: $0, b: partner) } }
        }
        let (loaded, errors) = try files.load(registry: registry)
        guard errors.isEmpty else { throw InputErrors(errors) }
        var rows = FactStatistics.rows(loaded.flatMap(\.facts), members: registry.members, pairs: pairs, byIssue: by == .issue)
        let total = rows.count
        if minFacts != nil || minEvents != nil {
            rows = rows.filter { $0.facts < (minFacts ?? 0) || $0.events < (minEvents ?? 0) }
            Output.error("\(rows.count) of \(total) rows below \(minFacts.map { "\($0) facts" } ?? "")\(minFacts != nil && minEvents != nil ? " or " : "")\(minEvents.map { "\($0) events" } ?? "")")
        }
        let table = rows.map { row in
            ["\(row.a)-\(row.b)", row.issue?.code ?? "all", "\(row.facts)", "\(row.events)", "\(row.issues)", "\(row.sources)", "\(row.conflict)",
             row.oldest?.description ?? "", row.newest?.description ?? ""]
        }
        try Output.list(format, header: ["pair", "issue", "facts", "events", "issues", "sources", "conflict", "oldest", "newest"], rows: table, json: rows)
    }
}
