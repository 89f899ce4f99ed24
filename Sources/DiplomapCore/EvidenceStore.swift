/// Which evidence to read from a store. Empty fields do not filter.
public struct EvidenceQuery: Sendable, Hashable {
    /// Only evidence between these two sides, in either order.
    public var dyad: Dyad?
    /// Only evidence on these issues.
    public var issues: Set<Issue>?
    /// Only evidence whose both sides are among these codes.
    public var sides: Set<String>?
    /// Only evidence from these kinds of source.
    public var kinds: Set<SourceKind>?
    /// Only evidence dated within this window (undated evidence only when it is unbounded).
    public var window: TimeWindow

    public init(dyad: Dyad? = nil, issues: Set<Issue>? = nil, sides: Set<String>? = nil, kinds: Set<SourceKind>? = nil, window: TimeWindow = TimeWindow()) {
        self.dyad = dyad
        self.issues = issues
        self.sides = sides
        self.kinds = kinds
        self.window = window
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
    /// Counts every piece of evidence matching `query` into `builder`, without reading citations: what the map aggregates.
    func aggregate(_ query: EvidenceQuery, into builder: RelationMapBuilder) async throws -> RelationMapBuilder
    /// The evidence kept under these ids (from a builder's `strongestIDs`); ids the store does not hold are left out.
    func evidence(ids: [Int64]) async throws -> [Int64: Evidence]
}
