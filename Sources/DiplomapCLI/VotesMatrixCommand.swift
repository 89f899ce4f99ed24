import ArgumentParser
import DiplomapCore
import DiplomapExport
import DiplomapVotes
import DiplomapWorkspace
import Foundation

/// `diplomap votes matrix`: the agreement of many pairs of states in a year, as a grid or ranked.
struct VotesMatrixCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matrix",
        abstract: "Agreement of every pair among chosen states in a year: a grid for people, rows for programs.",
        discussion: """
        With --group only, the pairs within the group; with --with, every pair of a group member \
        and a listed state; with neither, every pair of states that voted that year. The table \
        form prints a grid of agreement (rows: --group, columns: --with); csv and json print one \
        row per pair with all measures. --ranked orders pairs from most to least agreement.

        --all-years writes the full table of every pair in every session (826,934 \
        rows), the output the benchmark compares with the Python reference.

        Examples:
          diplomap votes matrix --year 2019 --group C5 --with IND,JPN,KOR,TUR,IRN
          diplomap votes matrix --year 1995 --group C5 --format csv
          diplomap votes matrix --year 2019 --ranked --format csv | head
          diplomap votes matrix --all-years --format csv --out pairs.csv --timing
        """
    )

    @OptionGroup var source: VoteDataOptions

    @Option(help: "The year (the session that opened in it).")
    var year: Int?

    @Flag(help: "Every session, every pair (csv only).")
    var allYears = false

    @Option(help: "Row states: a group code or a comma-separated list of states.")
    var group: String?

    @Option(name: .customLong("with"), help: "Column states: a comma-separated list of states or groups.")
    var partners: String?

    @Option(help: "Only roll calls on this UN issue: me, nu, di, hr, co or ec.")
    var issue: String?

    @Flag(help: "Order the pairs by agreement, highest first.")
    var ranked = false

    @Option(help: "table, json or csv.")
    var format: ListFormat = .table

    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var out: String?

    @Flag(help: "Print load and compute times to standard error.")
    var timing = false

    func validate() throws {
        guard (year == nil) != !allYears else { throw ValidationError("give --year YEAR or --all-years") }
        if allYears, format != .csv { throw ValidationError("--all-years writes csv; add --format csv") }
        if allYears, group != nil || partners != nil || ranked { throw ValidationError("--all-years takes every pair; leave out --group, --with and --ranked") }
        if let issue { _ = try VoteTerms.issue(issue) }
    }

    func run() async throws {
        let clock = ContinuousClock()
        let started = clock.now
        let registry = try Workspace.registry()
        let data = try source.load(registry: registry)
        let loaded = clock.now
        let issues = try issue.map { UNIssueSet([try VoteTerms.issue($0)]) } ?? .all
        if allYears {
            let table = data.pairTable(issues: issues)
            let computed = clock.now
            try emit(Self.fullTableCSV(table, data: data, issues: issues))
            if timing {
                let written = clock.now
                Output.error("load \(Self.seconds(loaded - started)) s, compute \(Self.seconds(computed - loaded)) s, write \(Self.seconds(written - computed)) s, rows \(table.count)")
            }
            return
        }
        let session = try VoteTerms.session(ofYear: year!, data: data)
        let present = Set(data.statesPresent(in: session).map { data.states[$0] })
        let rows = try sides(group, registry: registry).map { $0.filter(present.contains) } ?? present.sorted()
        let columns = try sides(partners, registry: registry)?.filter(present.contains)
        var pairs: [(String, String)] = []
        if let columns {
            for a in rows { for b in columns where a != b { pairs.append((a, b)) } }
        } else {
            for (position, a) in rows.enumerated() { for b in rows[(position + 1)...] { pairs.append((a, b)) } }
        }
        guard !pairs.isEmpty else { throw CommandError("no pair of the chosen states voted in \(year!)") }
        var measured = pairs.map { a, b in (a, b, data.counts(data.index(of: a)!, data.index(of: b)!, session: session, issues: issues)) }
            .filter { $0.2.commonVotes > 0 }
        if ranked { measured.sort { ($0.2.agreement ?? 0, $1.0, $1.1) > ($1.2.agreement ?? 0, $0.0, $0.1) } }
        if format == .table, !ranked, let columns {
            try emit(Self.grid(rows: rows, columns: columns, measured))
            return
        }
        let yearText = String(year!)
        let entries = measured.map { a, b, counts in
            (VoteTerms.row(year: yearText, a: a, b: b, issue: issues.description, counts: counts),
             VoteTerms.Entry(year: yearText, a: a, b: b, issue: issues.description, counts: counts))
        }
        switch format {
        case .table: try emit(Output.table(VoteTerms.header, entries.map { VoteTerms.tableRow($0.0) }))
        case .csv: try emit(CSVText.render(VoteTerms.header, entries.map(\.0)))
        case .json: try emit(try Output.json(entries.map(\.1)))
        }
    }

    /// The full table as CSV bytes, with the columns of every per-pair listing and of the Python reference.
    static func fullTableCSV(_ table: PairTable, data: VoteData, issues: UNIssueSet) -> Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(table.count * 72)
        bytes += (VoteTerms.header.joined(separator: ",") + "\n").utf8
        let issue = Array(issues.description.utf8), states = data.states.map { Array($0.utf8) }
        let comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
        for row in 0..<table.count {
            let counts = table.counts(row)
            bytes += String(RollCall.year(ofSession: Int(table.sessions[row]))).utf8
            bytes.append(comma); bytes += states[Int(table.a[row])]
            bytes.append(comma); bytes += states[Int(table.b[row])]
            bytes.append(comma); bytes += issue
            bytes.append(comma); bytes += String(counts.commonVotes).utf8
            for measure in [counts.agreement, counts.kappa, counts.sScore] {
                bytes.append(comma)
                if let measure { bytes += measure.description.utf8 }
            }
            bytes.append(newline)
        }
        return Data(bytes)
    }

    /// Agreement as a grid: one row per row state, one column per column state.
    static func grid(rows: [String], columns: [String], _ measured: [(String, String, PairCounts)]) -> String {
        let lookup = Dictionary(measured.map { ("\($0.0)|\($0.1)", $0.2) }, uniquingKeysWith: { first, _ in first })
        let body = rows.map { a in
            [a] + columns.map { b in lookup["\(a)|\(b)"]?.agreement.map { String(format: "%.3f", $0) } ?? "–" }
        }
        return Output.table(["agreement"] + columns, body)
    }

    /// Resolves a comma-separated list of states and groups into ISO3 codes (groups become their members).
    private func sides(_ list: String?, registry: CountryRegistry) throws -> [String]? {
        guard let list else { return nil }
        return try registry.resolveStates(list)
    }

    private func emit(_ text: String) throws {
        try emit(Data(text.utf8))
    }

    private func emit(_ bytes: Data) throws {
        try Output.write(bytes, to: out ?? "-", what: "the matrix")
    }

    static func seconds(_ duration: Duration) -> String {
        String(format: "%.3f", Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
    }
}
