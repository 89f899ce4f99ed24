/// Evidence counts for one cell, by polarity.
public struct PolarityCounts: Sendable, Hashable, Codable {
    public var cooperation = 0
    public var conflict = 0
    public var neutral = 0

    public init() {}

    public subscript(polarity: Polarity) -> Int {
        get {
            switch polarity {
            case .cooperation: cooperation
            case .conflict: conflict
            case .neutral: neutral
            }
        }
        set {
            switch polarity {
            case .cooperation: cooperation = newValue
            case .conflict: conflict = newValue
            case .neutral: neutral = newValue
            }
        }
    }

    /// All pieces of evidence counted.
    public var total: Int { cooperation + conflict + neutral }
}

/// Evidence counts for one cell, by source kind and polarity.
public struct KindCounts: Sendable, Hashable, Codable {
    public var fact = PolarityCounts()
    public var document = PolarityCounts()
    public var event = PolarityCounts()
    public var vote = PolarityCounts()

    public init() {}

    public subscript(kind: SourceKind) -> PolarityCounts {
        get {
            switch kind {
            case .fact: fact
            case .document: document
            case .event: event
            case .vote: vote
            }
        }
        set {
            switch kind {
            case .fact: fact = newValue
            case .document: document = newValue
            case .event: event = newValue
            case .vote: vote = newValue
            }
        }
    }

    /// Counts by polarity over all source kinds.
    public var byPolarity: PolarityCounts {
        var sum = PolarityCounts()
        for kind in SourceKind.allCases {
            for polarity in Polarity.allCases { sum[polarity] += self[kind][polarity] }
        }
        return sum
    }
}

/// What a cell's evidence rests on, so that a reader knows how far to trust it.
public enum EvidenceBasis: String, Sendable, Codable {
    /// Two or more kinds of source agree that the relation exists.
    case corroborated
    /// Curated, cited facts only.
    case curated
    /// One machine-coded kind only (news events, or sentences found by the mapper): a coded claim, not a corroborated fact.
    case coded
    /// UN roll-call votes only.
    case votes

    init(kinds: Set<SourceKind>) {
        if kinds.count > 1 {
            self = .corroborated
        } else if kinds == [.fact] {
            self = .curated
        } else if kinds == [.vote] {
            self = .votes
        } else {
            self = .coded
        }
    }

    /// A label for people.
    public var label: String {
        switch self {
        case .corroborated: "corroborated across source kinds"
        case .curated: "cited facts"
        case .coded: "coded claim, not corroborated"
        case .votes: "UN votes only"
        }
    }
}

/// Evidence of one year in a cell's time series.
public struct TimelinePoint: Sendable, Hashable, Codable {
    public var year: Int
    public var counts: PolarityCounts
}

/// One month of event evidence in a cell: summed weights of cooperation and conflict.
public struct MonthPoint: Sendable, Hashable, Codable {
    public var year: Int
    public var month: Int
    public var cooperation: Double
    public var conflict: Double
}

/// One cell of the map: what the evidence says about one dyad on one issue.
public struct RelationCell: Sendable, Hashable, Codable {
    /// The focus side (a focus state or the focus group).
    public var focus: String
    /// The partner side.
    public var partner: String
    public var issue: Issue
    public var counts: KindCounts
    /// The balance of cooperation over conflict in [-1, 1], kinds weighed as `ScoringPolicy` documents.
    public var score: Double
    /// In [0, 1]: grows with independent evidence and with corroboration across kinds.
    public var confidence: Double
    public var basis: EvidenceBasis
    /// Evidence per year of its start date; undated evidence is not in it.
    public var timeline: [TimelinePoint]
    /// Event evidence per month: the timeline only event data, which covers every month, can draw.
    public var eventMonths: [MonthPoint]
    /// The strongest pieces of evidence (trusted kinds and heavy rows first), at most `ScoringPolicy.strongestKept`.
    public var strongest: [Evidence]
}

/// The relation map: evidence aggregated per dyad (focus side × partner) and issue.
///
/// A group is a side in its own right: a C5+Japan summit is one piece of
/// evidence in the C5–JPN row, not five copies in the rows of the members.
public struct RelationMap: Sendable, Codable {
    /// Row sides: the focus group (if any) followed by its members, or the focus states.
    public var focus: [String]
    public var partners: [String]
    /// Cells with at least one piece of evidence, ordered by partner, focus side and issue.
    public var cells: [RelationCell]

