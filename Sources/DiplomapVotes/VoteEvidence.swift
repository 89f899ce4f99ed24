import DiplomapCore

/// Turns the agreement of chosen dyads, session by session, into evidence for the relation map.
///
/// Each dyad and session gives up to three rows: all roll calls on
/// `political.multilateral`; nuclear weapons (nu) and arms control (di) roll
/// calls on `security.nonproliferation`; economic development (ec) roll calls
/// on `economy.development`.
///
/// Polarity rule: the pair's agreement A is compared with its expected
/// agreement E, the mean of each side's average agreement with all other
/// states voting that session (on the same roll calls). A − E above
/// `neutralBand` is cooperation, below −`neutralBand` conflict, else neutral:
/// two states that both vote with the large majority agree often without
/// being aligned with each other in particular. The weight is the number of
/// common votes divided by `votesPerWeight`, so that a full session counts
/// about as much as one cited fact.
public struct VoteEvidenceBuilder: Sendable {
    /// The store's id of the vote source.
    public static let sourceID = "votes/unvotes"

    /// Which roll calls are evidence on which issue of the taxonomy.
    public static let issueMapping: [(issue: Issue, roll: UNIssueSet)] = [
        (.multilateral, .all),
        (.nonproliferation, UNIssueSet([.nu, .di])),
        (.development, UNIssueSet([.ec])),
    ]

    /// The half-width of the band around the expected agreement that counts as neutral.
    public var neutralBand = 0.05
    /// Common votes per unit of weight.
    public var votesPerWeight = 100.0

    public init() {}

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
                for point in data.agreementSeries(a, b, issues: roll) {
                    guard let agreement = point.counts.agreement else { continue }
                    let means = baseline(point.session, roll)
                    let expected = ((means[i] ?? agreement) + (means[j] ?? agreement)) / 2
                    let difference = agreement - expected
                    let polarity: Polarity = difference > neutralBand ? .cooperation : difference < -neutralBand ? .conflict : .neutral
                    let rcids = data.commonRollCalls(i, j, session: point.session, issues: roll)
                    evidence.append(Evidence(
                        kind: .vote, a: a, b: b, issue: issue, polarity: polarity,
                        weight: Double(point.counts.commonVotes) / votesPerWeight,
                        period: PartialDate(year: point.year).flatMap { Period(start: $0) },
                        citation: citation(a, b, point, roll: roll, agreement: agreement, expected: expected, rcids: rcids.sorted())
                    ))
                }
            }
        }
        return evidence
    }

    private func citation(_ a: String, _ b: String, _ point: SessionAgreement, roll: UNIssueSet, agreement: Double, expected: Double, rcids: [Int]) -> Citation {
        let subject = roll == .all ? "roll calls" : "roll calls on \(roll.description)"
        return Citation(
            title: "UN General Assembly roll-call votes, session \(point.session) (\(point.year))",
            publisher: "Erik Voeten, United Nations General Assembly Voting Data, Harvard Dataverse",
            address: "https://doi.org/10.7910/DVN/LEJUQZ",
            locator: "\(rcids.count) \(subject): rcid \(Self.ranges(rcids))",
            summary: "In session \(point.session) (\(point.year)) \(a) and \(b) agreed on \(format(agreement)) of their \(point.counts.commonVotes) common \(subject) "
                + "(same vote 1, one abstention 0.5); expected from each side's agreement with all states: \(format(expected))."
        )
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
