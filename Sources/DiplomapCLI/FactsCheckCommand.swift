import ArgumentParser
import DiplomapCore
import DiplomapFacts
import DiplomapWorkspace
import Foundation

/// `diplomap facts check`: validates fact files and reports every problem as file:line: field: message.
struct FactsCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate fact files: codes, issues, dates, citations, duplicates.",
        discussion: """
        Errors: an unknown country, group or issue code; a missing or empty citation field \
        (title, publisher, address, locator, summary); an impossible or reversed date; an id \
        used twice; the same relation recorded twice. Warning: a summary that names neither \
        side by country, capital or demonym.

        Every problem is printed as file:line: field: message; the exit status is non-zero \
        when there is an error.

        Examples:
          diplomap facts check                     # the embedded knowledge base
          diplomap facts check Data/facts/japan.yaml
        """
    )

    @OptionGroup var files: FactPaths

    func run() async throws {
        let registry = try Workspace.registry()
        let (loaded, errors) = try files.load(registry: registry)
        let findings = FactChecker.check(loaded, registry: registry)
        for warning in findings.warnings {
            FileHandle.standardError.write(Data("warning: \(warning)\n".utf8))
        }
        let all = errors + findings.errors
        guard all.isEmpty else { throw InputErrors(all) }
        let facts = loaded.reduce(0) { $0 + $1.entries.count }
        Output.print("\(facts) facts in \(loaded.count) files: no problems found\(findings.warnings.isEmpty ? "" : ", \(findings.warnings.count) warnings").\n")
    }
}
