import DiplomapCore
import Foundation
import Logging
import PostgresNIO

/// The evidence store on PostgreSQL, through postgres-nio: the store several servers share.
///
/// The schema holds the same constraints as the SQLite store's. Each import replaces its source in one
/// transaction, its rows sent through `COPY`, under a lock on the source's id, so that two imports of one source
/// never interleave; every write counts itself in `store_state` and announces itself on the channel `diplomap_changes`.
public final class PostgresStore: EvidenceStore {
    /// The channel a write notifies, after it commits.
    public static let changeChannel = "diplomap_changes"

    let client: PostgresClient
    public let location: PostgresLocation
    public let schema: StoreSchema
    private let logger: Logger
    private let running: Task<Void, Never>

    private init(client: PostgresClient, location: PostgresLocation, schema: StoreSchema, logger: Logger, running: Task<Void, Never>) {
        self.client = client
        self.location = location
        self.schema = schema
        self.logger = logger
        self.running = running
    }

    /// Connects to the database at `location` and brings its schema up to date; a server that is down, refuses the
    /// credentials or holds a newer schema is one clear error.
    public static func open(_ location: PostgresLocation, logger: Logger = Logger(label: "diplomap.store")) async throws -> PostgresStore {
        var quiet = logger
        quiet.logLevel = .critical
        let schema: StoreSchema
        do {
            // One connection first, so that a server that is down or refuses fails at once rather than in the pool's retries.
            let connection = try await PostgresConnection.connect(configuration: try location.connectionConfiguration(), id: 0, logger: quiet)
            do {
                schema = try await PostgresSchema.migrate(connection, logger: quiet)
                try await connection.close()
            } catch {
                try? await connection.close()
                throw error
            }
        } catch {
            throw PostgresStoreError.describing(error, at: location)
        }
        let client = PostgresClient(configuration: location.clientConfiguration, backgroundLogger: quiet)
        let running = Task { await client.run() }
        if !schema.appliedNow.isEmpty {
            logger.info("migrated the store", metadata: ["store": "\(location)", "applied": "\(schema.appliedNow.joined(separator: "; "))"])
        }
        return PostgresStore(client: client, location: location, schema: schema, logger: logger, running: running)
    }

    /// Stops the pool; the store is not used afterwards.
    public func close() async {
        running.cancel()
        await running.value
    }

    deinit {
        running.cancel()
    }

    /// Runs `work`, turning a PostgreSQL failure into one line that names the server.
    private func talking<T>(_ work: () async throws -> T) async throws -> T {
        do {
            return try await work()
        } catch {
            throw PostgresStoreError.describing(error, at: location)
        }
    }

    /// Runs an import's `work` as `talking` does, except that a full disk the server reports (SQLSTATE 53100) is the one
    /// line both stores give for it: the transaction did not commit. (A server that panics on a disk too full for its WAL
    /// closes the connection instead, which `PostgresCopyWrites` reports.)
    private func importing<T>(_ work: () async throws -> T) async throws -> T {
        do {
            return try await work()
        } catch where PostgresStoreError.sqlState(of: error) == "53100" {
            throw StoreFullError(store: location.description)
        } catch {
            throw PostgresStoreError.describing(error, at: location)
        }
    }

    @discardableResult
    public func replace(_ source: EvidenceSource, with evidence: [Evidence], recording record: ImportRecord) async throws -> Int64 {
        try Evidence.checkWeights(evidence, source: source.id)
        var source = source
        (source.id, source.name) = (PostgresRows.text(source.id), PostgresRows.text(source.name))
        let logger = logger, location = location
        let importID = try await importing {
            let bulk = try await PostgresBulkLoad.isWorthIt(rows: evidence.count, sourceID: source.id, on: client, logger: logger)
            return try await Self.transaction(on: client, logger: logger) { connection in
                // Imports of one source wait for each other; imports of different sources go on together.
                try await connection.query("SELECT pg_advisory_xact_lock(1684631661, hashtext(\(source.id)))", logger: logger)
                if bulk { try await PostgresBulkLoad.lock(on: connection, logger: logger) }
                // The source's old rows go while the foreign key that deletes them with it is still there.
                try await connection.query("DELETE FROM source WHERE id = \(source.id)", logger: logger)
                let setAside = bulk ? try await PostgresBulkLoad.setAside(on: connection, logger: logger) : []
                let importID = try await PostgresImportLedger.insert(record, on: connection, logger: logger)
                try await connection.query("""
                    INSERT INTO source (id, kind, name, sha256, imported_at, import_id)
                    VALUES (\(source.id), \(source.kind.rawValue), \(source.name), \(source.sha256), \(record.importedAt.ISO8601Format()), \(importID))
                    """, logger: logger)
                try await connection.copyFrom(table: "evidence", columns: PostgresRows.copyColumns, logger: logger) { writer in
                    // A lost connection fails the import, which the server rolls back.
                    try await PostgresCopyWrites.with(writer, on: connection, to: location) { writes in
                        var buffer = ByteBuffer()
                        buffer.reserveCapacity(1 << 20)
                        for (ordinal, item) in evidence.enumerated() {
                            PostgresRows.writeCopyLine(item, sourceID: source.id, ordinal: ordinal, into: &buffer)
                            if buffer.readableBytes >= 1 << 20 {
                                try await writes.send(buffer)
                                buffer.clear()
                            }
                        }
                        if buffer.readableBytes > 0 { try await writes.send(buffer) }
                    }
                }
                try await PostgresBulkLoad.restore(setAside, on: connection, logger: logger)
                try await Self.countChange(connection, logger: logger)
                return importID
            }
        }
        logger.info("imported source", metadata: ["source": "\(source.id)", "rows": "\(evidence.count)"])
        return importID
    }

