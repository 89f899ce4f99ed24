import DiplomapCore
import GRDB

/// The store's schema, as named migrations applied in order; a migration once released is never edited.
enum Schema {
    /// The index the map reads from (v2), as a bulk import builds it again.
    static let mapIndexSQL = "CREATE INDEX evidence_for_map ON evidence (side_a, side_b, issue, kind, polarity, weight, start_date, end_date)"

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: issues, sources, evidence") { db in
            try db.create(table: "issue") { table in
                table.primaryKey("code", .text)
                table.column("domain", .text).notNull()
                table.column("label", .text).notNull()
            }
            for issue in Issue.allCases {
                try db.execute(sql: "INSERT INTO issue (code, domain, label) VALUES (?, ?, ?)", arguments: [issue.code, issue.domain.rawValue, issue.label])
            }
            let kinds = SourceKind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            let polarities = Polarity.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            try db.create(table: "source") { table in
                table.primaryKey("id", .text)
                table.column("kind", .text).notNull().check(sql: "kind IN (\(kinds))")
                table.column("name", .text).notNull()
                table.column("sha256", .text).notNull().check(sql: "length(sha256) = 64")
                table.column("imported_at", .text).notNull()
            }
            try db.create(table: "evidence") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("source_id", .text).notNull().references("source", onDelete: .cascade)
                table.column("ordinal", .integer).notNull()
                table.column("kind", .text).notNull().check(sql: "kind IN (\(kinds))")
                table.column("side_a", .text).notNull().check(sql: "length(side_a) > 0")
                table.column("side_b", .text).notNull().check(sql: "length(side_b) > 0 AND side_b <> side_a")
                table.column("issue", .text).notNull().references("issue")
                table.column("polarity", .text).notNull().check(sql: "polarity IN (\(polarities))")
                table.column("weight", .double).notNull().check(sql: "weight >= 0")
                table.column("start_date", .text)
                table.column("end_date", .text).check(sql: "end_date IS NULL OR start_date IS NOT NULL")
                table.column("citation_title", .text).notNull()
                table.column("citation_publisher", .text)
                table.column("citation_address", .text).notNull()
                table.column("citation_published", .text)
                table.column("citation_locator", .text)
                table.column("citation_summary", .text)
                table.column("citation_quote", .text)
                table.uniqueKey(["source_id", "ordinal"])
            }
            try db.create(index: "evidence_on_sides", on: "evidence", columns: ["side_a", "side_b", "issue"])
            try db.create(index: "evidence_on_source", on: "evidence", columns: ["source_id"])
        }
        // The map reads every row of its pairs but only these columns: an index holding them all
        // lets SQLite answer from the index alone, which is several times faster than the table.
        migrator.registerMigration("v2: an index covering the map's columns") { db in
            try db.drop(index: "evidence_on_sides")
            try db.create(
                index: "evidence_for_map", on: "evidence",
                columns: ["side_a", "side_b", "issue", "kind", "polarity", "weight", "start_date", "end_date"]
            )
        }
        // Visits and statements became points in time and UN votes a reading of alignment (ec roll calls no longer
        // development): the curated facts and the default vote evidence are imported anew on the next open.
        migrator.registerMigration("v3: facts and votes derived anew") { db in
            try db.execute(sql: "DELETE FROM source WHERE id LIKE 'facts/%' OR id = 'votes/unvotes'")
        }
        // Every write counts itself here, in its own transaction, so that a server sharing the store with
        // others sees that its cached maps are stale.
        migrator.registerMigration("v4: a change counter") { db in
            try db.execute(sql: """
                CREATE TABLE store_state (
                    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
                    changes INTEGER NOT NULL CHECK (changes >= 0)
                );
                INSERT INTO store_state (singleton, changes) VALUES (1, 0);
                """)
        }
        // A fact may cite several sources: the first is the row's citation, the others a JSON list beside it.
        // The facts are imported anew on the next open, so that their further sources are stored.
        migrator.registerMigration("v5: a citation's further sources") { db in
            try db.alter(table: "evidence") { table in table.add(column: "citation_also", .text) }
            try db.execute(sql: "DELETE FROM source WHERE id LIKE 'facts/%'")
        }
        // The import ledger: every import, refused ones too, with its files, counts and outcome; a source points at the
        // import its rows came from. Sources imported before the ledger get one entry each, from what the store knew.
        migrator.registerMigration("v6: the import ledger") { db in
            let kinds = SourceKind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            let outcomes = ImportRecord.Outcome.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            try db.execute(sql: """
                CREATE TABLE import_ledger (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    source_id TEXT NOT NULL CHECK (length(source_id) > 0),
                    kind TEXT NOT NULL CHECK (kind IN (\(kinds))),
                    settings TEXT NOT NULL,
                    rows_read INTEGER NOT NULL CHECK (rows_read >= 0),
                    rows_kept INTEGER NOT NULL CHECK (rows_kept >= 0),
                    rows_malformed INTEGER NOT NULL CHECK (rows_malformed >= 0),
                    evidence_rows INTEGER NOT NULL CHECK (evidence_rows >= 0),
                    outcome TEXT NOT NULL CHECK (outcome IN (\(outcomes))),
                    tool_version TEXT NOT NULL,
                    imported_at TEXT NOT NULL,
                    CHECK (outcome <> 'refused' OR evidence_rows = 0)
                );
                CREATE TABLE import_file (
                    import_id INTEGER NOT NULL REFERENCES import_ledger ON DELETE CASCADE,
                    position INTEGER NOT NULL CHECK (position >= 0),
                    name TEXT NOT NULL,
                    bytes INTEGER NOT NULL CHECK (bytes >= 0),
                    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
                    damaged INTEGER NOT NULL CHECK (damaged IN (0, 1)),
                    PRIMARY KEY (import_id, position)
                );
                CREATE INDEX import_file_on_sha256 ON import_file (sha256);
                ALTER TABLE source ADD COLUMN import_id INTEGER REFERENCES import_ledger;
                INSERT INTO import_ledger (source_id, kind, settings, rows_read, rows_kept, rows_malformed, evidence_rows, outcome, tool_version, imported_at)
                    SELECT id, kind, '', rows, rows, 0, rows, 'imported', 'before the ledger', imported_at
                    FROM (SELECT s.id, s.kind, s.imported_at, (SELECT count(*) FROM evidence e WHERE e.source_id = s.id) AS rows FROM source s) AS counted
                    ORDER BY imported_at, id;
                UPDATE source SET import_id = (SELECT max(l.id) FROM import_ledger l WHERE l.source_id = source.id);
                """)
        }
        // The unique key on (source_id, ordinal) already finds a source's rows: a second index on source_id only cost
        // every insert an index entry (3.6 % of the instructions of a bulk load, measured with callgrind).
        migrator.registerMigration("v7: no second index on the source") { db in
            try db.drop(index: "evidence_on_source")
        }
        // Each file's MD5 beside its SHA-256, as GDELT's file lists give it: `events update` skips a listed file whose MD5 the
        // ledger holds without downloading it. Files recorded before have none (NULL).
        migrator.registerMigration("v8: each imported file's MD5") { db in
            try db.execute(sql: """
                ALTER TABLE import_file ADD COLUMN md5 TEXT CHECK (md5 IS NULL OR (length(md5) = 32 AND md5 NOT GLOB '*[^0-9a-f]*'));
                CREATE INDEX import_file_on_md5 ON import_file (md5);
                """)
        }
        // SQLite (3.40) checks `kind IN ('fact', …)` by building a temporary index of the list for every row it writes,
        // a fifth of a bulk import's instructions (callgrind); the same checks written as comparisons cost next to nothing.
        // SQLite cannot alter a check, so the table is built again with the same rows, ids and counter.
        migrator.registerMigration("v9: the kind and polarity checks as comparisons") { db in
            let next = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'evidence'")
            try db.execute(sql: """
                CREATE TABLE evidence_v9 (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    source_id TEXT NOT NULL REFERENCES source(id) ON DELETE CASCADE,
                    ordinal INTEGER NOT NULL,
                    kind TEXT NOT NULL CHECK (\(oneOf("kind", SourceKind.allCases.map(\.rawValue)))),
                    side_a TEXT NOT NULL CHECK (length(side_a) > 0),
                    side_b TEXT NOT NULL CHECK (length(side_b) > 0 AND side_b <> side_a),
                    issue TEXT NOT NULL REFERENCES issue(code),
                    polarity TEXT NOT NULL CHECK (\(oneOf("polarity", Polarity.allCases.map(\.rawValue)))),
                    weight DOUBLE NOT NULL CHECK (weight >= 0),
                    start_date TEXT,
                    end_date TEXT CHECK (end_date IS NULL OR start_date IS NOT NULL),
                    citation_title TEXT NOT NULL,
                    citation_publisher TEXT,
                    citation_address TEXT NOT NULL,
                    citation_published TEXT,
                    citation_locator TEXT,
                    citation_summary TEXT,
                    citation_quote TEXT,
                    citation_also TEXT,
                    UNIQUE (source_id, ordinal)
                );
                INSERT INTO evidence_v9 SELECT * FROM evidence;
                DROP TABLE evidence;
                ALTER TABLE evidence_v9 RENAME TO evidence;
                \(mapIndexSQL);
                DELETE FROM sqlite_sequence WHERE name = 'evidence';
                """)
            if let next { try db.execute(sql: "INSERT INTO sqlite_sequence (name, seq) VALUES ('evidence', ?)", arguments: [next]) }
        }
        return migrator
    }

    /// A check that `column` holds one of `values`, as comparisons joined by OR.
    static func oneOf(_ column: String, _ values: [String]) -> String {
        values.map { "\(column) = '\($0)'" }.joined(separator: " OR ")
    }

    /// Brings the schema up to date, refusing a store that a newer diplomap has migrated further; returns where it stands.
    /// `updating` hears the migrations a store that already had a schema is about to get, before they run: on a store of
    /// millions of rows they take seconds a million, and a command that says nothing meanwhile looks hung.
    static func migrate(_ writer: any DatabaseWriter, updating: ([String]) -> Void = { _ in }) throws -> StoreSchema {
        let migrator = migrator
        let (superseded, before, total) = try writer.read { db -> (Bool, Set<String>, Int) in
            guard try db.tableExists("grdb_migrations") else { return (false, [], 0) }
            return (try migrator.hasBeenSuperseded(db), try migrator.appliedIdentifiers(db), try Int.fetchOne(db, sql: "SELECT count(*) FROM grdb_migrations") ?? 0)
        }
        let known = migrator.migrations.count
        if superseded { throw StoreVersionError(found: total, known: known) }
        let pending = migrator.migrations.filter { !before.contains($0) }
        if !before.isEmpty, !pending.isEmpty { updating(pending) }
        try migrator.migrate(writer)
        return StoreSchema(version: known, appliedNow: pending)
    }
}
