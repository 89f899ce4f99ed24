import ArgumentParser
import DiplomapCore
import DiplomapData
import DiplomapFacts
import DiplomapWorkspace
import Foundation

/// `diplomap facts check`: validates fact files and reports every problem as file:line: field: message.
struct FactsCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate fact files: codes, issues, dates, citations, sources, duplicates.",
        discussion: """
        Errors: an unknown country, group or issue code; a fact without citations, or a citation \
        missing a field (title, publisher, address, locator, summary); an address that is not \
        http(s) or names a bare IP; an impossible or reversed date; an id or event key not in \
        lower-case letters, digits and hyphens; an id used twice; the same relation recorded twice.

        Warnings: a fact whose every citation is on a domain of the source policy (blogs, wiki \
        mirrors, generated news, scrapers, republishers: the `sources.yaml` of the folder checked, \
        else the embedded one, or --sources); a summary that names neither side by country, \
        capital or demonym. --strict makes every warning an error, as CI runs it.

        Every problem is printed as file:line: field: message; the exit status is non-zero \
        when there is an error.

        Examples:
          diplomap facts check                     # the embedded knowledge base
          diplomap facts check --strict Data/facts
          diplomap facts check Data/facts/japan.yaml --sources Data/facts/sources.yaml
        """
    )

    @OptionGroup var files: FactPaths

    @Option(help: ArgumentHelp("The source policy file (default: sources.yaml of the folder checked, else the embedded one).", valueName: "file"))
    var sources: String?

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func run() async throws {
        let registry = try Workspace.registry()
        let policy = try sources.map { try KnowledgeBase.sourcePolicy(URL(fileURLWithPath: $0)) }
            ?? KnowledgeBase.sourcePolicy(for: files.urls, fallback: DefaultData.factsFolder.appendingPathComponent(KnowledgeBase.sourcePolicyFileName))
        let (loaded, errors) = try files.load(registry: registry)
        let findings = FactChecker.check(loaded, registry: registry, policy: policy)
        if !strict {
            for warning in findings.warnings {
                Output.error("warning: \(warning)")
            }
        }
        let all = errors + findings.errors + (strict ? findings.warnings : [])
        guard all.isEmpty else { throw InputErrors(all) }
        let facts = loaded.reduce(0) { $0 + $1.entries.count }
        try Output.print("\(facts) facts in \(loaded.count) files: no problems found\(findings.warnings.isEmpty ? "" : ", \(findings.warnings.count) warnings").\n")
    }
}
