import DiplomapCore
import Yams

/// Reads the fields of one YAML mapping, recording every problem with its file, line and field.
///
/// Knowledge-base files are written by hand, so a reader wants all problems
/// of a file at once, each with the line to fix.
struct YAMLFields {
    let file: String
    let node: Node
    let mapping: Node.Mapping
    private(set) var errors: [InputError] = []

    /// Wraps `node`, the value of `field` or an item of a list (`what`); `nil`, with an error recorded
    /// in `errors`, when it is not a mapping.
    init?(_ node: Node, file: String, what: String, field: String? = nil, errors: inout [InputError]) {
        guard let mapping = node.mapping else {
            errors.append(InputError(file: file, line: node.mark?.line, field: field, message: "\(what) must be a mapping of fields"))
            return nil
        }
        self.file = file
        self.node = node
        self.mapping = mapping
    }

    var line: Int? { node.mark?.line }

    /// Records an error on a field, at the field's line or else the mapping's.
    mutating func fail(_ field: String, _ message: String) {
        errors.append(InputError(file: file, line: mapping[field]?.mark?.line ?? line, field: field, message: message))
    }

    /// Records an error at the line of a field's key, for a field whose value starts on a later line.
    mutating func failAtKey(_ field: String, _ message: String) {
        let key = mapping.keys.first { $0.string == field }
        errors.append(InputError(file: file, line: key?.mark?.line ?? line, field: field, message: message))
    }

    /// Records an error for every key not in `known`: a misspelt key would silently lose data.
    /// `handledElsewhere` are keys not accepted but reported by the caller with a better message.
    mutating func rejectUnknownKeys(_ known: Set<String>, handledElsewhere: Set<String> = []) {
        for key in mapping.keys {
            let name = key.string ?? "\(key)"
            if !known.contains(name), !handledElsewhere.contains(name) {
                errors.append(InputError(file: file, line: key.mark?.line, field: name, message: "unknown field; expected one of \(known.sorted().joined(separator: ", "))"))
            }
        }
    }

    /// A non-empty text; records an error when a required one is missing.
    mutating func text(_ field: String, required: Bool = true) -> String? {
        guard let value = mapping[field], value.null == nil else {
            if required { fail(field, "missing") }
            return nil
        }
        guard let text = value.scalar?.string.trimmingCharacters(in: .whitespacesAndNewlines) else {
            fail(field, "must be text")
            return nil
        }
        if text.isEmpty {
            if required { fail(field, "is empty") }
            return nil
        }
        return text
    }

    /// A list of texts (a single text is taken as a list of one); records an error when missing or empty.
    mutating func list(_ field: String, required: Bool = true) -> [String] {
        guard let value = mapping[field], value.null == nil else {
            if required { fail(field, "missing") }
            return []
        }
        if let scalar = value.scalar { return [scalar.string] }
        guard let sequence = value.sequence else {
            fail(field, "must be a list")
            return []
        }
        let items = sequence.compactMap { $0.scalar?.string.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if items.count != sequence.count { fail(field, "every item must be non-empty text") }
        if items.isEmpty, required { fail(field, "is empty") }
        return items
    }

    /// A date of the form YYYY, YYYY-MM or YYYY-MM-DD.
    mutating func date(_ field: String, required: Bool = true) -> PartialDate? {
        guard let text = text(field, required: required) else { return nil }
        guard let date = PartialDate(text) else {
            fail(field, "not a date (YYYY, YYYY-MM or YYYY-MM-DD): \(text)")
            return nil
        }
        return date
    }

    /// A value of a string enumeration, with the allowed values in the error.
    mutating func choice<Value: RawRepresentable & CaseIterable>(_ field: String, as type: Value.Type) -> Value? where Value.RawValue == String {
        guard let text = text(field) else { return nil }
        guard let value = Value(rawValue: text) else {
            fail(field, "unknown value \"\(text)\"; expected one of \(Value.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        return value
    }

    /// The nested mapping under `field`.
    mutating func nested(_ field: String) -> YAMLFields? {
        guard let value = mapping[field] else {
            fail(field, "missing")
            return nil
        }
        var nestedErrors: [InputError] = []
        let fields = YAMLFields(value, file: file, what: "the \(field)", field: field, errors: &nestedErrors)
        errors += nestedErrors
        return fields
    }

    /// Takes over the errors of a nested reader.
    mutating func absorb(_ other: YAMLFields) { errors += other.errors }

    /// Takes over errors found elsewhere, such as those of a list's items.
    mutating func absorb(_ others: [InputError]) { errors += others }
}

/// Parses YAML text into its root node, turning a syntax error into an `InputError` with its line.
func composeYAML(_ text: String, file: String) throws(InputError) -> Node? {
    do {
        return try Yams.compose(yaml: text)
    } catch let error as YamlError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            throw InputError(file: file, line: mark.line, message: "YAML syntax: \(problem)")
        default:
            throw InputError(file: file, message: "YAML: \(error)")
        }
    } catch {
        throw InputError(file: file, message: "YAML: \(error)")
    }
}

/// The sequence under a top-level key such as `facts:` or `groups:`.
func topLevelList(_ root: Node?, key: String, file: String) throws(InputError) -> [Node] {
    guard let root else { return [] }
    guard let mapping = root.mapping, let value = mapping[key] else {
        throw InputError(file: file, line: root.mark?.line, field: key, message: "the file must be a mapping with a \"\(key):\" list")
    }
    if value.null != nil { return [] }
    guard let sequence = value.sequence else {
        throw InputError(file: file, line: value.mark?.line, field: key, message: "must be a list")
    }
    return Array(sequence)
}
