/// The pattern analysis written out as at most three plain sentences per partner, each clause tied to its cell.
extension Patterns {
    /// One clause of a sentence, with the map cell whose evidence supports it.
    public struct Clause: Sendable, Hashable, Codable {
        public var text: String
        /// The focus side of the cell to open for evidence: the group for a group-level relation, else the first state.
        public var focus: String
        public var partner: String
        public var issue: Issue
    }

    /// A sentence about one partner: a lead, then its clauses as a list.
    public struct Sentence: Sendable, Hashable, Codable {
        public var partner: String
        /// The words before the clauses: "Region-wide cooperation on ".
        public var lead: String
        public var clauses: [Clause]

        /// The sentence as plain text.
        public var text: String { lead + Patterns.list(clauses.map(\.text)) + "." }
    }

    /// The most clauses a sentence names; the rest are counted.
    public static let clausesPerSentence = 3

    /// The most sentences written per partner.
    public static let sentencesPerPartner = 3

    /// Up to three sentences per partner with evidence, in this order of what stands out: region-wide conflict,
    /// region-wide cooperation, states that go against the region, country-specific relations, mixed ones.
    public func sentences(name: (String) -> String) -> [Sentence] {
        partners.flatMap { partner -> [Sentence] in
            let mine = patterns.filter { $0.partner == partner }
            func clause(_ pattern: IssuePattern, _ text: String, focus: String? = nil) -> Clause {
                Clause(text: text, focus: focus ?? (pattern.groupLevel ? (group ?? pattern.states.first ?? "") : pattern.states.first ?? group ?? ""),
                       partner: partner, issue: pattern.issue)
            }
            func basis(_ pattern: IssuePattern) -> String {
                var parts: [String] = []
                if pattern.groupLevel, let group { parts.append("\(name(group)) as a whole") }
                if !pattern.agreeing.isEmpty { parts.append("\(pattern.agreeing.count) of \(states.count) states") }
                return parts.joined(separator: " and ") + (pattern.thin ? "; thinly attested" : "")
            }
            var candidates: [Sentence] = []
            /// A sentence naming the broadest relations first (most states agreeing), the others counted.
            func add(_ subject: String, _ preposition: String, _ chosen: [IssuePattern], focus: (IssuePattern) -> String? = { _ in nil }, _ text: (IssuePattern) -> String) {
                guard !chosen.isEmpty else { return }
                let ranked = chosen.enumerated().sorted { ($1.element.agreeing.count, $0.offset) < ($0.element.agreeing.count, $1.offset) }.map(\.element)
                let named = ranked.prefix(Self.clausesPerSentence)
                let lead = chosen.count > named.count
                    ? "\(subject) \(preposition) \(chosen.count) issues, most broadly \(preposition) "
                    : "\(subject) \(preposition) "
                candidates.append(Sentence(partner: partner, lead: lead, clauses: named.map { clause($0, text($0), focus: focus($0)) }))
            }
            let regionWide = mine.filter { $0.reach == .regionWide }
            add("Region-wide conflict", "over", regionWide.filter { $0.direction == .conflict }) { "\($0.issue.label) (\(basis($0)))" }
            add("Region-wide cooperation", "on", regionWide.filter { $0.direction == .cooperation }) { "\($0.issue.label) (\(basis($0)))" }
            add("Against the region", "on", regionWide.filter { !$0.opposing.isEmpty }, focus: { $0.opposing.first }) { pattern in
                "\(pattern.issue.label) (\(Self.list(pattern.opposing.map(name))) in \(pattern.direction == .cooperation ? "conflict" : "cooperation"))"
            }
            add("Country-specific relations", "on", mine.filter { $0.reach == .specific }) { pattern in
                "\(pattern.issue.label) (\(pattern.direction == .conflict ? "conflict" : "cooperation") with \(Self.list(pattern.agreeing.map(name))))"
            }
            add("Mixed relations", "on", mine.filter { $0.reach == .mixed }) { pattern in
                let sides = pattern.states.count + (pattern.groupLevel ? 1 : 0)
                return "\(pattern.issue.label) (\(sides) \(sides == 1 ? "side" : "sides"), no direction most share)"
            }
            return Array(candidates.prefix(Self.sentencesPerPartner))
        }
    }

    /// "A", "A and B", "A, B and C".
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
