/// Which evidence to read from a store. Empty fields do not filter.
public struct EvidenceQuery: Sendable, Hashable {
    /// Only evidence between these two sides, in either order.
    public var dyad: Dyad?
    public var issue: Issue?
    /// Only evidence whose both sides are among these codes.
    public var sides: Set<String>?

    public init(dyad: Dyad? = nil, issue: Issue? = nil, sides: Set<String>? = nil) {
        self.dyad = dyad
        self.issue = issue
        self.sides = sides
    }
}

/// A source as the store knows it: what was imported, when, and how many rows it gave.
public struct StoredSource: Sendable, Hashable, Codable {
    public var source: EvidenceSource
    public var rowCount: Int

    public init(source: EvidenceSource, rowCount: Int) {
        self.source = source
        self.rowCount = rowCount
    }
}

/// Where evidence is kept: SQLite by default, PostgreSQL for a shared server.
///
/// Every source is imported as a unit: its rows replace the ones it gave
/// before, in one transaction, so that a re-import never duplicates and a
/// failed import leaves the store as it was.
public protocol EvidenceStore: Sendable {
    /// Replaces every row of `source` with `evidence`, atomically.
    func replace(_ source: EvidenceSource, with evidence: [Evidence]) async throws
    /// Removes a source and all its rows; removing an unknown source does nothing.
    func remove(sourceID: String) async throws
    /// The imported sources, ordered by id.
    func sources() async throws -> [StoredSource]
    /// The evidence matching `query`, in the order it was imported.
    func evidence(_ query: EvidenceQuery) async throws -> [Evidence]
}
