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

/// One cell of the map: what the evidence says about one dyad on one issue.
public struct RelationCell: Sendable, Hashable, Codable {
    /// The focus side (a focus state or the focus group).
    public var focus: String
    /// The partner side.
    public var partner: String
    public var issue: Issue
    public var counts: KindCounts
    /// The weighted balance of cooperation over conflict, in [-1, 1]; 0 when only neutral.
    public var score: Double
    /// The evidence behind the cell, strongest first.
    public var evidence: [Evidence]
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
    ///
    /// The score of a cell is Σ weight·sign(polarity) / Σ weight: +1 when all
    /// evidence is cooperation, -1 when all is conflict, near 0 when mixed or neutral.
    public init(evidence: [Evidence], focus: [String], partners: [String]) {
        self.focus = focus
        self.partners = partners
        let focusSet = Set(focus), partnerSet = Set(partners)
        var grouped: [CellKey: [Evidence]] = [:]
        for item in evidence {
            let pair: (String, String)? =
                if focusSet.contains(item.a) && partnerSet.contains(item.b) { (item.a, item.b) }
                else if focusSet.contains(item.b) && partnerSet.contains(item.a) { (item.b, item.a) }
                else { nil }
            guard let (focusSide, partner) = pair, focusSide != partner else { continue }
            grouped[CellKey(focus: focusSide, partner: partner, issue: item.issue), default: []].append(item)
        }
        let focusOrder = Dictionary(focus.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let partnerOrder = Dictionary(partners.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        cells = grouped.map { key, items in
            var counts = KindCounts()
            var weighted = 0.0, total = 0.0
            for item in items {
                counts[item.kind][item.polarity] += 1
                weighted += item.weight * item.polarity.sign
                total += item.weight
            }
            return RelationCell(
                focus: key.focus, partner: key.partner, issue: key.issue, counts: counts,
                score: total > 0 ? weighted / total : 0,
                evidence: items.sorted { ($0.weight, $1.citation.title) > ($1.weight, $0.citation.title) }
            )
        }
        .sorted {
            (partnerOrder[$0.partner]!, focusOrder[$0.focus]!, $0.issue) < (partnerOrder[$1.partner]!, focusOrder[$1.focus]!, $1.issue)
        }
    }

    /// The cell of a focus side, a partner and an issue, if it has evidence.
    public func cell(focus: String, partner: String, issue: Issue) -> RelationCell? {
        cells.first { $0.focus == focus && $0.partner == partner && $0.issue == issue }
    }

    private struct CellKey: Hashable {
        var focus: String
        var partner: String
        var issue: Issue
    }
}
