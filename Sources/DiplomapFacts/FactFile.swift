import DiplomapCore
import Yams

/// A fact with the lines it was read from, so that later checks can point at them.
public struct LocatedFact: Sendable {
    public var fact: Fact
    public var line: Int?
    /// The line of each citation's mapping, in the order of `fact.citations`.
    public var citationLines: [Int?]
    /// The line of each citation's summary, in the order of `fact.citations`.
    public var summaryLines: [Int?]

    public init(fact: Fact, line: Int?, citationLines: [Int?] = [], summaryLines: [Int?] = []) {
        self.fact = fact
        self.line = line
        self.citationLines = citationLines
        self.summaryLines = summaryLines
    }

    /// The line of the first citation's summary.
    public var summaryLine: Int? { summaryLines.first ?? nil }

    /// The line of a citation's mapping, else the fact's.
    public func line(ofCitation index: Int) -> Int? {
        (citationLines.indices.contains(index) ? citationLines[index] : nil) ?? line
    }

    /// The line of a citation's summary, else of its mapping.
    public func line(ofSummary index: Int) -> Int? {
        (summaryLines.indices.contains(index) ? summaryLines[index] : nil) ?? line(ofCitation: index)
    }
}

/// Reads one knowledge-base file (`facts:` list) and validates every fact against the registry.
public enum FactFile {
    private static let fields: Set<String> = ["id", "kind", "event", "a", "b", "issues", "polarity", "start", "end", "citations"]

    /// Parses and validates the file; nothing is returned from a file with any error.
    ///
    /// Checks: known country or group codes, known issue codes, real dates
    /// and an end not before the start, at least one citation and each complete, well-formed ids and event keys.
    public static func parse(_ text: String, file: String, registry: CountryRegistry) throws(InputErrors) -> [LocatedFact] {
        let nodes: [Yams.Node]
        do { nodes = try topLevelList(try composeYAML(text, file: file), key: "facts", file: file) } catch { throw InputErrors([error]) }
        var facts: [LocatedFact] = []
        var errors: [InputError] = []
        for node in nodes {
            guard var fields = YAMLFields(node, file: file, what: "a fact", errors: &errors) else { continue }
            fields.rejectUnknownKeys(Self.fields, handledElsewhere: ["citation"])
            let id = fields.text("id")
            if let id, !isIdentifier(id) {
                fields.fail("id", "use lower-case letters, digits and hyphens: \(id)")
            }
            let event = fields.text("event", required: false)
            if let event, !isIdentifier(event) {
                fields.fail("event", "use lower-case letters, digits and hyphens: \(event)")
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
            let citations = CitationFields.readList(&fields)
            errors += fields.errors
            if fields.errors.isEmpty, let id, let kind, let polarity, let citations {
                let fact = Fact(id: id, kind: kind, a: a, b: b, issues: issues, polarity: polarity, period: period, event: event, citations: citations)
                let items = fields.mapping["citations"]?.sequence.map(Array.init) ?? []
                facts.append(LocatedFact(
                    fact: fact, line: fields.line,
                    citationLines: items.map { $0.mark?.line }, summaryLines: items.map { $0.mapping?["summary"]?.mark?.line }
                ))
            }
        }
        guard errors.isEmpty else { throw InputErrors(errors) }
        return facts
    }

    /// Lower-case ASCII letters, digits and hyphens, the form of ids and event keys.
    static func isIdentifier(_ text: String) -> Bool {
        text.allSatisfy { ($0.isLowercase || $0.isNumber || $0 == "-") && $0.isASCII }
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
