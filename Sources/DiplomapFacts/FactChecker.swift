import DiplomapCore

/// Checks across the whole knowledge base that a single file cannot make: the same event
/// recorded twice, and summaries that do not name the states they are about.
public enum FactChecker {
    /// What the checks found: errors make `facts check` fail, warnings are for a reviewer.
    public struct Findings: Sendable {
        public var errors: [InputError] = []
        public var warnings: [InputError] = []
    }

    public static func check(_ files: [KnowledgeBase.FactFileContents], registry: CountryRegistry) -> Findings {
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
                if let summary = fact.citation.summary, !sides.contains(where: { registry.isMentioned($0, in: summary) }) {
                    findings.warnings.append(InputError(
                        file: file.url.path, line: entry.summaryLine ?? entry.line, field: "summary",
                        message: "names none of \(sides.sorted().joined(separator: ", ")) by country, capital or demonym"
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
