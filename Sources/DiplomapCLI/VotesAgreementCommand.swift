import ArgumentParser
import DiplomapCore
import DiplomapVotes
import DiplomapWorkspace

/// `diplomap votes agreement`: how alike two states vote, per year, per UN issue or over a period.
struct VotesAgreementCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement",
        abstract: "Agreement, Cohen's kappa and S score of two states, per year, per UN issue or over a period.",
        discussion: """
        Only roll calls on which both states voted count (common_votes); absence is left out.
          agreement  Voeten (2013): same vote 1, one abstains 0.5, yes against no 0, averaged
          kappa      Cohen (1960): (observed − chance) / (1 − chance) identical choices, chance from
                     each state's shares of yes, abstain and no; empty when chance explains all
          s_score    Signorino and Ritter (1999): 1 − 2·d/d_max, d the mean |distance| on yes 1,
                     abstain 2, no 3, d_max 2 (equal to 2·agreement − 1 on this scale)
        UN issues: me (Palestinian conflict), nu (nuclear weapons), di (arms control and \
        disarmament), hr (human rights), co (colonialism), ec (economic development).

        Examples:
          diplomap votes agreement KAZ JPN --by year
          diplomap votes agreement Kazakhstan Japan --by issue --since 2000
          diplomap votes agreement UZB USA --issue nu --format csv
          diplomap votes agreement TKM IND --by period --since 2010 --until 2019
        """
    )

    enum Split: String, ExpressibleByArgument, CaseIterable {
        case year, issue, period
    }

    @OptionGroup var source: VoteDataOptions

    @Argument(help: "The first state: a code or a name.")
    var a: String

    @Argument(help: "The second state.")
    var b: String

    @Option(help: "year: one row per year; issue: one row per UN issue over the period; period: one row for the whole period.")
    var by: Split = .year

    @Option(help: "Only roll calls on this UN issue: me, nu, di, hr, co or ec.")
    var issue: String?

    @Option(help: "The first year (session opening year) to count.")
    var since: Int?

    @Option(help: "The last year to count.")
    var until: Int?

    @Option(help: "table, json or csv.")
    var format: ListFormat = .table

    func validate() throws {
        if let since, let until, since > until { throw ValidationError("--since \(since) comes after --until \(until)") }
        if by == .issue, issue != nil { throw ValidationError("--by issue lists every UN issue; leave out --issue") }
        if let issue { _ = try VoteTerms.issue(issue) }
    }

    func run() async throws {
        let registry = try Workspace.registry()
        let data = try source.load(registry: registry)
        let first = try VoteTerms.state(a, registry: registry, data: data), second = try VoteTerms.state(b, registry: registry, data: data)
        guard first != second else { throw ValidationError("give two different states") }
        let sessions = RollCall.session(ofYear: since ?? 1946)...RollCall.session(ofYear: until ?? 9999)
        let only = try issue.map(VoteTerms.issue)
        let issues = only.map { UNIssueSet([$0]) } ?? .all
        var entries: [(row: [String], entry: VoteTerms.Entry)] = []
        func add(_ year: String, _ issue: String, _ counts: PairCounts) {
            entries.append((VoteTerms.row(year: year, a: first, b: second, issue: issue, counts: counts),
                            VoteTerms.Entry(year: year, a: first, b: second, issue: issue, counts: counts)))
        }
        let series = data.agreementSeries(first, second, issues: issues, sessions: sessions)
        let span = series.isEmpty ? "" : "\(series.first!.year)-\(series.last!.year)"
        switch by {
        case .year:
            for point in series { add(String(point.year), issues.description, point.counts) }
        case .period:
            add(span, issues.description, series.reduce(PairCounts()) { $0 + $1.counts })
        case .issue:
            for code in UNIssue.allCases {
                add(span, code.rawValue, data.pooledCounts(first, second, issues: UNIssueSet([code]), sessions: sessions))
            }
        }
        if series.isEmpty { throw CommandError("\(first) and \(second) never voted on the same roll call in the years asked") }
        try VoteTerms.write(format, entries)
    }
}