    @discardableResult
    public func record(_ record: ImportRecord) async throws -> Int64 {
        let logger = logger
        return try await talking {
            try await Self.transaction(on: client, logger: logger) { connection in
                try await PostgresImportLedger.insert(record, on: connection, logger: logger)
            }
        }
    }

    public func imports(sourceID: String?) async throws -> [ImportRecord] {
        try await talking { try await PostgresImportLedger.fetch(client, sourceID: sourceID, logger: logger) }
    }

    public func hasImported(sha256: String, sourceID: String) async throws -> Bool {
        try await talking { try await PostgresImportLedger.hasImported(client, sha256: sha256, sourceID: sourceID, logger: logger) }
    }

    /// Runs `work` in a transaction on a connection of the pool: committed if it returns, rolled back if it throws.
    ///
    /// Not postgres-nio's `withTransaction`, whose ROLLBACK, written to a connection the server has closed (as it does
    /// when it stops, e.g. on a disk too full for its WAL), is never answered (1.33): the import would wait forever.
    /// A closed connection needs no ROLLBACK, since the server discards a transaction whose connection is gone.
    private static func transaction<T: Sendable>(
        on client: PostgresClient, logger: Logger, _ work: (PostgresConnection) async throws -> T
    ) async throws -> T {
        try await client.withConnection { connection in
            try await connection.query("BEGIN", logger: logger)
            do {
                let value = try await work(connection)
                try await connection.query("COMMIT", logger: logger)
                return value
            } catch {
                if !connection.isClosed { _ = try? await connection.query("ROLLBACK", logger: logger) }
                throw error
            }
        }
    }

    /// Counts a write in its transaction and notifies the other servers, which hear it when the transaction commits.
    private static func countChange(_ connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("UPDATE store_state SET changes = changes + 1", logger: logger)
        try await connection.query(PostgresQuery(unsafeSQL: "NOTIFY \(changeChannel)"), logger: logger)
    }

    public func remove(sourceID: String) async throws {
        let sourceID = PostgresRows.text(sourceID), logger = logger
        try await talking {
            try await Self.transaction(on: client, logger: logger) { connection in
                try await connection.query("SELECT pg_advisory_xact_lock(1684631661, hashtext(\(sourceID)))", logger: logger)
                var removed = 0
                for try await id in try await connection.query("DELETE FROM source WHERE id = \(sourceID) RETURNING id", logger: logger).decode(String.self) {
                    _ = id
                    removed += 1
                }
                if removed > 0 { try await Self.countChange(connection, logger: logger) }
            }
        }
    }

    public func sources() async throws -> [StoredSource] {
        try await talking {
            let rows = try await client.query("""
                SELECT s.id, s.kind, s.name, s.sha256, (SELECT count(*) FROM evidence e WHERE e.source_id = s.id)
                FROM source s ORDER BY s.id COLLATE "C"
                """, logger: logger)
            var sources: [StoredSource] = []
            for try await (id, kind, name, sha256, count) in rows.decode((String, String, String, String, Int).self) {
                sources.append(StoredSource(source: EvidenceSource(id: id, kind: SourceKind(rawValue: kind)!, name: name, sha256: sha256), rowCount: count))
            }
            return sources
        }
    }

