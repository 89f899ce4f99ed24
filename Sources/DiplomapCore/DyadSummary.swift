/// A dyad of the map over all issues: what a line on the map or an edge of the network shows.
public struct DyadSummary: Sendable, Hashable, Codable {
    public var focus: String
    public var partner: String
    /// The cells' scores averaged with their confidences as weights, in [-1, 1].
    public var score: Double
    /// Pieces of evidence over all issues.
    public var evidence: Int
    /// Issues with evidence.
    public var issues: Int
}

extension RelationMap {
    /// One summary per dyad with evidence, in the order of the cells.
    public var dyads: [DyadSummary] {
        var order: [String] = []
        var byDyad: [String: [RelationCell]] = [:]
        for cell in cells {
            let key = cell.focus + "|" + cell.partner
            if byDyad[key] == nil { order.append(key) }
            byDyad[key, default: []].append(cell)
        }
        return order.map { key in
            let cells = byDyad[key]!
            let weight = cells.reduce(0) { $0 + $1.confidence }
            let score = weight > 0 ? cells.reduce(0) { $0 + $1.confidence * $1.score } / weight : 0
            return DyadSummary(focus: cells[0].focus, partner: cells[0].partner, score: score,
                               evidence: cells.reduce(0) { $0 + $1.counts.byPolarity.total }, issues: cells.count)
        }
    }
}
