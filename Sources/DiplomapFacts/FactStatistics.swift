import DiplomapCore

/// How well the knowledge base covers each pair: per pair (and issue) the number of facts, of distinct
/// events (facets of one summit or treaty count once) and of distinct sources, and the oldest and newest date.
public enum FactStatistics {
    /// The counts for one pair, on one issue or on all of them.
    public struct Row: Sendable, Hashable, Codable {
        /// The pair's sides: as requested when pairs are given, else in alphabetical order.
        public var a: String
        public var b: String
        /// The issue counted; `nil` when the row counts every issue of the pair.
        public var issue: Issue?
        public var facts: Int
        /// Distinct event keys, a fact without one counting as its own event.
        public var events: Int
        /// Distinct issues among the facts.
        public var issues: Int
        /// Distinct cited addresses.
        public var sources: Int
        /// Facts of conflict polarity, so that a one-sided record shows.
        public var conflict: Int
        /// The earliest and latest start date among the dated facts.
        public var oldest: PartialDate?
        public var newest: PartialDate?
    }

    /// The rows, per pair or per pair and issue.
    ///
    /// A fact counts for the pairs its evidence relates: a group code stays one side, so a C5 summit
    /// counts for C5–partner, not for each state. With `pairs`, exactly those pairs are listed, those with
    /// no fact at zero; without, every pair some fact relates, in alphabetical order.
    public static func rows(
        _ facts: [Fact], members: (String) -> [String], pairs requested: [(a: String, b: String)]? = nil, byIssue: Bool
    ) -> [Row] {
        var byPair: [Dyad: [Fact]] = [:]
        for fact in facts {
            for pair in fact.pairs(members: members) { byPair[Dyad(pair.a, pair.b), default: []].append(fact) }
        }
        let pairs = requested ?? byPair.keys.sorted().map { ($0.first, $0.second) }
        var rows: [Row] = []
        for pair in pairs {
            let facts = byPair[Dyad(pair.a, pair.b)] ?? []
            if byIssue {
                let issues = Issue.allCases.filter { issue in facts.contains { $0.issues.contains(issue) } }
                for issue in issues {
                    rows.append(row(pair, issue: issue, facts.filter { $0.issues.contains(issue) }))
                }
                if issues.isEmpty, requested != nil { rows.append(row(pair, issue: nil, [])) }
            } else {
                rows.append(row(pair, issue: nil, facts))
            }
        }
        return rows
    }

    private static func row(_ pair: (a: String, b: String), issue: Issue?, _ facts: [Fact]) -> Row {
        let dates = facts.compactMap { $0.period?.start }
        return Row(
            a: pair.a, b: pair.b, issue: issue, facts: facts.count,
            events: Set(facts.map(\.eventKey)).count,
            issues: Set(facts.flatMap(\.issues)).count,
            sources: Set(facts.flatMap { $0.citations.map(\.address) }).count,
            conflict: facts.filter { $0.polarity == .conflict }.count,
            oldest: dates.min(), newest: dates.max()
        )
    }
}