    /// Runs one statement as written: for tests of what the schema refuses.
    package func execute(rawSQL sql: String) async throws {
        try await client.query(PostgresQuery(unsafeSQL: sql), logger: logger)
    }

    public func changeCounter() async throws -> Int64 {
        try await talking {
            var changes: Int64 = 0
            for try await value in try await client.query("SELECT changes FROM store_state", logger: logger).decode(Int64.self) { changes = value }
            return changes
        }
    }

    public func evidence(_ query: EvidenceQuery) async throws -> [Evidence] {
        try await evidence(query, after: nil, limit: .max).map(\.evidence)
    }

    public func evidence(_ query: EvidenceQuery, after cursor: Int64?, limit: Int) async throws -> [(id: Int64, evidence: Evidence)] {
        var filter = PostgresFilter(query)
        if let cursor { filter.conditions.append("id > \(filter.bind(cursor))") }
        let window = query.window
        // The time window is checked on parsed dates after reading, so a bounded window reads on until the page is full.
        let bounded = window.isUnbounded && limit < .max
        let sql = "SELECT \(PostgresRows.packedEvidence) FROM evidence \(filter.clause) ORDER BY id" + (bounded ? " LIMIT \(limit)" : "")
        return try await talking {
            var page: [(id: Int64, evidence: Evidence)] = []
            for try await packed in try await client.query(PostgresQuery(unsafeSQL: sql, binds: filter.binds), logger: logger).decode(ByteBuffer.self) {
                guard page.count < limit else { continue }
                try PostgresRows.evidence(packed: packed) { id, item in
                    if window.contains(item.period, kind: item.kind) { page.append((id, item)) }
                }
            }
            return page
        }
    }

    public func evidence(sourceID: String) async throws -> [Evidence] {
        try await talking {
            var evidence: [Evidence] = []
            let sql = "SELECT \(PostgresRows.packedEvidence) FROM evidence WHERE source_id = $1 ORDER BY ordinal"
            var binds = PostgresBindings()
            binds.append(sourceID)
            for try await packed in try await client.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger).decode(ByteBuffer.self) {
                try PostgresRows.evidence(packed: packed) { _, item in evidence.append(item) }
            }
            return evidence
        }
    }

    public func aggregate(_ query: EvidenceQuery, into builder: RelationMapBuilder) async throws -> RelationMapBuilder {
        try await talking {
            let selective = try await PostgresMapScan.isSelective(query, on: client, logger: logger)
            let rows = try await client.query(PostgresMapScan.query(query, selective: selective), logger: logger)
            var map = builder
            try await PostgresMapScan.run(rows, window: query.window, into: &map)
            return map
        }
    }

    public func evidence(ids: [Int64]) async throws -> [Int64: Evidence] {
        guard !ids.isEmpty else { return [:] }
        return try await talking {
            var evidence: [Int64: Evidence] = [:]
            evidence.reserveCapacity(ids.count)
            var binds = PostgresBindings()
            binds.append(ids.sorted())
            let rows = try await client.query(PostgresQuery(unsafeSQL: PostgresRows.packedChunks(of: 1_000), binds: binds), logger: logger)
            // A chunk none of whose ids is left is NULL.
            for try await packed in rows.decode(ByteBuffer?.self) {
                try packed.map { try PostgresRows.evidence(packed: $0) { id, item in evidence[id] = item } }
            }
            return evidence
        }
    }
}

/// The WHERE clause of a query with its bound values; the time window is applied after reading, on parsed dates.
struct PostgresFilter {
    var conditions: [String] = []
    var binds = PostgresBindings()

    init(_ query: EvidenceQuery) {
        if let dyad = query.dyad {
            let first = bind(dyad.first), second = bind(dyad.second)
            conditions.append("((side_a = \(first) AND side_b = \(second)) OR (side_a = \(second) AND side_b = \(first)))")
        }
        if let sides = query.sides {
            let codes = bind(sides.sorted())
            conditions.append("side_a = ANY(\(codes)) AND side_b = ANY(\(codes))")
        }
        if let issues = query.issues { conditions.append("issue = ANY(\(bind(issues.map(\.rawValue).sorted())))") }
        if let kinds = query.kinds { conditions.append("kind = ANY(\(bind(kinds.map(\.rawValue).sorted())))") }
    }

    /// Binds a value and returns its placeholder.
    mutating func bind<Value: PostgresDynamicTypeEncodable>(_ value: Value) -> String {
        binds.append(value)
        return "$\(binds.count)"
    }

    var clause: String { conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ") }
}
