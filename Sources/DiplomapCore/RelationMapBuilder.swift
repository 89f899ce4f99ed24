/// Aggregates evidence into the cells of a relation map, one piece at a time.
///
/// Evidence streams in from a store in any order, without its citation, and
/// is folded into one accumulator per cell, found by position in a flat
/// array (focus × partner × issue) rather than by hashing strings: a map of
/// a million rows spends its time here. Sides are given as positions in
/// `sides`, so that a store can match their codes without making strings.
/// Each cell keeps the ids of its strongest pieces; their full evidence is
/// fetched afterwards, and builders filled in parallel are merged.
public struct RelationMapBuilder: Sendable {
    /// Every side the map counts: the focus sides, then the partners that are not also focus sides.
    public let sides: [String]
    private let focus: [String]
    private let partners: [String]
    private let policy: ScoringPolicy
    /// For each side, its position among the focus sides and among the partners, or -1.
    private let focusPosition: [Int]
    private let partnerPosition: [Int]
    private let sideIndex: [String: Int]
    /// The policy's reliability per kind, by ordinal.
    private let reliability: [Double]
    private var cells: [CellAccumulator?]

    public init(focus: [String], partners: [String], policy: ScoringPolicy = .standard) {
        self.focus = focus
        self.partners = partners
        self.policy = policy
        var sides: [String] = []
        var sideIndex: [String: Int] = [:]
        for code in focus + partners where sideIndex[code] == nil {
            sideIndex[code] = sides.count
            sides.append(code)
        }
        self.sides = sides
        self.sideIndex = sideIndex
        focusPosition = sides.map { focus.firstIndex(of: $0) ?? -1 }
        partnerPosition = sides.map { partners.firstIndex(of: $0) ?? -1 }
        reliability = SourceKind.allCases.map { policy.reliability[$0] ?? 0.5 }
        cells = Array(repeating: nil, count: focus.count * partners.count * Issue.count)
    }

    /// Counts a piece of evidence between sides `a` and `b` (positions in `sides`); one that is not between a focus side and a partner is left out.
    public mutating func add(id: Int64, kind: SourceKind, a: Int, b: Int, issue: Issue, polarity: Polarity, weight: Double, start: PartialDate?) {
        guard a != b else { return }
        let pair: Int
        if focusPosition[a] >= 0, partnerPosition[b] >= 0 {
            pair = focusPosition[a] * partners.count + partnerPosition[b]
        } else if focusPosition[b] >= 0, partnerPosition[a] >= 0 {
            pair = focusPosition[b] * partners.count + partnerPosition[a]
        } else {
            return
        }
        let index = pair * Issue.count + issue.ordinal
        if cells[index] == nil { cells[index] = CellAccumulator() }
        // A weight that is not a number (which no store should hold) as the weakest, so that the order stays total.
        let strength = weight.isNaN ? 0 : reliability[kind.ordinal] * weight
        let candidate = StrongCandidate(id: id, strength: strength, start: start)
        cells[index]!.add(kind: kind, polarity: polarity, weight: weight, start: start, candidate: candidate, keep: policy.strongestKept)
    }

    /// Counts a piece of evidence held in memory under `id`.
    public mutating func add(_ evidence: Evidence, id: Int64) {
        guard let a = sideIndex[evidence.a], let b = sideIndex[evidence.b] else { return }
        add(id: id, kind: evidence.kind, a: a, b: b, issue: evidence.issue, polarity: evidence.polarity, weight: evidence.weight, start: evidence.period?.start)
    }

    /// Adds the counts of a builder of the same map that was filled with other evidence.
    public mutating func merge(_ other: RelationMapBuilder) {
        precondition(other.focus == focus && other.partners == partners, "only builders of the same map merge")
        for (index, cell) in other.cells.enumerated() {
            guard let cell else { continue }
            if cells[index] == nil { cells[index] = cell } else { cells[index]!.merge(cell, keep: policy.strongestKept) }
        }
    }

    /// The ids of every cell's strongest pieces, to fetch in full.
    public var strongestIDs: [Int64] { cells.flatMap { $0?.strongest.map(\.id) ?? [] } }

