import ArgumentParser
import DiplomapCore
import DiplomapFacts
import DiplomapWorkspace

/// `diplomap facts list`: the facts that match filters, as a table, CSV or JSON.
struct FactsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List facts, filtered by dyad, issue, kind and period.",
        discussion: """
        --dyad matches facts between the two sides, and facts of a group with one of its \
        members (a C5–Japan summit is listed for KAZ-JPN too); a membership is listed \
        only for the state and its group (KAZ-UN), not for the group's other members.

        The table and CSV give each fact's event key, its first citation's summary and every \
        cited address (separated by spaces); JSON gives every citation in full.

        Examples:
          diplomap facts list --dyad KAZ-JPN
          diplomap facts list --issue territory.borders --kind dispute
          diplomap facts list --dyad Uzbekistan-Russia --as-of 2010-01-01 --format json
        """
    )

    @OptionGroup var files: FactPaths

    @Option(help: ArgumentHelp("Only facts between these two sides, as A-B: codes or names.", valueName: "a-b"))
    var dyad: String?

    @Option(help: "Only facts on this issue code.")
    var issue: String?

    @Option(help: "Only facts of this kind: \(FactKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: String?

    @OptionGroup(title: "Period") var time: TimeOptions

    @Option(help: "table, json or csv.")
    var format: ListFormat = .table

    func run() async throws {
        let registry = try Workspace.registry()
        let issueFilter = try issue.map { code in
            guard let issue = Issue(code: code) else { throw ValidationError("unknown issue \"\(code)\"; `diplomap issues` lists the 16 codes") }
            return issue
        }
        let kindFilter = try kind.map { name in
            guard let kind = FactKind(rawValue: name) else {
                throw ValidationError("unknown kind \"\(name)\"; expected one of \(FactKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return kind
        }
        let pair = try dyad.map { text -> (sides: (Set<String>, Set<String>), covering: (Set<String>, Set<String>)) in
            guard let dyad = Dyad(parsing: text) else { throw ValidationError("--dyad takes two sides as A-B, e.g. KAZ-JPN; got \"\(text)\"") }
            let sides = (try registry.resolve(dyad.first).code, try registry.resolve(dyad.second).code)
            return (([sides.0], [sides.1]), (try covering(dyad.first, registry), try covering(dyad.second, registry)))
        }
        let window = try time.window()
        let (loaded, errors) = try files.load(registry: registry)
        guard errors.isEmpty else { throw InputErrors(errors) }
        let facts = loaded.flatMap(\.facts).filter { fact in
            (issueFilter.map(fact.issues.contains) ?? true)
                && (kindFilter.map { fact.kind == $0 } ?? true)
                && window.contains(fact.period, durable: fact.kind.isDurable)
                // A state's membership in a group is not a fact between it and the group's other members.
                && (pair.map { fact.kind == .membership ? relates(fact, $0.sides.0, $0.sides.1) : relates(fact, $0.covering.0, $0.covering.1) } ?? true)
        }
        let rows = facts.map { fact in
            [fact.id, fact.event ?? "", fact.kind.rawValue, fact.a.joined(separator: " "), fact.b.joined(separator: " "),
             fact.issues.map(\.code).joined(separator: " "), fact.polarity.rawValue, fact.period?.start.description ?? "",
             fact.period?.end?.description ?? "", fact.citations[0].summary ?? "", fact.citations.map(\.address).joined(separator: " ")]
        }
        try Output.list(
            format, header: ["id", "event", "kind", "a", "b", "issues", "polarity", "start", "end", "summary", "addresses"], rows: rows, json: facts
        )
    }

    /// The codes that stand for a side: itself and every group it belongs to.
    private func covering(_ query: String, _ registry: CountryRegistry) throws -> Set<String> {
        let code = try registry.resolve(query).code
        return Set([code] + registry.groups.filter { $0.members.contains(code) }.map(\.code))
    }

    private func relates(_ fact: Fact, _ first: Set<String>, _ second: Set<String>) -> Bool {
        let a = Set(fact.a), b = Set(fact.b)
        return (!a.isDisjoint(with: first) && !b.isDisjoint(with: second)) || (!a.isDisjoint(with: second) && !b.isDisjoint(with: first))
    }
}
