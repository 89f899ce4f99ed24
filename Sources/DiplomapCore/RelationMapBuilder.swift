/// Aggregates evidence entries into the cells of a relation map, one entry at a time.
///
/// Entries stream in from a store in any order and are folded into one
/// accumulator per cell, found by position in a flat array (focus × partner ×
/// issue) rather than by hashing strings: a map of a million rows spends its
/// time here. Each cell keeps the ids of its strongest entries; the full
/// evidence of those few is fetched afterwards.
public struct RelationMapBuilder: Sendable {
    private let focus: [String]
    private let partners: [String]
    private let policy: ScoringPolicy
    private let focusIndex: [String: Int]
    private let partnerIndex: [String: Int]
    private var cells: [CellAccumulator?]

    public init(focus: [String], partners: [String], policy: ScoringPolicy = .standard) {
        self.focus = focus
        self.partners = partners
        self.policy = policy
        focusIndex = Dictionary(focus.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        partnerIndex = Dictionary(partners.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        cells = Array(repeating: nil, count: focus.count * partners.count * Issue.allCases.count)
    }

    /// Counts an entry in its cell; an entry that is not between a focus side and a partner is left out.
    public mutating func add(_ entry: EvidenceEntry) {
        guard entry.a != entry.b else { return }
        let position: (focus: Int, partner: Int)
        if let f = focusIndex[entry.a], let p = partnerIndex[entry.b] {
            position = (f, p)
        } else if let f = focusIndex[entry.b], let p = partnerIndex[entry.a] {
            position = (f, p)
        } else {
            return
        }
        let index = (position.focus * partners.count + position.partner) * Issue.allCases.count + Self.issueIndex[entry.issue]!
        if cells[index] == nil { cells[index] = CellAccumulator() }
        cells[index]!.add(entry, strength: (policy.reliability[entry.kind] ?? 0.5) * entry.weight, keep: policy.strongestKept)
    }

    /// The ids of every cell's strongest entries, to fetch in full.
    public var strongestIDs: [Int64] { cells.flatMap { $0?.strongest.map(\.id) ?? [] } }

    /// The map, with each cell's strongest evidence looked up by id; ids the lookup misses are left out.
    public func map(evidence: (Int64) -> Evidence?) -> RelationMap {
        var result: [RelationCell] = []
        let issues = Issue.allCases
        for (index, accumulator) in cells.enumerated() {
            guard let accumulator else { continue }
            let issue = issues[index % issues.count], pair = index / issues.count
            result.append(accumulator.cell(
                focus: focus[pair / partners.count], partner: partners[pair % partners.count], issue: issue, policy: policy, evidence: evidence
            ))
        }
        // Partner first, then focus side, then issue: the order of the report's rows.
        result.sort { (partnerIndex[$0.partner]!, focusIndex[$0.focus]!, $0.issue) < (partnerIndex[$1.partner]!, focusIndex[$1.focus]!, $1.issue) }
        return RelationMap(focus: focus, partners: partners, cells: result)
    }

    private static let issueIndex = Dictionary(uniqueKeysWithValues: Issue.allCases.enumerated().map { ($1, $0) })
}

/// The running totals of one cell.
private struct CellAccumulator: Sendable {
    var counts = KindCounts()
    var totals: [SourceKind: KindTotal] = [:]
    var years: [Int: PolarityCounts] = [:]
    var months: [Int: MonthPoint] = [:]
    /// The strongest entries so far, strongest first.
    var strongest: [Candidate] = []

    /// An entry competing for a place among the strongest.
    struct Candidate: Sendable {
        var id: Int64
        var strength: Double
        var start: PartialDate?

        /// Stronger first; then the more recent, dated before undated; then the earlier imported.
        func precedes(_ other: Candidate) -> Bool {
            if strength != other.strength { return strength > other.strength }
            switch (start, other.start) {
            case let (x?, y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return id < other.id
            }
        }
    }

    mutating func add(_ entry: EvidenceEntry, strength: Double, keep: Int) {
        counts[entry.kind][entry.polarity] += 1
        totals[entry.kind, default: KindTotal()].add(entry.polarity, weight: entry.weight)
        let start = entry.period?.start
        if let start {
            years[start.year, default: PolarityCounts()][entry.polarity] += 1
            if entry.kind == .event, let month = start.month {
                let key = start.year * 12 + month
                var point = months[key] ?? MonthPoint(year: start.year, month: month, cooperation: 0, conflict: 0)
                if entry.polarity == .cooperation { point.cooperation += entry.weight }
                if entry.polarity == .conflict { point.conflict += entry.weight }
                months[key] = point
            }
        }
        // A small sorted buffer instead of sorting every entry of a large cell.
        let candidate = Candidate(id: entry.id, strength: strength, start: start)
        if strongest.count == keep, let last = strongest.last, !candidate.precedes(last) { return }
        let position = strongest.firstIndex { candidate.precedes($0) } ?? strongest.endIndex
        strongest.insert(candidate, at: position)
        if strongest.count > keep { strongest.removeLast() }
    }

    func cell(focus: String, partner: String, issue: Issue, policy: ScoringPolicy, evidence: (Int64) -> Evidence?) -> RelationCell {
        let (score, confidence) = policy.assess(totals)
        return RelationCell(
            focus: focus, partner: partner, issue: issue, counts: counts, score: score, confidence: confidence,
            basis: EvidenceBasis(kinds: Set(totals.keys)),
            timeline: years.sorted { $0.key < $1.key }.map { TimelinePoint(year: $0.key, counts: $0.value) },
            eventMonths: months.sorted { $0.key < $1.key }.map(\.value),
            strongest: strongest.compactMap { evidence($0.id) }
        )
    }
}
