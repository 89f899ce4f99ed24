import DiplomapCore
import Yams

/// A fact with the lines it was read from, so that later checks can point at them.
public struct LocatedFact: Sendable {
    public var fact: Fact
    public var line: Int?
    public var summaryLine: Int?

    public init(fact: Fact, line: Int?, summaryLine: Int?) {
        self.fact = fact
        self.line = line
        self.summaryLine = summaryLine
    }
}

/// Reads one knowledge-base file (`facts:` list) and validates every fact against the registry.
public enum FactFile {
    private static let fields: Set<String> = ["id", "kind", "a", "b", "issues", "polarity", "start", "end", "citation"]

    /// Parses and validates the file; nothing is returned from a file with any error.
    ///
    /// Checks: known country or group codes, known issue codes, real dates
    /// and an end not before the start, a complete citation, well-formed ids.
    public static func parse(_ text: String, file: String, registry: CountryRegistry) throws(InputErrors) -> [LocatedFact] {
        let nodes: [Yams.Node]
        do { nodes = try topLevelList(try composeYAML(text, file: file), key: "facts", file: file) } catch { throw InputErrors([error]) }
        var facts: [LocatedFact] = []
        var errors: [InputError] = []
        for node in nodes {
            guard var fields = YAMLFields(node, file: file, what: "a fact", errors: &errors) else { continue }
            fields.rejectUnknownKeys(Self.fields)
            let id = fields.text("id")
            if let id, !id.allSatisfy({ ($0.isLowercase || $0.isNumber || $0 == "-") && $0.isASCII }) {
                fields.fail("id", "use lower-case letters, digits and hyphens: \(id)")
            }
            let kind = fields.choice("kind", as: FactKind.self)
            let a = sides(&fields, "a", registry: registry)
            let b = sides(&fields, "b", registry: registry)
            let issues = fields.list("issues").compactMap { code -> Issue? in
                guard let issue = Issue(code: code) else {
                    fields.fail("issues", "unknown issue \"\(code)\"; `diplomap issues` lists the 16 codes")
                    return nil
                }
                return issue
            }
            let polarity = fields.choice("polarity", as: Polarity.self)
            let start = fields.date("start", required: false)
            let end = fields.date("end", required: false)
            var period: Period?
            if let start {
                period = Period(start: start, end: end)
                if period == nil { fields.fail("end", "\(end!) is before the start \(start)") }
            } else if end != nil {
                fields.fail("end", "an end needs a start")
            }
            let citation = CitationFields.read(&fields)
            errors += fields.errors
            if fields.errors.isEmpty, let id, let kind, let polarity, let citation {
                let fact = Fact(id: id, kind: kind, a: a, b: b, issues: issues, polarity: polarity, period: period, citation: citation)
                let summaryLine = fields.mapping["citation"]?.mapping?["summary"]?.mark?.line
                facts.append(LocatedFact(fact: fact, line: fields.line, summaryLine: summaryLine))
            }
        }
        guard errors.isEmpty else { throw InputErrors(errors) }
        return facts
    }

    /// The codes of one side: ISO3 codes, or a single group code; names are not accepted, so files stay unambiguous.
    private static func sides(_ fields: inout YAMLFields, _ field: String, registry: CountryRegistry) -> [String] {
        let codes = fields.list(field)
        for code in codes where registry.country(iso3: code)?.iso3 != code && registry.group(code: code)?.code != code {
            let hint = (try? registry.resolve(code)).map { "; the code of \"\(code)\" is \($0.code)" }
                ?? registry.suggestions(for: code).first.map { "; did you mean \"\($0)\"?" } ?? ""
            fields.fail(field, "unknown country or group code \"\(code)\"\(hint)")
        }
        if codes.count > 1, codes.contains(where: { registry.group(code: $0) != nil }) {
            fields.fail(field, "a group code stands alone on its side")
        }
        return codes
    }
}