    /// The map, with each cell's strongest evidence looked up by id; ids the lookup misses are left out.
    public func map(evidence: (Int64) -> Evidence?) -> RelationMap {
        var result: [RelationCell] = []
        let issues = Issue.allCases
        for (index, accumulator) in cells.enumerated() {
            guard let accumulator else { continue }
            let pair = index / issues.count
            result.append(accumulator.cell(
                focus: focus[pair / partners.count], partner: partners[pair % partners.count], issue: issues[index % issues.count],
                policy: policy, evidence: evidence
            ))
        }
        // Partner first, then focus side, then issue: the order of the report's rows.
        let focusOrder = Dictionary(focus.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let partnerOrder = Dictionary(partners.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        result.sort { (partnerOrder[$0.partner]!, focusOrder[$0.focus]!, $0.issue) < (partnerOrder[$1.partner]!, focusOrder[$1.focus]!, $1.issue) }
        return RelationMap(focus: focus, partners: partners, cells: result)
    }
}

/// A piece of evidence competing for a place among a cell's strongest.
private struct StrongCandidate: Sendable {
    var id: Int64
    var strength: Double
    var start: PartialDate?

    /// Stronger first; then the more recent, dated before undated, and of two dates that begin on the same day the
    /// more detailed ("2019-01" before "2019"); then the earlier imported. Any two pieces are ordered, so the ones a
    /// cell keeps do not depend on the order its rows arrive in.
    func precedes(_ other: StrongCandidate) -> Bool {
        if strength != other.strength { return strength > other.strength }
        switch (start, other.start) {
        case let (x?, y?) where x != y: return (x.year, x.month ?? 0, x.day ?? 0) > (y.year, y.month ?? 0, y.day ?? 0)
        case (.some, nil): return true
        case (nil, .some): return false
        default: return id < other.id
        }
    }
}

/// The event weights of one month of a cell.
private struct MonthSums: Sendable {
    var cooperation = ExactSum()
    var conflict = ExactSum()
}

/// The running totals of one cell.
private struct CellAccumulator: Sendable {
    var counts = KindCounts()
    /// Per source kind, in `SourceKind.allCases` order.
    var totals = [KindTotal](repeating: KindTotal(), count: SourceKind.allCases.count)
    var years = DenseSeries<PolarityCounts>()
    /// Event weights by month number (year × 12 + month).
    var months = DenseSeries<MonthSums>()
    /// The strongest pieces so far, strongest first.
    var strongest: [StrongCandidate] = []

    mutating func add(kind: SourceKind, polarity: Polarity, weight: Double, start: PartialDate?, candidate: StrongCandidate, keep: Int) {
        counts[kind][polarity] += 1
        totals[kind.ordinal].add(polarity, weight: weight)
        if let start {
            years.update(start.year, default: PolarityCounts()) { $0[polarity] += 1 }
            if kind == .event, let month = start.month {
                months.update(start.year * 12 + month, default: MonthSums()) { sums in
                    if polarity == .cooperation { sums.cooperation.add(weight) }
                    if polarity == .conflict { sums.conflict.add(weight) }
                }
            }
        }
        offer(candidate, keep: keep)
    }

    mutating func merge(_ other: CellAccumulator, keep: Int) {
        for kind in SourceKind.allCases {
            for polarity in Polarity.allCases { counts[kind][polarity] += other.counts[kind][polarity] }
            totals[kind.ordinal].merge(other.totals[kind.ordinal])
        }
        for (year, counts) in other.years.entries {
            years.update(year, default: PolarityCounts()) { sum in
                for polarity in Polarity.allCases { sum[polarity] += counts[polarity] }
            }
        }
        for (key, month) in other.months.entries {
            months.update(key, default: MonthSums()) { sums in
                sums.cooperation.add(month.cooperation)
                sums.conflict.add(month.conflict)
            }
        }
        for candidate in other.strongest { offer(candidate, keep: keep) }
    }

    /// Keeps a small sorted buffer instead of sorting every piece of a large cell.
    private mutating func offer(_ candidate: StrongCandidate, keep: Int) {
        if strongest.count == keep, let last = strongest.last, !candidate.precedes(last) { return }
        let position = strongest.firstIndex { candidate.precedes($0) } ?? strongest.endIndex
        strongest.insert(candidate, at: position)
        if strongest.count > keep { strongest.removeLast() }
    }

    func cell(focus: String, partner: String, issue: Issue, policy: ScoringPolicy, evidence: (Int64) -> Evidence?) -> RelationCell {
        let present = SourceKind.allCases.filter { totals[$0.ordinal].rows > 0 }
        let (score, confidence) = policy.assess(totals)
        return RelationCell(
            focus: focus, partner: partner, issue: issue, counts: counts, score: score, confidence: confidence,
            basis: EvidenceBasis(kinds: Set(present)),
            timeline: years.entries.map { TimelinePoint(year: $0.key, counts: $0.value) },
            eventMonths: months.entries.map { key, sums in
                // Month numbers are year × 12 + month, months 1 to 12.
                MonthPoint(year: (key - 1) / 12, month: (key - 1) % 12 + 1, cooperation: sums.cooperation.value, conflict: sums.conflict.value)
            },
            strongest: strongest.compactMap { evidence($0.id) }
        )
    }
}