    /// Aggregates `evidence` for every pair of a focus side and a partner; other evidence is left out.
    public init(evidence: [Evidence], focus: [String], partners: [String], policy: ScoringPolicy = .standard) {
        self.focus = focus
        self.partners = partners
        let focusOrder = Dictionary(focus.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let partnerOrder = Dictionary(partners.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        // Indices rather than copies: evidence carries many strings, and copying a million of them
        // into per-cell arrays costs more than the aggregation itself.
        var grouped: [CellKey: [Int]] = [:]
        for (index, item) in evidence.enumerated() {
            let key: CellKey? =
                if focusOrder[item.a] != nil && partnerOrder[item.b] != nil { CellKey(focus: item.a, partner: item.b, issue: item.issue) }
                else if focusOrder[item.b] != nil && partnerOrder[item.a] != nil { CellKey(focus: item.b, partner: item.a, issue: item.issue) }
                else { nil }
            guard let key, key.focus != key.partner else { continue }
            grouped[key, default: []].append(index)
        }
        cells = grouped.map { key, indices in Self.cell(key, indices, evidence, policy) }
            .sorted {
                (partnerOrder[$0.partner]!, focusOrder[$0.focus]!, $0.issue) < (partnerOrder[$1.partner]!, focusOrder[$1.focus]!, $1.issue)
            }
    }

    /// The cell of a focus side, a partner and an issue, if it has evidence.
    public func cell(focus: String, partner: String, issue: Issue) -> RelationCell? {
        cells.first { $0.focus == focus && $0.partner == partner && $0.issue == issue }
    }

    private static func cell(_ key: CellKey, _ indices: [Int], _ evidence: [Evidence], _ policy: ScoringPolicy) -> RelationCell {
        var counts = KindCounts()
        var totals: [SourceKind: KindTotal] = [:]
        var years: [Int: PolarityCounts] = [:]
        var months: [Int: MonthPoint] = [:]
        for index in indices {
            let item = evidence[index]
            counts[item.kind][item.polarity] += 1
            totals[item.kind, default: KindTotal()].add(item)
            guard let start = item.period?.start else { continue }
            years[start.year, default: PolarityCounts()][item.polarity] += 1
            if item.kind == .event, let month = start.month {
                var point = months[start.year * 12 + month, default: MonthPoint(year: start.year, month: month, cooperation: 0, conflict: 0)]
                if item.polarity == .cooperation { point.cooperation += item.weight }
                if item.polarity == .conflict { point.conflict += item.weight }
                months[start.year * 12 + month] = point
            }
        }
        let (score, confidence) = policy.assess(totals)
        return RelationCell(
            focus: key.focus, partner: key.partner, issue: key.issue, counts: counts, score: score, confidence: confidence,
            basis: EvidenceBasis(kinds: Set(totals.keys)),
            timeline: years.sorted { $0.key < $1.key }.map { TimelinePoint(year: $0.key, counts: $0.value) },
            eventMonths: months.sorted { $0.key < $1.key }.map(\.value),
            strongest: strongest(indices, evidence, policy)
        )
    }

    /// The strongest pieces of a cell: trusted kinds and heavy rows first, then the most recent, then by title.
    private static func strongest(_ indices: [Int], _ evidence: [Evidence], _ policy: ScoringPolicy) -> [Evidence] {
        func strength(_ index: Int) -> Double { (policy.reliability[evidence[index].kind] ?? 0.5) * evidence[index].weight }
        func before(_ x: Int, _ y: Int) -> Bool {
            let (a, b) = (evidence[x], evidence[y])
            let (sa, sb) = (strength(x), strength(y))
            if sa != sb { return sa > sb }
            switch (a.period?.start, b.period?.start) {
            case let (x?, y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.citation.title < b.citation.title
            }
        }
        // Keep a small sorted buffer instead of sorting every row of a large cell.
        var kept: [Int] = []
        for index in indices {
            if kept.count == policy.strongestKept, let last = kept.last, !before(index, last) { continue }
            let position = kept.firstIndex { before(index, $0) } ?? kept.endIndex
            kept.insert(index, at: position)
            if kept.count > policy.strongestKept { kept.removeLast() }
        }
        return kept.map { evidence[$0] }
    }

    private struct CellKey: Hashable {
        var focus: String
        var partner: String
        var issue: Issue
    }
}
