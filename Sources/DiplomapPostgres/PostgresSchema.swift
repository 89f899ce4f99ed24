import DiplomapCore
import Foundation
import PostgresNIO

/// The store's schema on PostgreSQL, as numbered migrations applied in order; a migration once released is never edited.
///
/// It holds what the SQLite schema holds (NOT NULL, foreign keys, unique keys, checks), so that no importer can store a
/// row the map cannot read on either store. `diplomap_schema` records each migration applied.
enum PostgresSchema {
    /// The migrations, oldest first: the version of a store is the number it has had.
    static let migrations: [(name: String, sql: String)] = [
        ("v1: issues, sources, evidence, change counter", v1),
        ("v2: the import ledger", v2),
        ("v3: each imported file's MD5", v3),
    ]

    /// Each file's MD5 beside its SHA-256, as GDELT's file lists give it: `events update` skips a listed file whose MD5 the
    /// ledger holds without downloading it. Files recorded before have none (NULL, which the check lets through).
    private static let v3 = """
        ALTER TABLE import_file ADD COLUMN md5 text CHECK (md5 ~ '^[0-9a-f]{32}$');
        CREATE INDEX import_file_on_md5 ON import_file (md5)
        """

    /// The import ledger: every import, refused ones too, with its files, counts and outcome; a source points at the
    /// import its rows came from. Sources imported before the ledger get one entry each, from what the store knew.
    private static var v2: String {
        let kinds = SourceKind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        let outcomes = ImportRecord.Outcome.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        return """
            CREATE TABLE import_ledger (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                source_id text NOT NULL CHECK (length(source_id) > 0),
                kind text NOT NULL CHECK (kind IN (\(kinds))),
                settings text NOT NULL,
                rows_read bigint NOT NULL CHECK (rows_read >= 0),
                rows_kept bigint NOT NULL CHECK (rows_kept >= 0),
                rows_malformed bigint NOT NULL CHECK (rows_malformed >= 0),
                evidence_rows bigint NOT NULL CHECK (evidence_rows >= 0),
                outcome text NOT NULL CHECK (outcome IN (\(outcomes))),
                tool_version text NOT NULL,
                imported_at text NOT NULL,
                CHECK (outcome <> 'refused' OR evidence_rows = 0)
            );
            CREATE TABLE import_file (
                import_id bigint NOT NULL REFERENCES import_ledger ON DELETE CASCADE,
                position integer NOT NULL CHECK (position >= 0),
                name text NOT NULL,
                bytes bigint NOT NULL CHECK (bytes >= 0),
                sha256 text NOT NULL CHECK (length(sha256) = 64),
                damaged boolean NOT NULL,
                PRIMARY KEY (import_id, position)
            );
            CREATE INDEX import_file_on_sha256 ON import_file (sha256);
            ALTER TABLE source ADD COLUMN import_id bigint REFERENCES import_ledger;
            INSERT INTO import_ledger (source_id, kind, settings, rows_read, rows_kept, rows_malformed, evidence_rows, outcome, tool_version, imported_at)
                SELECT id, kind, '', rows, rows, 0, rows, 'imported', 'before the ledger', imported_at
                FROM (SELECT s.id, s.kind, s.imported_at, (SELECT count(*) FROM evidence e WHERE e.source_id = s.id) AS rows FROM source s) AS counted
                ORDER BY imported_at, id;
            UPDATE source SET import_id = (SELECT max(l.id) FROM import_ledger l WHERE l.source_id = source.id)
            """
    }

    private static var v1: String {
        let kinds = SourceKind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        let polarities = Polarity.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        let issues = Issue.allCases.map { "('\($0.code)', '\($0.domain.rawValue)', '\($0.label.replacingOccurrences(of: "'", with: "''"))')" }
            .joined(separator: ", ")
        return """
            CREATE TABLE issue (code text PRIMARY KEY, domain text NOT NULL, label text NOT NULL);
            INSERT INTO issue (code, domain, label) VALUES \(issues);
            CREATE TABLE source (
                id text PRIMARY KEY,
                kind text NOT NULL CHECK (kind IN (\(kinds))),
                name text NOT NULL,
                sha256 text NOT NULL CHECK (length(sha256) = 64),
                imported_at text NOT NULL
            );
            CREATE TABLE evidence (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                source_id text NOT NULL REFERENCES source ON DELETE CASCADE,
                ordinal integer NOT NULL,
                kind text NOT NULL CHECK (kind IN (\(kinds))),
                side_a text NOT NULL CHECK (length(side_a) > 0),
                side_b text NOT NULL CHECK (length(side_b) > 0 AND side_b <> side_a),
                issue text NOT NULL REFERENCES issue,
                polarity text NOT NULL CHECK (polarity IN (\(polarities))),
                weight double precision NOT NULL CHECK (weight >= 0),
                start_date text,
                end_date text CHECK (end_date IS NULL OR start_date IS NOT NULL),
                citation_title text NOT NULL,
                citation_publisher text,
                citation_address text NOT NULL,
                citation_published text,
                citation_locator text,
                citation_summary text,
                citation_quote text,
                citation_also text,
                UNIQUE (source_id, ordinal)
            );
            CREATE INDEX evidence_on_sides ON evidence (side_a, side_b);
            CREATE TABLE store_state (
                singleton integer PRIMARY KEY CHECK (singleton = 1),
                changes bigint NOT NULL CHECK (changes >= 0)
            );
            INSERT INTO store_state (singleton, changes) VALUES (1, 0);
            """
    }

    /// Applies the migrations the database lacks, one transaction, under a lock so that servers starting together
    /// migrate once; refuses a database a newer diplomap has migrated further.
    static func migrate(_ connection: PostgresConnection, logger: Logger) async throws -> StoreSchema {
        try await connection.withTransaction(logger: logger) { connection in
            // One lock for the whole database, held to the transaction's end: the key spells "dipl".
            try await connection.query("SELECT pg_advisory_xact_lock(1684631660)", logger: logger)
            try await connection.query("""
                CREATE TABLE IF NOT EXISTS diplomap_schema (
                    version integer PRIMARY KEY CHECK (version > 0), name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
                """, logger: logger)
            var current = 0
            for try await version in try await connection.query("SELECT coalesce(max(version), 0) FROM diplomap_schema", logger: logger).decode(Int.self) {
                current = version
            }
            guard current <= migrations.count else { throw StoreVersionError(found: current, known: migrations.count) }
            var applied: [String] = []
            for (offset, migration) in migrations.enumerated().dropFirst(current) {
                // One statement a query: the extended protocol takes no more.
                for statement in migration.sql.components(separatedBy: ";\n") where !statement.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query("INSERT INTO diplomap_schema (version, name) VALUES (\(offset + 1), \(migration.name))", logger: logger)
                applied.append(migration.name)
            }
            return StoreSchema(version: migrations.count, appliedNow: applied)
        }
    }
}
