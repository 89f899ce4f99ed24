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
    /// The ledger's record of the import the rows came from, when the reader asked for it.
    public var lastImport: ImportRecord?

    public init(source: EvidenceSource, rowCount: Int, lastImport: ImportRecord? = nil) {
        self.source = source
        self.rowCount = rowCount
        self.lastImport = lastImport
    }
}

/// Where evidence is kept: SQLite by default, PostgreSQL for a shared server.
///
/// Every source is imported as a unit: its rows replace the ones it gave
/// before, in one transaction, so that a re-import never duplicates and a
/// failed import leaves the store as it was.
public protocol EvidenceStore: Sendable {
    /// Replaces every row of `source` with `evidence` and records the import in the ledger, in one transaction; returns
    /// the ledger's id of the import. Evidence a map would miscount (`Evidence.checkWeights`) is refused whole.
    @discardableResult
    func replace(_ source: EvidenceSource, with evidence: [Evidence], recording record: ImportRecord) async throws -> Int64
    /// Records an import that stored nothing (one refused for a damaged file), leaving the evidence as it was; returns its id.
    @discardableResult
    func record(_ record: ImportRecord) async throws -> Int64
    /// The imports the ledger holds, of one source or of all, oldest first.
    func imports(sourceID: String?) async throws -> [ImportRecord]
    /// Whether the rows `sourceID` holds now came from an import that read a file with this SHA-256 and found it whole:
    /// reading that file again for the same source would change nothing.
    func hasImported(sha256: String, sourceID: String) async throws -> Bool
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
    /// Up to `limit` pieces of evidence matching `query` with ids after `cursor`, in id order, each with its id: one page of a listing.
    ///
    /// The last id of a page is the cursor of the next; ids only grow, so a page never repeats a row of an earlier one.
    func evidence(_ query: EvidenceQuery, after cursor: Int64?, limit: Int) async throws -> [(id: Int64, evidence: Evidence)]
    /// Every row of one source, in the order it was imported: what a copy to another store moves.
    func evidence(sourceID: String) async throws -> [Evidence]
    /// The schema version the store is at, and the migrations this process applied to reach it.
    var schema: StoreSchema { get }
    /// A number that changes whenever any process writes to the store: caches built before a change are stale.
    func changeCounter() async throws -> Int64
    /// Lets go of the store's connections; the store is not used afterwards.
    func close() async
}

extension EvidenceStore {
    public func close() async {}

    /// Replaces every row of `source` with `evidence`, recorded in the ledger as rows that came from no file read here.
    public func replace(_ source: EvidenceSource, with evidence: [Evidence]) async throws {
        try await replace(source, with: evidence, recording: .stored(source, evidenceRows: evidence.count))
    }
}

/// Where a store's schema stands: its version, and the migrations that opening it applied.
public struct StoreSchema: Sendable, Hashable {
    /// The number of migrations the store has had, the newest last.
    public var version: Int
    /// The names of the migrations applied when this process opened it; empty when it was up to date.
    public var appliedNow: [String]

    public init(version: Int, appliedNow: [String]) {
        self.version = version
        self.appliedNow = appliedNow
    }
}

/// A store whose schema is newer than this program knows: it is refused rather than read wrongly.
public struct StoreVersionError: Error, Sendable, CustomStringConvertible {
    public var found: Int
    public var known: Int

    public init(found: Int, known: Int) {
        self.found = found
        self.known = known
    }

    public var description: String {
        "the store is at schema version \(found), newer than the \(known) this diplomap knows: use a newer diplomap"
    }
}
