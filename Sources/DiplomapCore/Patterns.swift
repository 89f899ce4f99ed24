import Foundation

/// Region-wide or country-specific: the second question of the seed papers, answered from a relation map.
///
/// For each partner and issue, a relation is *region-wide* when the focus
/// group as a whole has evidence with the partner (a C5+Japan summit) or more
/// than half of its states do; *country-specific* when one state or a few (up
/// to half) do; *absent* otherwise. Scores enter the variance decomposition
/// and the similarity of profiles as a dense array (states × partners ×
/// issues) with 0 where there is no evidence, so that "no relation" counts as
/// a value, as it does for an analyst.
public struct Patterns: Sendable, Codable {
    /// How far a relation reaches across the focus group.
    public enum Reach: String, Sendable, Codable {
        case regionWide = "region-wide"
        case specific = "country-specific"
        case absent
    }

    /// The direction of a relation, from its scores.
    public enum Direction: String, Sendable, Codable {
        case cooperation, conflict, mixed

        init(score: Double) {
            self = score > 0.2 ? .cooperation : score < -0.2 ? .conflict : .mixed
        }
    }

    /// One partner × issue of the map, classified.
    public struct IssuePattern: Sendable, Codable, Hashable {
        public var partner: String
        public var issue: Issue
        public var reach: Reach
        public var direction: Direction
        /// Whether the focus group as a whole has evidence with the partner on this issue.
        public var groupLevel: Bool
        /// The focus states with evidence of their own, in focus order.
        public var states: [String]
        /// The state whose score is farthest from the others', when that gap is large (≥ 1).
        public var standout: String?
    }

    /// Shares of the variance of the score array explained by each factor; they sum to 1.
    public struct Decomposition: Sendable, Codable, Hashable {
        public var partner: Double
        public var focus: Double
        public var issue: Double
        /// What the main effects leave: interactions, such as one state's dispute with one partner.
        public var interaction: Double
        /// The total sum of squares around the grand mean.
        public var totalSumOfSquares: Double
    }

    /// How alike two focus states relate to the partners: the cosine of their score profiles.
    public struct Similarity: Sendable, Codable, Hashable {
        public var a: String
        public var b: String
        public var cosine: Double
    }

    /// The focus group's code, if the focus is a group.
    public var group: String?
    public var states: [String]
    public var partners: [String]
    /// Every partner × issue with evidence, region-wide first.
    public var patterns: [IssuePattern]
    public var decomposition: Decomposition
    /// Every pair of focus states, most alike first.
    public var similarities: [Similarity]

    /// Classifies the map; `group` is the focus group's code and `states` its members (or the focus states).
    public init(map: RelationMap, group: String?, states: [String]) {
        self.group = group
        self.states = states
        self.partners = map.partners
        var scores: [String: [String: [Issue: Double]]] = [:]
        for cell in map.cells { scores[cell.focus, default: [:]][cell.partner, default: [:]][cell.issue] = cell.score }

        var patterns: [IssuePattern] = []
        for partner in map.partners {
            for issue in Issue.allCases {
                let groupScore = group.flatMap { scores[$0]?[partner]?[issue] }
                let having = states.filter { scores[$0]?[partner]?[issue] != nil }
                guard groupScore != nil || !having.isEmpty else { continue }
                let values = having.compactMap { scores[$0]?[partner]?[issue] } + (groupScore.map { [$0] } ?? [])
                let reach: Reach = groupScore != nil || Double(having.count) > Double(states.count) / 2 ? .regionWide : .specific
                patterns.append(IssuePattern(
                    partner: partner, issue: issue, reach: reach, direction: Direction(score: values.reduce(0, +) / Double(values.count)),
                    groupLevel: groupScore != nil, states: having,
                    standout: Self.standout(states.map { scores[$0]?[partner]?[issue] ?? 0 }, states: states)
                ))
            }
        }
        self.patterns = patterns.sorted { ($0.reach == .regionWide ? 0 : 1) < ($1.reach == .regionWide ? 0 : 1) }
        let cube = states.map { state in map.partners.map { partner in Issue.allCases.map { scores[state]?[partner]?[$0] ?? 0 } } }
        decomposition = Self.decompose(cube)
        similarities = Self.similarities(cube, states: states)
    }

    /// The reach of one partner × issue; `absent` when no focus side has evidence.
    public func reach(partner: String, issue: Issue) -> Reach {
        patterns.first { $0.partner == partner && $0.issue == issue }?.reach ?? .absent
    }

    /// The state farthest from the mean of the others, if it is at least 1 away.
    private static func standout(_ values: [Double], states: [String]) -> String? {
        guard values.count > 2 else { return nil }
        let total = values.reduce(0, +)
        let gaps = values.enumerated().map { index, value in abs(value - (total - value) / Double(values.count - 1)) }
        guard let best = gaps.indices.max(by: { gaps[$0] < gaps[$1] }), gaps[best] >= 1 else { return nil }
        return states[best]
    }

    /// Main-effect sums of squares of a states × partners × issues array, as shares of the total.
    static func decompose(_ cube: [[[Double]]]) -> Decomposition {
        let f = cube.count, p = cube.first?.count ?? 0, i = cube.first?.first?.count ?? 0
        guard f > 0, p > 0, i > 0 else { return Decomposition(partner: 0, focus: 0, issue: 0, interaction: 0, totalSumOfSquares: 0) }
        let n = Double(f * p * i)
        let grand = cube.joined().joined().reduce(0, +) / n
        var total = 0.0
        var focusMeans = [Double](repeating: 0, count: f), partnerMeans = [Double](repeating: 0, count: p), issueMeans = [Double](repeating: 0, count: i)
        for a in 0..<f {
            for b in 0..<p {
                for c in 0..<i {
                    let value = cube[a][b][c]
                    total += (value - grand) * (value - grand)
                    focusMeans[a] += value / Double(p * i)
                    partnerMeans[b] += value / Double(f * i)
                    issueMeans[c] += value / Double(f * p)
                }
            }
        }
        func sumOfSquares(_ means: [Double], _ replicates: Int) -> Double {
            Double(replicates) * means.reduce(0) { $0 + ($1 - grand) * ($1 - grand) }
        }
        let focusSS = sumOfSquares(focusMeans, p * i), partnerSS = sumOfSquares(partnerMeans, f * i), issueSS = sumOfSquares(issueMeans, f * p)
        guard total > 0 else { return Decomposition(partner: 0, focus: 0, issue: 0, interaction: 0, totalSumOfSquares: 0) }
        return Decomposition(
            partner: partnerSS / total, focus: focusSS / total, issue: issueSS / total,
            interaction: max(0, total - focusSS - partnerSS - issueSS) / total, totalSumOfSquares: total
        )
    }

    /// Cosine similarity of every pair of state profiles, most alike first.
    static func similarities(_ cube: [[[Double]]], states: [String]) -> [Similarity] {
        let profiles = cube.map { Array($0.joined()) }
        var result: [Similarity] = []
        for x in profiles.indices {
            for y in profiles.indices where y > x {
                let dot = zip(profiles[x], profiles[y]).reduce(0) { $0 + $1.0 * $1.1 }
                let norms = (profiles[x].reduce(0) { $0 + $1 * $1 } * profiles[y].reduce(0) { $0 + $1 * $1 }).squareRoot()
                result.append(Similarity(a: states[x], b: states[y], cosine: norms > 0 ? dot / norms : 0))
            }
        }
        return result.sorted { ($0.cosine, $1.a, $1.b) > ($1.cosine, $0.a, $0.b) }
    }
}
