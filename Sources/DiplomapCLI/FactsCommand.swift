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
        subcommands: [FactsCheckCommand.self, FactsListCommand.self, FactsStatsCommand.self]
    )
}

/// The fact files named on the command line, or the embedded knowledge base.
struct FactPaths: ParsableArguments {
    @Argument(help: "Fact files or folders (default: the embedded Data/facts).")
    var paths: [String] = []

    /// The files and folders named, or the embedded knowledge base.
    var urls: [URL] {
        paths.isEmpty ? [DefaultData.factsFolder] : paths.map { URL(fileURLWithPath: $0) }
    }

    /// Reads and validates the files; `nil` errors mean every file loaded.
    func load(registry: CountryRegistry) throws -> (files: [KnowledgeBase.FactFileContents], errors: [InputError]) {
        KnowledgeBase.loadFacts(try KnowledgeBase.factFiles(in: urls), registry: registry)
    }
}
