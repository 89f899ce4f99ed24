import ArgumentParser
import DiplomapCore

/// `diplomap issues`: the 16 issue codes of the taxonomy.
struct IssuesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issues",
        abstract: "List the 16 issue codes with their domain, label and what they cover."
    )

    /// One issue as programs read it.
    struct Entry: Encodable {
        var code, domain, label, description: String
    }

    @Option(help: "table, json or csv.")
    var format: ListFormat = .table

    func run() async throws {
        let entries = Issue.allCases.map { Entry(code: $0.code, domain: $0.domain.rawValue, label: $0.label, description: $0.summary) }
        try Output.list(format, header: ["code", "domain", "label", "description"], rows: entries.map { [$0.code, $0.domain, $0.label, $0.description] }, json: entries)
    }
}
