import DiplomapCore

/// Checks across the whole knowledge base that a single file cannot make: the same relation
/// recorded twice, addresses an analyst cannot use, facts resting only on sources not acceptable
/// alone, and summaries that do not name the states they are about.
public enum FactChecker {
    /// What the checks found: errors make `facts check` fail, warnings are for a reviewer.
    public struct Findings: Sendable {
        public var errors: [InputError] = []
        public var warnings: [InputError] = []
    }

    /// Errors: the same relation twice; an address that is not http(s) or names a bare IP. Warnings: a fact whose
    /// every source is on a domain `policy` lists; a first summary that names neither side.
    public static func check(_ files: [KnowledgeBase.FactFileContents], registry: CountryRegistry, policy: SourcePolicy = SourcePolicy()) -> Findings {
        var findings = Findings()
        var seen: [DuplicateKey: (file: String, line: Int?, id: String)] = [:]
        for file in files {
            for entry in file.entries {
                let fact = entry.fact
                if let first = seen[DuplicateKey(fact)] {
                    let place = first.line.map { "\(first.file):\($0)" } ?? first.file
                    findings.errors.append(InputError(
                        file: file.url.path, line: entry.line, field: "id",
                        message: "fact \(fact.id) records the same relation as \(first.id) (\(place)): same kind, sides, issues, polarity and start"
                    ))
                } else {
                    seen[DuplicateKey(fact)] = (file.url.path, entry.line, fact.id)
                }
                let sides = Set(fact.a + fact.b)
                for (index, citation) in fact.citations.enumerated() {
                    let field = "citations[\(index + 1)]"
                    if let problem = SourceAddress.problem(citation.address) {
                        findings.errors.append(InputError(file: file.url.path, line: entry.line(ofCitation: index), field: "\(field).address", message: problem))
                    }
                    // The first summary is the fact's own line wherever it is shown; the others read beneath it.
                    if index == 0, let summary = citation.summary, !sides.contains(where: { registry.isMentioned($0, in: summary) }) {
                        findings.warnings.append(InputError(
                            file: file.url.path, line: entry.line(ofSummary: index), field: "\(field).summary",
                            message: "names none of \(sides.sorted().joined(separator: ", ")) by country, capital or demonym"
                        ))
                    }
                }
                let weak = fact.citations.map { policy.weakDomain(of: $0.address) }
                if !weak.contains(where: { $0 == nil }) {
                    var reasons: [String] = []
                    for domain in weak.compactMap({ $0 }) where !reasons.contains(where: { $0.hasPrefix(domain.domain + " ") }) {
                        reasons.append("\(domain.domain) (\(domain.kind.rawValue): \(domain.reason))")
                    }
                    findings.warnings.append(InputError(
                        file: file.url.path, line: entry.line, field: "citations",
                        message: "fact \(fact.id) rests only on sources not acceptable alone: \(reasons.joined(separator: "; ")); add a primary or reputable source"
                    ))
                }
            }
        }
        return findings
    }

    /// Two facts are the same relation when kind, sides (in either order), issues, polarity and start agree.
    private struct DuplicateKey: Hashable {
        var kind: FactKind
        var sides: Set<Set<String>>
        var issues: Set<Issue>
        var polarity: Polarity
        var start: PartialDate?

        init(_ fact: Fact) {
            kind = fact.kind
            sides = [Set(fact.a), Set(fact.b)]
            issues = Set(fact.issues)
            polarity = fact.polarity
            start = fact.period?.start
        }
    }
}
