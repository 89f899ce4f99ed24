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
        let evidence = try await workspace.store.evidence(EvidenceQuery(dyad: Dyad(a, b), issues: issueCode.map { [$0] }))
        let rows = evidence.map { item in
            [item.a, item.b, item.issue.code, item.polarity.rawValue, item.kind.rawValue, item.period.map { "\($0.start)" } ?? "",
             item.citation.summary ?? item.citation.quote ?? "", item.citation.title, item.citation.address, item.citation.locator ?? ""]
        }
        try Output.list(format, header: ["a", "b", "issue", "polarity", "kind", "date", "summary", "source", "address", "locator"], rows: rows, json: evidence)
    }
}
