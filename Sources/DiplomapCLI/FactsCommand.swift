import ArgumentParser
import DiplomapCore
import DiplomapData
import DiplomapFacts
import Foundation

/// `diplomap facts`: the curated knowledge base.
struct FactsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facts",
        abstract: "Work with the curated knowledge base of cited facts.",
        subcommands: [Check.self]
    )

    /// `diplomap facts check`: validates fact files and reports every problem as file:line: field: message.
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate fact files: codes, issues, dates, citations, duplicate ids.",
            discussion: "Every problem is printed as file:line: field: message; the exit status is non-zero when there is any."
        )

        @Argument(help: "Fact files or folders (default: the embedded Data/facts).")
        var paths: [String] = []

        func run() async throws {
            let registry = try Workspace.registry()
            let urls = paths.isEmpty ? [DefaultData.factsFolder] : paths.map { URL(fileURLWithPath: $0) }
            let files = try KnowledgeBase.factFiles(in: urls)
            let (loaded, errors) = KnowledgeBase.loadFacts(files, registry: registry)
            guard errors.isEmpty else { throw InputErrors(errors) }
            let facts = loaded.reduce(0) { $0 + $1.facts.count }
            Output.print("\(facts) facts in \(loaded.count) files: no problems found.\n")
        }
    }
}
