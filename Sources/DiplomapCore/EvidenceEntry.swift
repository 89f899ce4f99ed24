/// One piece of evidence as the map aggregates it: its id in the store and everything but its citation.
///
/// Reading a million citations costs far more than aggregating them, so the
/// map reads entries and fetches the full evidence only of the few pieces
/// each cell shows.
public struct EvidenceEntry: Sendable, Hashable {
    /// The store's id of the piece; ids grow in import order.
    public var id: Int64
    public var kind: SourceKind
    public var a: String
    public var b: String
    public var issue: Issue
    public var polarity: Polarity
    public var weight: Double
    public var period: Period?

    public init(id: Int64, kind: SourceKind, a: String, b: String, issue: Issue, polarity: Polarity, weight: Double, period: Period?) {
        self.id = id
        self.kind = kind
        self.a = a
        self.b = b
        self.issue = issue
        self.polarity = polarity
        self.weight = weight
        self.period = period
    }

    /// The entry of a piece of evidence held in memory under `id`.
    public init(_ evidence: Evidence, id: Int64) {
        self.init(
            id: id, kind: evidence.kind, a: evidence.a, b: evidence.b, issue: evidence.issue, polarity: evidence.polarity,
            weight: evidence.weight, period: evidence.period
        )
    }
}
