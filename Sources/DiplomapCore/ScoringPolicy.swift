import Foundation

/// How the relation map weighs evidence of different kinds into a score and a confidence.
///
/// The kinds do not mean the same: a curated fact of a treaty is a checked
/// claim with a citation; a sentence found by the document mapper is a
/// machine reading of someone's claim; an event aggregate is a month of
/// machine-coded news; a year of UN votes is systematic behaviour but says
/// little about bilateral ties. So each kind is first scored on its own
/// (Σ weight·sign / Σ weight within the kind, where weight is the event
/// count or the number of common votes), and the kinds are then averaged
/// with a strength that grows with the number of independent rows of the
/// kind but saturates (n / (n + 1)), times the kind's reliability. A
/// thousand news events therefore cannot outvote a treaty, and a cell's score
/// is not a count of news volume.
///
/// UN votes are one stream per pair and period, whatever its number of
/// sessions: the vote kind's score is the balance of aligned over divergent
/// sessions (weighted by common votes) and it counts as one row in the
/// strength and in the confidence, so that 28 years of votes weigh as much
/// as one cited fact times the vote reliability, never as 28 pieces.
///
/// The confidence is one minus the width of the 95 % Wilson interval of the
/// share of cooperation, taken over the effective number of independent
/// rows (Σ reliability × rows), which rises by half for each further kind
/// that corroborates the first: independent sources of different kinds
/// are worth more than more of the same.
public struct ScoringPolicy: Sendable, Hashable {
    /// How much one row of each kind is trusted, in [0, 1].
    public var reliability: [SourceKind: Double]
    /// How many pieces of evidence a cell keeps to show, strongest first.
    public var strongestKept: Int

    public init(reliability: [SourceKind: Double] = [.fact: 1.0, .vote: 0.8, .document: 0.6, .event: 0.4], strongestKept: Int = 12) {
        self.reliability = reliability
        self.strongestKept = strongestKept
    }

    /// The default policy, as documented above.
    public static let standard = ScoringPolicy()

    /// Kinds whose rows within a cell are one stream (a pair's vote sessions), counted once per period.
    public static let streams: Set<SourceKind> = [.vote]

    /// Machine-coded kinds: a cell resting on one of these alone is a coded claim, not a corroborated fact.
    public static let machineCoded: Set<SourceKind> = [.event, .document]

    /// The score and confidence of one cell from its per-kind totals, by `SourceKind.ordinal`.
    ///
    /// The kinds are summed in one fixed order: floating-point sums depend on their order, and a map must come out
    /// the same to the last bit from every process (two servers behind one balancer, a report made again).
    func assess(_ totals: [KindTotal]) -> (score: Double, confidence: Double) {
        var strength = 0.0, weightedScore = 0.0, effective = 0.0, cooperative = 0.0, decided = 0.0
        for kind in SourceKind.allCases {
            let total = totals[kind.ordinal]
            guard total.rows > 0 else { continue }
            let trust = reliability[kind] ?? 0.5
            let kindScore = total.weight > 0 ? total.signed / total.weight : 0
            // One stream of votes per period: its sessions are shares of one row, not rows of their own.
            let rows = Self.streams.contains(kind) ? 1 : Double(total.rows)
            let share = rows / Double(total.rows)
            let kindStrength = trust * rows / (rows + 1)
            strength += kindStrength
            weightedScore += kindStrength * kindScore
            effective += trust * rows
            decided += trust * Double(total.cooperationRows + total.conflictRows) * share
            cooperative += trust * Double(total.cooperationRows) * share
        }
        let kinds = totals.filter { $0.rows > 0 }.count
        let score = strength > 0 ? weightedScore / strength : 0
        effective *= 1 + 0.5 * Double(max(0, kinds - 1))
        let share = decided > 0 ? cooperative / decided : 0.5
        return (score, 1 - Self.wilsonWidth(share: share, count: effective))
    }

    /// Width of the 95 % Wilson score interval for a share observed over `count` trials.
    static func wilsonWidth(share: Double, count: Double) -> Double {
        guard count > 0 else { return 1 }
        let z = 1.959964, z2 = z * z
        let half = z / (1 + z2 / count) * (share * (1 - share) / count + z2 / (4 * count * count)).squareRoot()
        return min(1, 2 * half)
    }
}

/// Running totals of one source kind within a cell, the same whatever the order of its rows.
struct KindTotal: Sendable {
    var rows = 0
    private var weightSum = ExactSum()
    private var signedSum = ExactSum()
    var cooperationRows = 0
    var conflictRows = 0

    /// Σ weight.
    var weight: Double { weightSum.value }
    /// Σ weight·sign.
    var signed: Double { signedSum.value }

    mutating func add(_ polarity: Polarity, weight: Double) {
        rows += 1
        weightSum.add(weight)
        signedSum.add(weight, times: Int(polarity.sign))
        if polarity == .cooperation { cooperationRows += 1 }
        if polarity == .conflict { conflictRows += 1 }
    }

    mutating func merge(_ other: KindTotal) {
        rows += other.rows
        weightSum.add(other.weightSum)
        signedSum.add(other.signedSum)
        cooperationRows += other.cooperationRows
        conflictRows += other.conflictRows
    }
}
