/// How one cell of the map moved between two dates: its score then and now, and the evidence behind the move.
public struct CellChange: Sendable, Hashable, Codable {
    public var focus: String
    public var partner: String
    public var issue: Issue
    /// The score on the first date; 0 when the cell had no evidence.
    public let before: Double
    /// The score on the second date; 0 when the cell has no evidence.
    public let after: Double
    /// How far the score moved, signed: positive towards cooperation.
    public let delta: Double
    /// Whether the cell went from cooperation to conflict or back (the score changed sign).
    public let turned: Bool
    /// Evidence counted on the second date but not the first: it entered the window.
    public var entered: [Evidence]
    /// Evidence counted on the first date but not the second: it left the window.
    public var left: [Evidence]

    public init(focus: String, partner: String, issue: Issue, before: Double, after: Double, entered: [Evidence] = [], left: [Evidence] = []) {
        self.focus = focus
        self.partner = partner
        self.issue = issue
        self.before = before
        self.after = after
        delta = after - before
        turned = before * after < 0
        self.entered = entered
        self.left = left
    }

    /// The cells of two maps of the same sides that moved by at least `minDelta` or turned, largest move first, without
    /// their evidence (which the store gives, see `Workspace.changes`).
    public static func between(_ first: RelationMap, _ second: RelationMap, minDelta: Double) -> [CellChange] {
        struct Key: Hashable { var focus: String, partner: String, issue: Issue }
        var scores: [Key: (before: Double, after: Double)] = [:]
        for cell in first.cells { scores[Key(focus: cell.focus, partner: cell.partner, issue: cell.issue), default: (0, 0)].before = cell.score }
        for cell in second.cells { scores[Key(focus: cell.focus, partner: cell.partner, issue: cell.issue), default: (0, 0)].after = cell.score }
        return scores.map { CellChange(focus: $0.focus, partner: $0.partner, issue: $0.issue, before: $1.before, after: $1.after) }
            .filter { abs($0.delta) >= minDelta - 1e-9 || $0.turned }
            .sorted {
                abs($0.delta) != abs($1.delta) ? abs($0.delta) > abs($1.delta)
                    : ($0.partner, $0.focus, $0.issue.code) < ($1.partner, $1.focus, $1.issue.code)
            }
    }
}
