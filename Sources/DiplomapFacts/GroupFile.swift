import DiplomapCore
import Yams

/// Reads `groups.yaml`: the groups of states with their members and the source of each list.
public enum GroupFile {
    private static let fields: Set<String> = ["code", "name", "kind", "members", "observers", "aliases", "as_of", "citation"]

    /// Parses the file; every problem is reported with its line and field, and nothing is returned if there is one.
    public static func parse(_ text: String, file: String) throws(InputErrors) -> [Group] {
        let nodes: [Yams.Node]
        do { nodes = try topLevelList(try composeYAML(text, file: file), key: "groups", file: file) } catch { throw InputErrors([error]) }
        var groups: [Group] = []
        var errors: [InputError] = []
        for node in nodes {
            guard var fields = YAMLFields(node, file: file, what: "a group", errors: &errors) else { continue }
            fields.rejectUnknownKeys(Self.fields)
            let code = fields.text("code")
            let name = fields.text("name")
            let kind = fields.choice("kind", as: Group.Kind.self)
            let members = fields.list("members")
            let observers = fields.list("observers", required: false)
            let aliases = fields.list("aliases", required: false)
            let asOf = fields.date("as_of", required: false)
            let citation = CitationFields.read(&fields)
            errors += fields.errors
            if let code, let name, let kind, let citation {
                groups.append(Group(code: code, name: name, kind: kind, members: members, observers: observers, aliases: aliases, asOf: asOf, citation: citation))
            }
        }
        guard errors.isEmpty else { throw InputErrors(errors) }
        return groups
    }
}

extension Group.Kind: CaseIterable {
    public static let allCases: [Group.Kind] = [.region, .organisation]
}
