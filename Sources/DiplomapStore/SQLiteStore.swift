import DiplomapCore
import Foundation
import GRDB
import Logging

/// The evidence store on SQLite, through GRDB: a single file, nothing to start.
///
/// The schema holds what must be true of evidence (known issue codes, valid
/// polarities and kinds, non-negative weights, two different sides), so that
/// no importer can store a row the map cannot read.
public final class SQLiteStore: EvidenceStore {
    private let writer: any DatabaseWriter
    private let logger: Logger
    public let schema: StoreSchema

    /// Opens (or creates) the store at `path` and brings its schema up to date.
    public convenience init(path: String, logger: Logger = Logger(label: "diplomap.store")) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var configuration = Configuration()
        // Map the file into memory: a map of a million rows reads the whole index, and copying
        // it page by page through the page cache costs more than reading it.
        configuration.prepareDatabase { db in
            // Pages of 16 KiB for a new store (an existing one keeps its own): a million rows imported in 3.1 s rather
            // than 3.5, a quarter of the writes and reads of the log and its checkpoint; maps read as fast.
            try db.execute(sql: "PRAGMA page_size = \(Self.pageSize)")
            try db.execute(sql: "PRAGMA mmap_size = 1073741824")
            // In WAL mode NORMAL never corrupts the store; a commit lost to a power cut is imported again.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        try self.init(writer: DatabasePool(path: path, configuration: configuration), logger: logger)
    }

    /// The page size of a store this build creates.
    static let pageSize = 16_384

    /// A store in memory, for tests and one-off runs.
    public static func inMemory(logger: Logger = Logger(label: "diplomap.store")) throws -> SQLiteStore {
        try SQLiteStore(writer: DatabaseQueue(), logger: logger)
    }

    init(writer: any DatabaseWriter, logger: Logger) throws {
        self.writer = writer
        self.logger = logger
        let store = writer.path
        schema = try Schema.migrate(writer) { pending in
            logger.notice("updating the store's schema: a large store takes some seconds a million rows", metadata: [
                "store": "\(store)", "migrations": "\(pending.joined(separator: "; "))",
            ])
        }
    }

    /// Runs one statement as written: for tests of what the schema refuses.
    package func execute(rawSQL sql: String) async throws {
        try await writer.write { db in try db.execute(sql: sql) }
    }

    public func changeCounter() async throws -> Int64 {
        try await writer.read { db in try Int64.fetchOne(db, sql: "SELECT changes FROM store_state") ?? 0 }
    }

    /// Counts a write in the transaction that makes it.
    private static func countChange(_ db: Database) throws {
        try db.execute(sql: "UPDATE store_state SET changes = changes + 1")
    }

    /// The fewest rows an import needs for the map's index to be dropped and built again after it.
    static let bulkThreshold = 50_000

    /// Worker threads for the sort of a bulk import's index: one a core, at most four.
    static let sortThreads = min(4, ProcessInfo.processInfo.activeProcessorCount)

