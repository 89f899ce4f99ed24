import DiplomapCore
import DiplomapData
import Foundation

/// Maps a PLOVER-coded event (POLECAT's) to one of the 16 issues and a polarity, and its event type to a CAMEO root.
///
/// The tables are data, explained in `Data/plover/README.md`: `event_types.csv` gives each of the 16 event types
/// of the PLOVER manual its quad category (hence the polarity) and the CAMEO root PLOVER's own conversion table
/// draws it from, which keeps the dyad-month aggregate in CAMEO roots whatever the source; `issue_map.csv` is
/// diplomap's reading of types, modes, contexts and actor sectors as issues. Unlike the CAMEO table, whose most
/// specific rule wins, the first rule that matches decides: contexts are coded per document and an event often
/// has several, so their priority has to be written down rather than inferred.
public struct PloverMap: Sendable {
    /// One line of the issue table; an empty condition holds for any event.
    public struct Rule: Sendable, Hashable {
        public var eventType: String?
        public var mode: String?
        public var context: String?
        /// A sector code (MIL, BUS…) held by either side's primary sector.
        public var sector: String?
        public var issue: Issue
        public var reason: String
    }

    /// An event type's place in PLOVER.
    public struct EventType: Sendable, Hashable {
        public var polarity: Polarity
        /// The CAMEO root code PLOVER's conversion table draws the type from.
        public var cameoRoot: String
    }

    public let types: [String: EventType]
    public let rules: [Rule]

    /// The tables embedded with the tool; the tests check them, so a failure here is a broken build.
    public static let standard: PloverMap = {
        let folder = DefaultData.ploverFolder
        do {
            return try PloverMap(
                eventTypesCSV: String(contentsOf: folder.appendingPathComponent("event_types.csv"), encoding: .utf8),
                issueMapCSV: String(contentsOf: folder.appendingPathComponent("issue_map.csv"), encoding: .utf8))
        } catch {
            fatalError("the embedded PLOVER tables do not parse: \(error)")
        }
    }()

    private static let quadPolarity: [String: Polarity] = [
        "VERBAL COOPERATION": .cooperation, "MATERIAL COOPERATION": .cooperation,
        "VERBAL CONFLICT": .conflict, "MATERIAL CONFLICT": .conflict,
    ]

    /// Reads both tables; every problem is reported with its file, line and field.
    public init(eventTypesCSV: String, issueMapCSV: String, files: (eventTypes: String, issueMap: String) = ("event_types.csv", "issue_map.csv")) throws {
        var errors: [InputError] = []
        var types: [String: EventType] = [:]
        let typeRecords = try CSVRecords.parse(eventTypesCSV, file: files.eventTypes)
        guard typeRecords.first?.fields == ["event_type", "quad_category", "cameo_root"] else {
            throw InputError(file: files.eventTypes, line: 1, message: "the header must be event_type,quad_category,cameo_root")
        }
        for record in typeRecords.dropFirst() {
            let fields = record.fields
            guard fields.count == 3 else {
                errors.append(InputError(file: files.eventTypes, line: record.line, message: "has \(fields.count) fields, expected 3"))
                continue
            }
            guard let polarity = Self.quadPolarity[fields[1]] else {
                errors.append(InputError(file: files.eventTypes, line: record.line, field: "quad_category", message: "not a PLOVER quad category: \(fields[1])"))
                continue
            }
            guard fields[2].count == 2, fields[2].allSatisfy(\.isNumber) else {
                errors.append(InputError(file: files.eventTypes, line: record.line, field: "cameo_root", message: "not a two-digit CAMEO root: \(fields[2])"))
                continue
            }
            types[fields[0].uppercased()] = EventType(polarity: polarity, cameoRoot: fields[2])
        }

        var rules: [Rule] = []
        let header = ["event_type", "mode", "context", "sector", "issue", "reason"]
        let ruleRecords = try CSVRecords.parse(issueMapCSV, file: files.issueMap)
        guard ruleRecords.first?.fields == header else {
            throw InputError(file: files.issueMap, line: 1, message: "the header must be " + header.joined(separator: ","))
        }
        for record in ruleRecords.dropFirst() {
            let fields = record.fields
            guard fields.count == header.count else {
                errors.append(InputError(file: files.issueMap, line: record.line, message: "has \(fields.count) fields, expected \(header.count)"))
                continue
            }
            func condition(_ text: String) -> String? { text.isEmpty ? nil : text }
            let eventType = condition(fields[0].uppercased())
            if let eventType, types[eventType] == nil {
                errors.append(InputError(file: files.issueMap, line: record.line, field: "event_type", message: "not an event type of \(files.eventTypes): \(fields[0])"))
                continue
            }
            guard let issue = Issue(code: fields[4]) else {
                errors.append(InputError(file: files.issueMap, line: record.line, field: "issue", message: "unknown issue \(fields[4])"))
                continue
            }
            rules.append(Rule(
                eventType: eventType, mode: condition(fields[1].lowercased()), context: condition(fields[2].lowercased()),
                sector: condition(fields[3].uppercased()), issue: issue, reason: fields[5]))
        }
        if rules.last.map({ $0.eventType != nil || $0.mode != nil || $0.context != nil || $0.sector != nil }) ?? true {
            errors.append(InputError(file: files.issueMap, message: "the last rule must hold for every event (all conditions empty), so that every event has an issue"))
        }
        guard errors.isEmpty else { throw InputErrors(errors) }
        self.types = types
        self.rules = rules
    }

    /// The type of an event type field, in any letter case; `nil` for a type PLOVER does not define.
    public func eventType(_ name: String) -> EventType? { types[name.uppercased()] }

    /// The issue of the first rule that matches. `modes` and `contexts` are the event's fields as the file writes them,
    /// lists separated by semicolons; `sectors` are the two sides' primary sectors.
    public func issue(eventType: String, modes: String, contexts: String, sectors: [String]) -> Issue {
        let type = eventType.uppercased()
        let modes = Self.list(modes), contexts = Self.list(contexts)
        let sectors = sectors.map { $0.uppercased() }
        let rule = rules.first { rule in
            (rule.eventType.map { $0 == type } ?? true) && (rule.mode.map(modes.contains) ?? true)
                && (rule.context.map(contexts.contains) ?? true) && (rule.sector.map(sectors.contains) ?? true)
        }
        return rule?.issue ?? .dialogue
    }

    /// The values of a list field, lower-cased; POLECAT writes `None` for an empty one.
    static func list(_ field: String) -> [String] {
        field.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty && $0 != "none" }
    }
}
