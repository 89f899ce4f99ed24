import Foundation

/// Region-wide or country-specific: the second question of the seed papers, answered from a relation map.
///
/// For each partner and issue, the focus states' cells are read for their
/// direction (cooperation or conflict beyond the neutral band of
/// `directionBand`; a cell resting on UN votes alone measures voting
/// alignment and takes no part). A relation is *region-wide* when more than
/// half of the states agree in direction, or the focus group as a whole has
/// evidence (a C5+Japan summit) that no state contradicts; *country-specific*
/// when fewer states, none against, share it (they are named); *mixed* when
/// states pull in opposite directions with no majority, or no cell takes a
/// side; *absent* when there is no such evidence. Scores enter the variance
/// decomposition and the similarity of profiles as a dense array (states ×
/// partners × issues) with 0 where there is no evidence, so that "no
/// relation" counts as a value, as it does for an analyst.
public struct Patterns: Sendable, Codable {
    /// The pattern class of a partner × issue.
    public enum Reach: String, Sendable, Codable, CaseIterable {
        case regionWide = "region-wide"
        case specific = "country-specific"
        case mixed
        case absent
    }

    /// The direction of a relation, from its scores.
    public enum Direction: String, Sendable, Codable {
        case cooperation, conflict, mixed

        init(score: Double) {
            self = score >= Patterns.directionBand ? .cooperation : score <= -Patterns.directionBand ? .conflict : .mixed
        }
    }

    /// Scores closer to zero than this take no side (the heatmap's neutral band).
    public static let directionBand = 0.15

    /// One partner × issue of the map, classified.
    public struct IssuePattern: Sendable, Codable, Hashable {
        public var partner: String
        public var issue: Issue
        public var reach: Reach
        public var direction: Direction
        /// Whether the focus group as a whole has evidence with the partner on this issue (UN votes aside).
        public var groupLevel: Bool
        /// The focus states with evidence of their own (UN votes aside), in focus order.
        public var states: [String]
        /// The states whose cells agree with `direction`, in focus order.
        public var agreeing: [String]
        /// The states whose cells go against `direction`, in focus order.
        public var opposing: [String]
        /// The focus sides whose cell rests on UN votes alone: voting alignment, left out of the class.
        public var votesOnly: [String]
        /// The state whose score is farthest from the others', when that gap is large (≥ 1).
        public var standout: String?
        /// Whether every cell that agrees in `direction` (the group's included) rests on one piece or on undated evidence only.
        public var thin: Bool
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
    /// Every partner × issue with evidence, by partner then issue.
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
        var readable: [String: [String: [Issue: Double]]] = [:]
        var votesOnly: [String: [String: Set<Issue>]] = [:]
        var thin: [String: [String: Set<Issue>]] = [:]
        for cell in map.cells {
            if cell.isThin { thin[cell.focus, default: [:]][cell.partner, default: Set<Issue>()].insert(cell.issue) }
            scores[cell.focus, default: [:]][cell.partner, default: [:]][cell.issue] = cell.score
            if cell.basis == .votes {
                votesOnly[cell.focus, default: [:]][cell.partner, default: Set<Issue>()].insert(cell.issue)
            } else {
                readable[cell.focus, default: [:]][cell.partner, default: [:]][cell.issue] = cell.score
            }
        }

        var patterns: [IssuePattern] = []
        for partner in map.partners {
            for issue in Issue.allCases {
                let groupScore = group.flatMap { readable[$0]?[partner]?[issue] }
                let having = states.filter { readable[$0]?[partner]?[issue] != nil }
                let voting = ((group.map { [$0] } ?? []) + states).filter { votesOnly[$0]?[partner]?.contains(issue) == true }
                guard groupScore != nil || !having.isEmpty || !voting.isEmpty else { continue }
                let directions = having.map { Direction(score: readable[$0]![partner]![issue]!) }
                let up = zip(having, directions).filter { $0.1 == .cooperation }.map(\.0)
                let down = zip(having, directions).filter { $0.1 == .conflict }.map(\.0)
                let groupDirection = groupScore.map(Direction.init(score:))
                var direction: Direction = .mixed, reach: Reach
                if groupScore == nil && having.isEmpty {
                    reach = .absent
                } else if Double(up.count) > Double(states.count) / 2 {
                    (direction, reach) = (.cooperation, .regionWide)
                } else if Double(down.count) > Double(states.count) / 2 {
                    (direction, reach) = (.conflict, .regionWide)
                } else if let groupDirection, groupDirection != .mixed, (groupDirection == .cooperation ? down : up).isEmpty {
                    (direction, reach) = (groupDirection, .regionWide)
                } else if !up.isEmpty && down.isEmpty && groupDirection != .conflict {
                    (direction, reach) = (.cooperation, .specific)
                } else if !down.isEmpty && up.isEmpty && groupDirection != .cooperation {
                    (direction, reach) = (.conflict, .specific)
                } else {
                    reach = .mixed
                }
                let agreeing = direction == .cooperation ? up : direction == .conflict ? down : []
                let supporting = agreeing + (groupDirection == direction && direction != .mixed ? [group!] : [])
                patterns.append(IssuePattern(
                    partner: partner, issue: issue, reach: reach, direction: direction,
                    groupLevel: groupScore != nil, states: having,
                    agreeing: agreeing,
                    opposing: direction == .cooperation ? down : direction == .conflict ? up : [],
                    votesOnly: voting,
                    standout: Self.standout(states.map { readable[$0]?[partner]?[issue] ?? 0 }, states: states),
                    thin: !supporting.isEmpty && supporting.allSatisfy { thin[$0]?[partner]?.contains(issue) == true }
                ))
            }
        }
        self.patterns = patterns
        let cube = states.map { state in map.partners.map { partner in Issue.allCases.map { scores[state]?[partner]?[$0] ?? 0 } } }
        decomposition = Self.decompose(cube)
        similarities = Self.similarities(cube, states: states)
    }

    /// The class of one partner × issue; `absent` when no focus side has evidence.
    public func reach(partner: String, issue: Issue) -> Reach {
        pattern(partner: partner, issue: issue)?.reach ?? .absent
    }

    /// The pattern of one partner × issue, if any focus side has evidence.
    public func pattern(partner: String, issue: Issue) -> IssuePattern? {
        patterns.first { $0.partner == partner && $0.issue == issue }
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
