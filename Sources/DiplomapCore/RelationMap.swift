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

    /// Whether the cell rests on a single piece of evidence or on undated evidence only: thinly attested, whatever its score.
    public var isThin: Bool { counts.byPolarity.total == 1 || timeline.isEmpty }
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

    /// Aggregates `evidence` held in memory for every pair of a focus side and a partner; other evidence is left out.
    public init(evidence: [Evidence], focus: [String], partners: [String], policy: ScoringPolicy = .standard) {
        var builder = RelationMapBuilder(focus: focus, partners: partners, policy: policy)
        for (index, item) in evidence.enumerated() { builder.add(item, id: Int64(index)) }
        self = builder.map { evidence[Int($0)] }
    }

    /// Aggregates the evidence of a store that `query` selects, for every pair of a focus side and a partner.
    ///
    /// The store counts its rows into the map without reading citations;
    /// only the strongest pieces of each cell are then read in full.
    public init(store: some EvidenceStore, query: EvidenceQuery, focus: [String], partners: [String], policy: ScoringPolicy = .standard) async throws {
        let builder = try await store.aggregate(query, into: RelationMapBuilder(focus: focus, partners: partners, policy: policy))
        let strongest = try await store.evidence(ids: builder.strongestIDs)
        self = builder.map { strongest[$0] }
    }

    init(focus: [String], partners: [String], cells: [RelationCell]) {
        self.focus = focus
        self.partners = partners
        self.cells = cells
    }

    /// The cell of a focus side, a partner and an issue, if it has evidence.
    public func cell(focus: String, partner: String, issue: Issue) -> RelationCell? {
        cells.first { $0.focus == focus && $0.partner == partner && $0.issue == issue }
    }
}
