/// The pattern analysis written out as plain sentences, one per partner, each clause tied to its cell.
extension Patterns {
    /// One clause of a sentence, with the map cell whose evidence supports it.
    public struct Clause: Sendable, Hashable, Codable {
        public var text: String
        /// The focus side of the cell to open for evidence: the group for a group-level relation, else the first state.
        public var focus: String
        public var partner: String
        public var issue: Issue
    }

    /// A sentence about one partner.
    public struct Sentence: Sendable, Hashable, Codable {
        public var partner: String
        public var clauses: [Clause]

        /// The sentence as plain text, with the partner's name before it.
        public func text(partnerName: String) -> String {
            "\(partnerName): " + clauses.map(\.text).joined(separator: "; ") + "."
        }
    }

    /// One sentence per partner with evidence: region-wide relations first, then country-specific ones.
    public func sentences(name: (String) -> String) -> [Sentence] {
        partners.compactMap { partner in
            let clauses = patterns.filter { $0.partner == partner }.map { pattern in
                Clause(text: clause(pattern, name: name), focus: pattern.groupLevel ? (group ?? pattern.states[0]) : pattern.states[0],
                       partner: partner, issue: pattern.issue)
            }
            return clauses.isEmpty ? nil : Sentence(partner: partner, clauses: clauses)
        }
    }

    private func clause(_ pattern: IssuePattern, name: (String) -> String) -> String {
        let topic = pattern.issue.label.lowercased()
        let subject = switch pattern.direction {
        case .cooperation: "cooperation on \(topic)"
        case .conflict: "conflict over \(topic)"
        case .mixed: "mixed relations on \(topic)"
        }
        switch pattern.reach {
        case .regionWide:
            var basis: [String] = []
            if pattern.groupLevel, let group { basis.append("\(name(group)) as a whole") }
            if !pattern.states.isEmpty { basis.append("\(pattern.states.count) of \(states.count) states") }
            let standout = pattern.standout.map { state in
                pattern.states.contains(state) ? ", \(name(state)) stands out" : ", not \(name(state))"
            } ?? ""
            return "\(subject) is region-wide (\(basis.joined(separator: "; ")))\(standout)"
        case .specific:
            return "\(subject) is specific to \(Self.list(pattern.states.map(name)))"
        case .absent:
            return "no evidence of \(topic)"
        }
    }

    /// "A", "A and B", "A, B and C".
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
