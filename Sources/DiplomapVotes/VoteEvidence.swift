import DiplomapCore

/// Turns the agreement of chosen dyads, session by session, into evidence of voting alignment for the relation map.
///
/// UN votes measure alignment, not cooperation: each dyad and session gives
/// up to two rows, all roll calls on `political.multilateral` and nuclear
/// weapons (nu) and arms control (di) roll calls on
/// `security.nonproliferation`. Economic development (ec) roll calls are
/// not evidence of development cooperation (aid, projects), so they have no
/// issue of their own; they count among all roll calls.
///
/// Polarity rule: the pair's agreement A is compared with a baseline E, the
/// mean of each side's average agreement with all other states voting that
/// session (on the same roll calls): two states that both vote with the large
/// majority agree often without being aligned with each other in particular.
/// The baseline carries an uncertainty, the larger of `neutralBand` and two
/// standard errors of A over the n common votes (2·√(A(1−A)/n)). Only beyond
/// it is a session "aligned" (A − E above the band, stored as cooperation)
/// or "divergent" (below, stored as conflict); within it the session is
/// neutral. The relation map counts a pair's sessions as one stream per
/// period (see `ScoringPolicy`), never as a count of years. The weight is
/// the number of common votes divided by `votesPerWeight`.
public struct VoteEvidenceBuilder: Sendable {
    /// The store's id of the vote source.
    public static let sourceID = "votes/unvotes"

    /// Which roll calls are evidence on which issue of the taxonomy; ec (economic) roll calls have no issue of their own.
    public static let issueMapping: [(issue: Issue, roll: UNIssueSet)] = [
        (.multilateral, .all),
        (.nonproliferation, UNIssueSet([.nu, .di])),
    ]

    /// The smallest half-width of the band around the baseline within which a session is neither aligned nor divergent.
    public var neutralBand = 0.05
    /// Standard errors of the agreement that the band spans at least.
    public var standardErrors = 2.0
    /// Common votes per unit of weight.
    public var votesPerWeight = 100.0

    public init() {}

    /// The half-width of the baseline's band for an agreement over `votes` common votes.
    public func band(agreement: Double, votes: Int) -> Double {
        guard votes > 0 else { return 1 }
        return max(neutralBand, standardErrors * (agreement * (1 - agreement) / Double(votes)).squareRoot())
    }

    /// The word for a session: "aligned", "divergent" or "neither aligned nor divergent", against its baseline and band.
    public static func reading(_ polarity: Polarity) -> String {
        switch polarity {
        case .cooperation: "aligned"
        case .conflict: "divergent"
        case .neutral: "neither aligned nor divergent"
        }
    }

    /// Evidence for each dyad (ISO3 codes) in every session where both sides voted together.
    public func evidence(_ data: VoteData, dyads: [(String, String)]) -> [Evidence] {
        var baselines: [String: [Int: Double]] = [:]
        func baseline(_ session: Int, _ issues: UNIssueSet) -> [Int: Double] {
            let key = "\(session)/\(issues)"
            if let known = baselines[key] { return known }
            let computed = data.meanAgreement(session: session, issues: issues)
            baselines[key] = computed
            return computed
        }
        var evidence: [Evidence] = []
        for (a, b) in dyads {
            guard let i = data.index(of: a), let j = data.index(of: b), i != j else { continue }
            for (issue, roll) in Self.issueMapping {
                var previous: Double?
                for point in data.agreementSeries(a, b, issues: roll) {
                    guard let agreement = point.counts.agreement else { continue }
                    let means = baseline(point.session, roll)
                    let expected = ((means[i] ?? agreement) + (means[j] ?? agreement)) / 2
                    let difference = agreement - expected
                    let band = band(agreement: agreement, votes: point.counts.commonVotes)
                    let polarity: Polarity = difference > band ? .cooperation : difference < -band ? .conflict : .neutral
                    let rcids = data.commonRollCalls(i, j, session: point.session, issues: roll)
                    let reading = Reading(agreement: agreement, expected: expected, band: band, change: previous.map { agreement - $0 }, polarity: polarity)
                    evidence.append(Evidence(
                        kind: .vote, a: a, b: b, issue: issue, polarity: polarity,
                        weight: Double(point.counts.commonVotes) / votesPerWeight,
                        period: PartialDate(year: point.year).flatMap { Period(start: $0, end: $0) },
                        citation: citation(a, b, point, roll: roll, reading: reading, rcids: rcids.sorted())
                    ))
                    previous = agreement
                }
            }
        }
        return evidence
    }

    /// What one session says: the agreement, its baseline with its band, and the change from the pair's previous session.
    private struct Reading {
        var agreement: Double
        var expected: Double
        var band: Double
        var change: Double?
        var polarity: Polarity
    }

    private func citation(_ a: String, _ b: String, _ point: SessionAgreement, roll: UNIssueSet, reading: Reading, rcids: [Int]) -> Citation {
        let subject = roll == .all ? "roll calls" : "roll calls on \(roll.description)"
        let change = reading.change.map { "; change from the previous session \(signed($0))" } ?? ""
        return Citation(
            title: "UN General Assembly roll-call votes, session \(point.session) (\(point.year))",
            publisher: "Erik Voeten, United Nations General Assembly Voting Data, Harvard Dataverse",
            address: "https://doi.org/10.7910/DVN/LEJUQZ",
            locator: "\(rcids.count) \(subject): rcid \(Self.ranges(rcids))",
            summary: "In session \(point.session) (\(point.year)) \(a) and \(b) agreed on \(format(reading.agreement)) of their \(point.counts.commonVotes) common \(subject) "
                + "(same vote 1, one abstention 0.5)\(change); baseline from each side's agreement with all states: \(format(reading.expected)) ± \(format(reading.band)): "
                + "\(Self.reading(reading.polarity)) (voting alignment, not cooperation or conflict)."
        )
    }

    private func signed(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        return (rounded > 0 ? "+" : "") + String(rounded)
    }

    private func format(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        return String(rounded)
    }

    /// Roll-call ids with consecutive runs written as ranges: `3001–3004, 3010`.
    static func ranges(_ ids: [Int]) -> String {
        var parts: [String] = []
        var index = 0
        while index < ids.count {
            var end = index
            while end + 1 < ids.count, ids[end + 1] == ids[end] + 1 { end += 1 }
            parts.append(end > index ? "\(ids[index])–\(ids[end])" : "\(ids[index])")
            index = end + 1
        }
        return parts.joined(separator: ", ")
    }
}
