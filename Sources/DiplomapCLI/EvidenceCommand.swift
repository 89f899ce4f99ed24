import ArgumentParser
import DiplomapCore
import DiplomapWorkspace

/// `diplomap evidence`: the evidence behind a dyad, with citations.
struct EvidenceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evidence",
        abstract: "List the evidence between two states or groups, with its citations.",
        discussion: """
        Examples:
          diplomap evidence --dyad C5-JPN
          diplomap evidence --dyad Kazakhstan-Japan --issue political.dialogue --format json
        """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("The two sides, as A-B: codes or names (KAZ-JPN, C5-TUR).", valueName: "a-b"))
    var dyad: String

    @Option(help: "Only this issue code (see `diplomap issues`).")
    var issue: String?

    @Option(help: "table, json or csv.")
    var format: ListFormat = .table

    func run() async throws {
        guard let pair = Dyad(parsing: dyad) else { throw ValidationError("--dyad takes two sides as A-B, e.g. KAZ-JPN; got \"\(dyad)\"") }
        let issueCode = try issue.map { code -> Issue in
            guard let issue = Issue(code: code) else { throw ValidationError("unknown issue \"\(code)\"; `diplomap issues` lists the 16 codes") }
            return issue
        }
        let workspace = try await store.open()
        let a = try workspace.registry.resolve(pair.first).code, b = try workspace.registry.resolve(pair.second).code
        let evidence = try await workspace.evidence(EvidenceQuery(dyad: Dyad(a, b), issues: issueCode.map { [$0] }))
        let rows = evidence.map { item in
            [item.a, item.b, item.issue.code, item.polarity.rawValue, item.kind.rawValue, item.period.map { "\($0.start)" } ?? "",
             item.citation.summary ?? item.citation.quote ?? "", item.citation.title, item.citation.address, item.citation.locator ?? ""]
        }
        guard format == .table else {
            try Output.list(format, header: ["a", "b", "issue", "polarity", "kind", "date", "summary", "source", "address", "locator"], rows: rows, json: evidence)
            return
        }
        // For people, the source comes right after the date and the long summary last, so that a line reads from the left.
        func short(_ text: String, _ limit: Int) -> String { text.count > limit ? String(text.prefix(limit - 1)) + "…" : text }
        let table = rows.map { row in Array(row[0..<6]) + [short(row[7], 48), short(row[9], 40), row[8], row[6]] }
        try Output.list(format, header: ["a", "b", "issue", "polarity", "kind", "date", "source", "locator", "address", "summary"], rows: table, json: evidence)
    }
}
