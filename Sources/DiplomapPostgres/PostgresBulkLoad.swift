import Logging
import PostgresNIO

/// A load as large as the evidence table, with the table's foreign keys, unique keys and secondary indexes set aside
/// while its rows are copied and built again afterwards, all in the import's transaction.
///
/// PostgreSQL checks a foreign key with one query per row and keeps each index up to date row by row: for a million
/// rows these cost more than the copy itself (41 s of `COPY` against 15 s with the checks and indexes rebuilt after).
/// Building an index in one sort and checking a foreign key in one join is faster. The constraints and indexes are
/// read from the catalog, so that the ones restored are exactly the ones the schema has; a row that breaks one fails
/// the import when it is restored, and the transaction rolls back, constraints and all.
///
/// The evidence table is locked for the load: readers wait for the commit instead of reading the rows it replaces,
/// which is why only a load at least as large as what the table holds takes this path.
enum PostgresBulkLoad {
    /// The fewest rows an import needs to take this path (as on SQLite, where the map's index is built after such a load).
    static let threshold = 50_000

    /// Whether `rows` rows of `sourceID` are worth loading this way: as many as the other sources hold, whose rows stay.
    ///
    /// Asked before the import's transaction, on a connection of its own: a count inside it would hold a lock on the
    /// table while waiting for `lock`, and two bulk imports would each wait for the other.
    static func isWorthIt(rows: Int, sourceID: String, on client: PostgresClient, logger: Logger) async throws -> Bool {
        guard rows >= threshold else { return false }
        let counted = try await client.query("SELECT count(*) FROM evidence WHERE source_id <> \(sourceID)", logger: logger)
        for try await count in counted.decode(Int.self) {
            return rows >= count
        }
        return true
    }

    /// Takes the locks the load needs before the import touches a table, in the order every import takes them (`source`
    /// first, then `evidence`), so that it never waits for a lock while holding one another import wants: `source`
    /// against writers, whose keys are checked again at the end, and the evidence table alone.
    static func lock(on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("LOCK TABLE source IN SHARE ROW EXCLUSIVE MODE", logger: logger)
        try await connection.query("LOCK TABLE evidence IN ACCESS EXCLUSIVE MODE", logger: logger)
    }

    /// Drops the evidence table's foreign keys, unique keys and indexes other than its primary key; returns the
    /// statements that restore them, to run after the rows are loaded.
    static func setAside(on connection: PostgresConnection, logger: Logger) async throws -> [String] {
        let rows = try await connection.query("""
            SELECT 'ALTER TABLE evidence DROP CONSTRAINT ' || quote_ident(conname),
                   'ALTER TABLE evidence ADD CONSTRAINT ' || quote_ident(conname) || ' ' || pg_get_constraintdef(oid)
            FROM pg_constraint WHERE conrelid = 'evidence'::regclass AND contype IN ('u', 'f')
            UNION ALL
            SELECT 'DROP INDEX ' || indexrelid::regclass::text, pg_get_indexdef(indexrelid)
            FROM pg_index i WHERE indrelid = 'evidence'::regclass AND NOT indisprimary
                AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
            """, logger: logger)
        var restore: [String] = []
        var drops: [String] = []
        for try await (drop, create) in rows.decode((String, String).self) {
            drops.append(drop)
            restore.append(create)
        }
        for drop in drops { try await connection.query(PostgresQuery(unsafeSQL: drop), logger: logger) }
        return restore
    }

    /// Builds again what `setAside` dropped, checking every row loaded, and gathers the table's statistics again: the
    /// load replaced at least half of it, and the map's reads are planned by them (`PostgresMapScan.isSelective`).
    static func restore(_ statements: [String], on connection: PostgresConnection, logger: Logger) async throws {
        for statement in statements { try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger) }
        if !statements.isEmpty { try await connection.query("ANALYZE evidence", logger: logger) }
    }
}