    @discardableResult
    public func replace(_ source: EvidenceSource, with evidence: [Evidence], recording record: ImportRecord) async throws -> Int64 {
        do {
            return try await write(source, with: evidence, recording: record)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_FULL {
            // The transaction is rolled back: say so in one line, not with the statement that failed.
            throw StoreFullError(store: writer.path)
        }
    }

    private func write(_ source: EvidenceSource, with evidence: [Evidence], recording record: ImportRecord) async throws -> Int64 {
        try Evidence.checkWeights(evidence, source: source.id)
        let (importID, times) = try await writer.write { db in
            // A load as large as what the table keeps of other sources is faster with the map's index built afterwards,
            // in one sort, than kept up row by row in random order; so is the deletion of the source's old rows, whose
            // entries are scattered through it. Readers see the old index until the commit.
            let bulk = try evidence.count >= Self.bulkThreshold
                && evidence.count >= (Int.fetchOne(db, sql: "SELECT count(*) FROM evidence") ?? 0)
                - (Int.fetchOne(db, sql: "SELECT count(*) FROM evidence WHERE source_id = ?", arguments: [source.id]) ?? 0)
            // A page cache of 256 MiB for the rows (2 MiB by default): the transaction's pages stay in memory rather
            // than being written to the log and read back as the load grows.
            let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            if bulk {
                try db.execute(sql: "DROP INDEX evidence_for_map")
                try db.execute(sql: "PRAGMA cache_size = -262144")
            }
            defer { if bulk { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize); PRAGMA threads = 0") } }
            try db.execute(sql: "DELETE FROM evidence WHERE source_id = ?", arguments: [source.id])
            try db.execute(sql: "DELETE FROM source WHERE id = ?", arguments: [source.id])
            let importID = try ImportLedger.insert(record, into: db)
            try db.execute(
                sql: "INSERT INTO source (id, kind, name, sha256, imported_at, import_id) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [source.id, source.kind.rawValue, source.name, source.sha256, record.importedAt.ISO8601Format(), importID]
            )
            let started = ContinuousClock.now
            try EvidenceRow.insert(evidence, sourceID: source.id, into: db)
            let inserted = ContinuousClock.now
            if bulk {
                // The index's sort in runs of 8 MiB (the page cache's size sets a run's), sorted by worker threads and then
                // merged: a million rows' index in 1.9 s on two cores, against 3.3 s sorted as one run on one thread.
                try db.execute(sql: "PRAGMA cache_size = -8192; PRAGMA threads = \(Self.sortThreads)")
                try db.execute(sql: Schema.mapIndexSQL)
            }
            try Self.countChange(db)
            return (importID, (inserted - started, ContinuousClock.now - inserted))
        }
        logger.info("imported source", metadata: [
            "source": "\(source.id)", "rows": "\(evidence.count)", "insert": "\(times.0)", "index": "\(times.1)",
        ])
        return importID
    }

    @discardableResult
    public func record(_ record: ImportRecord) async throws -> Int64 {
        try await writer.write { db in try ImportLedger.insert(record, into: db) }
    }

    public func imports(sourceID: String?) async throws -> [ImportRecord] {
        try await writer.read { db in try ImportLedger.fetch(db, sourceID: sourceID) }
    }

    public func hasImported(sha256: String, sourceID: String) async throws -> Bool {
        try await writer.read { db in try ImportLedger.hasImported(db, sha256: sha256, sourceID: sourceID) }
    }

    public func remove(sourceID: String) async throws {
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM source WHERE id = ?", arguments: [sourceID])
            if db.changesCount > 0 { try Self.countChange(db) }
        }
    }

    public func sources() async throws -> [StoredSource] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.id, s.kind, s.name, s.sha256, (SELECT count(*) FROM evidence e WHERE e.source_id = s.id) AS rows
                FROM source s ORDER BY s.id
                """).map { row in
                StoredSource(
                    source: EvidenceSource(id: row["id"], kind: SourceKind(rawValue: row["kind"])!, name: row["name"], sha256: row["sha256"]),
                    rowCount: row["rows"]
                )
            }
        }
    }

    public func evidence(_ query: EvidenceQuery) async throws -> [Evidence] {
        let (filter, arguments) = Self.filter(query)
        let sql = "SELECT \(EvidenceRow.selectColumns) FROM evidence \(filter) ORDER BY id"
        let window = query.window
        return try await writer.read { [arguments] db in
            var evidence: [Evidence] = []
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try rows.next() {
                let item = EvidenceRow.evidence(row)
                if window.contains(item.period, kind: item.kind) { evidence.append(item) }
            }
            return evidence
        }
    }

    public func evidence(sourceID: String) async throws -> [Evidence] {
        try await writer.read { db in
            var evidence: [Evidence] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT \(EvidenceRow.selectColumns) FROM evidence WHERE source_id = ? ORDER BY ordinal", arguments: [sourceID])
            while let row = try rows.next() { evidence.append(EvidenceRow.evidence(row)) }
            return evidence
        }
    }

    /// Reads in two parts, split by the first side, on two connections at once, and merges them.
    public func aggregate(_ query: EvidenceQuery, into builder: RelationMapBuilder) async throws -> RelationMapBuilder {
        let parts: [Set<String>?]
        if let sides = query.sides?.sorted(), sides.count > 1 {
            parts = [0, 1].map { half in Set(sides.enumerated().filter { $0.offset % 2 == half }.map(\.element)) }
        } else {
            parts = [nil]
        }
        let partials = try await inParallel(parts) { db, part in
            let (filter, arguments) = Self.filter(query, firstSides: part)
            var partial = builder
            try MapScan.run(db, sql: "SELECT \(MapScan.selectColumns) FROM evidence \(filter)", arguments: arguments, window: query.window, into: &partial)
            return partial
        }
        return partials.dropFirst().reduce(into: partials.first ?? builder) { $0.merge($1) }
    }

    /// Reads in two halves on two connections at once.
    public func evidence(ids: [Int64]) async throws -> [Int64: Evidence] {
        // In id order, so that SQLite walks the table's pages forward.
        let ids = ids.sorted(), middle = ids.count / 2
        let halves = try await inParallel([ids[..<middle], ids[middle...]]) { db, half in
            var evidence: [Int64: Evidence] = [:]
            evidence.reserveCapacity(half.count)
            // In chunks, below SQLite's limit on bound parameters.
            for start in stride(from: half.startIndex, to: half.endIndex, by: 10_000) {
                let chunk = Array(half[start..<min(start + 10_000, half.endIndex)])
                let placeholders = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
                let sql = "SELECT id, \(EvidenceRow.selectColumns) FROM evidence WHERE id IN (\(placeholders))"
                let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(chunk))
                while let row = try rows.next() { evidence[row[0]] = EvidenceRow.evidence(row, from: 1) }
            }
            return evidence
        }
        return halves[0].merging(halves[1]) { first, _ in first }
    }

    /// Runs one read per part, concurrently on the pool's reader connections (one after another in memory), in the parts' order.
    private func inParallel<Part: Sendable, Value: Sendable>(
        _ parts: [Part], _ read: @escaping @Sendable (Database, Part) throws -> Value
    ) async throws -> [Value] {
        try await withThrowingTaskGroup(of: (Int, Value).self) { group in
            for (index, part) in parts.enumerated() {
                group.addTask { [writer] in (index, try await writer.read { db in try read(db, part) }) }
            }
            var values: [(Int, Value)] = []
            for try await value in group { values.append(value) }
            return values.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    /// Up to `limit` pieces of evidence matching `query` with ids after `cursor`, in id order, each with its id: one page of a listing.
    ///
    /// The last id of a page is the cursor of the next; ids only grow, so a page never repeats a row of an earlier one.
    public func evidence(_ query: EvidenceQuery, after cursor: Int64?, limit: Int) async throws -> [(id: Int64, evidence: Evidence)] {
        var (filter, arguments) = Self.filter(query)
        if let cursor {
            filter += filter.isEmpty ? "WHERE id > ?" : " AND id > ?"
            arguments += [cursor]
        }
        let window = query.window
        // The time window is checked on parsed dates after reading, so a bounded window reads on until the page is full.
        let sql = "SELECT id, \(EvidenceRow.selectColumns) FROM evidence \(filter) ORDER BY id" + (window.isUnbounded ? " LIMIT \(limit)" : "")
        return try await writer.read { [arguments] db in
            var page: [(id: Int64, evidence: Evidence)] = []
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while page.count < limit, let row = try rows.next() {
                let item = EvidenceRow.evidence(row, from: 1)
                if window.contains(item.period, kind: item.kind) { page.append((row[0], item)) }
            }
            return page
        }
    }

    /// The WHERE clause of a query (and of one part of its first sides) and its arguments; the time window is applied after reading, on parsed dates.
    private static func filter(_ query: EvidenceQuery, firstSides: Set<String>? = nil) -> (String, StatementArguments) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        func list(_ values: [String]) -> String {
            arguments += StatementArguments(values)
            return "(" + Array(repeating: "?", count: values.count).joined(separator: ", ") + ")"
        }
        if let dyad = query.dyad {
            conditions.append("((side_a = ? AND side_b = ?) OR (side_a = ? AND side_b = ?))")
            arguments += [dyad.first, dyad.second, dyad.second, dyad.first]
        }
        if let sides = query.sides {
            let codes = sides.sorted()
            conditions.append("side_a IN \(list(codes)) AND side_b IN \(list(codes))")
        }
        if let firstSides {
            conditions.append("side_a IN \(list(firstSides.sorted()))")
        }
        if let issues = query.issues {
            conditions.append("issue IN \(list(issues.map(\.rawValue).sorted()))")
        }
        if let kinds = query.kinds {
            conditions.append("kind IN \(list(kinds.map(\.rawValue).sorted()))")
        }
        return (conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "), arguments)
    }
}
