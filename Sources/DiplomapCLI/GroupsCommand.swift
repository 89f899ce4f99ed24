import ArgumentParser
import DiplomapCore
import DiplomapWorkspace

/// `diplomap groups`: the groups of states and their members, with the source of each list.
struct GroupsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "groups",
        abstract: "List the groups of states (C5, SCO, OTS…) or show one with its members and source.",
        discussion: """
        Examples:
          diplomap groups
          diplomap groups SCO
          diplomap groups "Central Asia" --format json
        """
    )

    @Argument(help: "A group code or name.")
    var name: String?

    @Option(help: "table, json or csv.")
    var format: ListFormat = .table

    func run() async throws {
        let registry = try Workspace.registry()
        var groups = registry.groups
        if let name {
            guard case .group(let group) = try registry.resolve(name) else {
                throw CommandError("\"\(name)\" is a state, not a group; `diplomap groups` lists the groups")
            }
            groups = [group]
        }
        let rows = groups.map { group in
            [group.code, group.name, group.kind.rawValue, group.members.joined(separator: " "), group.observers.joined(separator: " "),
             group.asOf?.description ?? "", group.citation.address]
        }
        try Output.list(format, header: ["code", "name", "kind", "members", "observers", "as_of", "source"], rows: rows, json: groups)
    }
}
