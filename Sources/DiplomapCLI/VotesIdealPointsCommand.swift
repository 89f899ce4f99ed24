import ArgumentParser
import DiplomapCore
import DiplomapVotes
import DiplomapWorkspace
import Foundation

/// `diplomap votes idealpoints`: one position per state and year on the dimension that best explains the votes.
struct VotesIdealPointsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "idealpoints",
        abstract: "Estimate one-dimensional ideal points per state and year (EM for the binary IRT model).",
        discussion: """
        The model is P(yes) = Φ(α + β·x) for each roll call, with x the state's ideal point, \
        estimated per year by the EM algorithm of Imai, Lo and Olmsted (2016). Positive is the \
        side of the United States. An abstention counts as not voting yes (--abstention no) or \
        as no vote (--abstention missing). se is the curvature of the posterior at the estimate, \
        holding the roll-call parameters fixed: it understates the full uncertainty.

        Examples:
          diplomap votes idealpoints --year 2019
          diplomap votes idealpoints --year 1995 --format csv --states C5,RUS,USA
          diplomap votes idealpoints --all-years --format csv > idealpoints.csv
        """
    )

    @OptionGroup var source: VoteDataOptions

    @Option(help: "The year (the session that opened in it).")
    var year: Int?

    @Flag(help: "Every year.")
    var allYears = false

    @Option(help: "Only these states or groups, comma-separated (all states are estimated together in any case).")
    var states: String?

    @Option(help: "How an abstention enters the binary model: no or missing.")
    var abstention: String = IdealPointEstimator.Abstention.asNo.rawValue

    @Option(help: "table, json or csv.")
    var format: ListFormat = .table

    func validate() throws {
        guard (year == nil) != !allYears else { throw ValidationError("give --year YEAR or --all-years") }
        guard IdealPointEstimator.Abstention(rawValue: abstention) != nil else { throw ValidationError("--abstention takes no or missing") }
    }

    func run() async throws {
        let registry = try Workspace.registry()
        let data = try source.load(registry: registry)
        let estimator = IdealPointEstimator(abstention: IdealPointEstimator.Abstention(rawValue: abstention)!)
        var points: [IdealPoint]
        if let year {
            points = estimator.estimate(data, session: try VoteTerms.session(ofYear: year, data: data))
        } else {
            points = await estimator.estimateAll(data)
        }
        if let states {
            let wanted = Set(try registry.resolveStates(states))
            points = points.filter { wanted.contains($0.iso3) }
        }
        let rows = points.map { [$0.iso3, String($0.year), "\($0.value)", "\($0.standardError)"] }
        switch format {
        case .table:
            let readable = points.map { [$0.iso3, String($0.year), String(format: "%.3f", $0.value), String(format: "%.3f", $0.standardError), String($0.votes)] }
            try Output.print(Output.table(["country", "year", "ideal_point", "se", "votes"], readable))
        case .csv, .json:
            try Output.list(format, header: ["country", "year", "ideal_point", "se"], rows: rows, json: points)
        }
    }
}
