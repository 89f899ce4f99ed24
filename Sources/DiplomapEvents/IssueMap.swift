import DiplomapCore

/// Maps a CAMEO event code and the actors' type codes to one of the 16 issues, and a root code to a polarity.
///
/// The rules are data (`Data/cameo/issue_map.csv`, explained in its README): a
/// rule that names an actor type (MIL, BUS…) held by either actor beats every
/// rule that names none; among rules of the same kind the longest matching code
/// prefix wins. Polarity follows the quad class of the root code: verbal and
/// material cooperation are cooperation, verbal and material conflict conflict.
public struct IssueMap: Sendable {
    /// One line of the table.
    public struct Rule: Sendable, Hashable {
        public var codePrefix: String
        /// An actor type code, or `nil` for a rule that holds for any actor.
        public var actorType: String?
        public var issue: Issue
        public var reason: String
    }

    public let rules: [Rule]
    /// Quad class (1–4) by root code.
    public let quadClasses: [String: Int]

    /// Reads the mapping table and the quad class table; errors name file, line and field.
    public init(issueMapCSV: String, quadClassesCSV: String, files: (issueMap: String, quadClasses: String) = ("issue_map.csv", "quad_classes.csv")) throws {
        var rules: [Rule] = []
        var errors: [InputError] = []
        let records = try CSVRecords.parse(issueMapCSV, file: files.issueMap)
        guard records.first?.fields == ["code_prefix", "actor_type", "issue", "reason"] else {
            throw InputError(file: files.issueMap, line: 1, message: "the header must be code_prefix,actor_type,issue,reason")
        }
        for record in records.dropFirst() {
            guard record.fields.count == 4 else {
                errors.append(InputError(file: files.issueMap, line: record.line, message: "has \(record.fields.count) fields, expected 4"))
                continue
            }
            let fields = record.fields
            guard fields[0].allSatisfy(\.isNumber) else {
                errors.append(InputError(file: files.issueMap, line: record.line, field: "code_prefix", message: "not a CAMEO code: \(fields[0])"))
                continue
            }
            guard let issue = Issue(code: fields[2]) else {
                errors.append(InputError(file: files.issueMap, line: record.line, field: "issue", message: "unknown issue \(fields[2])"))
                continue
            }
            rules.append(Rule(codePrefix: fields[0], actorType: fields[1].isEmpty ? nil : fields[1], issue: issue, reason: fields[3]))
        }
        if !rules.contains(where: { $0.codePrefix.isEmpty && $0.actorType == nil }) {
            errors.append(InputError(file: files.issueMap, message: "needs a default rule with an empty code_prefix and actor_type"))
        }
        guard errors.isEmpty else { throw InputErrors(errors) }
        var quads: [String: Int] = [:]
        for record in try CSVRecords.parse(quadClassesCSV, file: files.quadClasses).dropFirst() {
            guard record.fields.count == 3, let quad = Int(record.fields[0]) else {
                throw InputError(file: files.quadClasses, line: record.line, message: "expected quad_class,label,root_codes")
            }
            for root in record.fields[2].split(separator: ";") { quads[String(root)] = quad }
        }
        self.rules = rules
        self.quadClasses = quads
    }

    /// The issue of an event: `code` is the CAMEO event code, `actorTypes` the type codes of both actors.
    public func issue(code: String, actorTypes: [String]) -> Issue {
        var best: Rule?
        for rule in rules where code.hasPrefix(rule.codePrefix) {
            if let type = rule.actorType, !actorTypes.contains(type) { continue }
            if best.map({ Self.rank(rule) > Self.rank($0) }) ?? true { best = rule }
        }
        return best?.issue ?? .dialogue
    }

    /// Actor-type rules first, then the longer code prefix.
    private static func rank(_ rule: Rule) -> Int { (rule.actorType == nil ? 0 : 100) + rule.codePrefix.count }

    /// Cooperation for quad classes 1 and 2, conflict for 3 and 4, neutral for an unknown root.
    public func polarity(root: String) -> Polarity {
        switch quadClasses[root] {
        case 1, 2: .cooperation
        case 3, 4: .conflict
        default: .neutral
        }
    }
}
