/// What kind of relation a curated fact records.
public enum FactKind: String, Sendable, Codable, CaseIterable {
    /// A state joins an organisation (side `b` is the group).
    case membership
    case dialogueFormat = "dialogue-format"
    /// Summits and visits.
    case summit
    /// Agreements and treaties.
    case agreement
    case strategicPartnership = "strategic-partnership"
    case dispute
    case statement
    /// Aid or investment projects.
    case project

    /// Whether the relation lasts until it ends (a membership, a treaty) rather than happening on a day (a visit, a statement).
    public var isDurable: Bool { self != .summit && self != .statement }
}

/// A curated fact of the knowledge base: a relation stated by a cited source.
public struct Fact: Sendable, Hashable, Codable {
    /// Unique in the knowledge base: lower case, digits and hyphens.
    public var id: String
    public var kind: FactKind
    /// Actor codes of side a: ISO3 codes, or one group code.
    public var a: [String]
    /// Actor codes of side b.
    public var b: [String]
    public var issues: [Issue]
    public var polarity: Polarity
    /// When the fact holds; `nil` when the source gives no date, as an analysis paper may not.
    public var period: Period?
    /// The event this fact is one facet of (one summit, one treaty), shared by its facets; `nil` when the fact stands alone.
    public var event: String?
    /// The sources that state the fact, at least one; the fact counts once whatever their number.
    public var citations: [Citation]

    public init(
        id: String, kind: FactKind, a: [String], b: [String], issues: [Issue], polarity: Polarity, period: Period?,
        event: String? = nil, citations: [Citation]
    ) {
        precondition(!citations.isEmpty, "a fact cites at least one source")
        self.id = id
        self.kind = kind
        self.a = a
        self.b = b
        self.issues = issues
        self.polarity = polarity
        self.period = period
        self.event = event
        self.citations = citations
    }

    /// A fact with one source.
    public init(
        id: String, kind: FactKind, a: [String], b: [String], issues: [Issue], polarity: Polarity, period: Period?,
        event: String? = nil, citation: Citation
    ) {
        self.init(id: id, kind: kind, a: a, b: b, issues: issues, polarity: polarity, period: period, event: event, citations: [citation])
    }

    /// The first source, shown with the fact's evidence; the others ride along in its `also`.
    public var citation: Citation {
        var first = citations[0]
        first.also = Array(citations.dropFirst())
        return first
    }

    /// What the fact is counted as when events are counted: its event key, else its own id.
    public var eventKey: String { event ?? id }

    /// The pairs the fact relates, side a first, as its evidence has them: a group code stays one side, a joint act relates every pair of its states.
    public func pairs(members: (String) -> [String]) -> [(a: String, b: String)] {
        let joint = Set(a) == Set(b)
        let sideA = joint ? a.flatMap(members) : a
        let sideB = joint ? sideA : b
        var seen = Set<Dyad>()
        var pairs: [(a: String, b: String)] = []
        for first in sideA {
            for second in sideB where first != second && seen.insert(Dyad(first, second)).inserted {
                pairs.append((first, second))
            }
        }
        return pairs
    }

    /// The evidence the fact gives: one row per pair of a side-a and a side-b code and per issue.
    ///
    /// A group code stays one side, so a C5 summit counts once. When both
    /// sides are the same (a joint act of the five, a three-way agreement),
    /// the fact relates every pair of their states, as the annotation contract
    /// reads such relations; `members` expands a group code into its states.
    public func evidence(members: (String) -> [String]) -> [Evidence] {
        var citation = citation
        // A visit or a statement happens on its day: its evidence is a point in time, not a relation in force until it ends.
        let period = kind.isDurable ? period : period.flatMap { Period(start: $0.start, end: $0.end ?? $0.start) }
        citation.locator = [citation.locator, "fact \(id)"].compactMap { $0 }.joined(separator: "; ")
        var rows: [Evidence] = []
        for pair in pairs(members: members) {
            for issue in issues {
                rows.append(Evidence(kind: .fact, a: pair.a, b: pair.b, issue: issue, polarity: polarity, weight: 1, period: period, citation: citation))
            }
        }
        return rows
    }
}
