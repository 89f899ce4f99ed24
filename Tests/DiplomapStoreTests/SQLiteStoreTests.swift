import DiplomapCore
@testable import DiplomapStore
import Foundation
import GRDB
import Logging
import Testing

/// What only the SQLite store has: its migrations through GRDB.
struct SQLiteStoreTests {
    @Test func migratesAnEmptyDatabase() throws {
        let queue = try DatabaseQueue()
        // A new store is created, not updated: nothing to announce.
        var announced: [[String]] = []
        let schema = try Schema.migrate(queue) { announced.append($0) }
        #expect(announced.isEmpty)
        let names = ["evidence", "source", "issue", "store_state", "import_ledger", "import_file"]
        let tables = try queue.read { db in try names.filter { try db.tableExists($0) } }
        #expect(tables == names)
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM issue") } == 16)
        #expect(schema.version == 9 && schema.appliedNow.count == 9)
        #expect(try queue.read { db in try Schema.migrator.appliedIdentifiers(db) } == [
            "v1: issues, sources, evidence", "v2: an index covering the map's columns", "v3: facts and votes derived anew", "v4: a change counter",
            "v5: a citation's further sources", "v6: the import ledger", "v7: no second index on the source",
            "v8: each imported file's MD5", "v9: the kind and polarity checks as comparisons",
        ])
        #expect(try queue.read { try Schema.migrator.hasCompletedMigrations($0) })
        // A source's rows are found through the unique key on (source_id, ordinal), with no index of their own.
        let plan = try queue.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT * FROM evidence WHERE source_id = 's' ORDER BY ordinal").map { $0["detail"] as String }
        }
        #expect(plan == ["SEARCH evidence USING INDEX sqlite_autoindex_evidence_1 (source_id=?)"])
        #expect(try Schema.migrate(queue) { announced.append($0) }.appliedNow.isEmpty)
        #expect(announced.isEmpty)
    }

    /// A new store gets the larger pages, in WAL mode; a store made before keeps its pages and its rows.
    @Test func aNewStoreHasLargePagesAndAnOldOneKeepsItsOwn() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pages-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let new = folder.appendingPathComponent("new.sqlite").path, old = folder.appendingPathComponent("old.sqlite").path
        _ = try SQLiteStore(path: new)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: old)
        try await queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA page_size = 4096; PRAGMA journal_mode = WAL") }
        _ = try Schema.migrate(queue) { _ in }
        try queue.close()
        let reopened = try SQLiteStore(path: old)
        try await reopened.replace(EvidenceSource(id: "s", kind: .fact, name: "s", sha256: String(repeating: "a", count: 64)), with: [
            Evidence(kind: .fact, a: "KAZ", b: "JPN", issue: .trade, polarity: .cooperation, citation: Citation(title: "t", address: "a")),
        ])
        for (path, size) in [(new, SQLiteStore.pageSize), (old, 4096)] {
            let pages = try await DatabaseQueue(path: path).read { db in
                (try Int.fetchOne(db, sql: "PRAGMA page_size"), try String.fetchOne(db, sql: "PRAGMA journal_mode"))
            }
            #expect(pages.0 == size && pages.1 == "wal", "\(path)")
        }
        #expect(try await reopened.evidence(EvidenceQuery()).count == 1)
    }

    @Test func aStoreANewerDiplomapMigratedIsRefused() throws {
        let queue = try DatabaseQueue()
        _ = try Schema.migrate(queue)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v10: from the future')") }
        #expect(throws: StoreVersionError.self) { try Schema.migrate(queue) }
        let error = try #require(throws: StoreVersionError.self) { try Schema.migrate(queue) }
        #expect(error.description == "the store is at schema version 10, newer than the 9 this diplomap knows: use a newer diplomap")
    }

    @Test func filesRecordedBeforeTheLedgerKeptMD5sKeepTheirRowsWithNone() async throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue, upTo: "v7: no second index on the source")
        try await queue.write { db in
            try db.execute(sql: """
                INSERT INTO import_ledger (source_id, kind, settings, rows_read, rows_kept, rows_malformed, evidence_rows, outcome, tool_version, imported_at)
                    VALUES ('events/a', 'event', '', 4, 2, 0, 0, 'refused', '0.8.0', '2026-01-02T03:04:05Z');
                INSERT INTO import_file (import_id, position, name, bytes, sha256, damaged) VALUES (1, 0, 'a.CSV.zip', 10, '\(String(repeating: "a", count: 64))', 1);
                """)
        }
        #expect(try Schema.migrate(queue).appliedNow == ["v8: each imported file's MD5", "v9: the kind and polarity checks as comparisons"])
        let store = try SQLiteStore(writer: queue, logger: Logger(label: "test"))
        let files = try await store.imports(sourceID: nil).flatMap(\.files)
        #expect(files == [ImportRecord.File(name: "a.CSV.zip", bytes: 10, sha256: String(repeating: "a", count: 64), md5: nil, damaged: true)])
    }

    @Test func theTableBuiltAgainKeepsItsRowsIdsAndCounterAndChecksWithoutATemporaryIndex() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue, upTo: "v8: each imported file's MD5")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO source (id, kind, name, sha256, imported_at) VALUES ('events/a', 'event', 'a', '\(String(repeating: "a", count: 64))', '2026-01-02T03:04:05Z');
                INSERT INTO evidence (source_id, ordinal, kind, side_a, side_b, issue, polarity, weight, start_date, citation_title, citation_address, citation_also)
                    VALUES ('events/a', 0, 'event', 'KAZ', 'JPN', 'economy.trade', 'conflict', 2.5, '2019-03', 't', 'a', '[]'),
                           ('events/a', 1, 'event', 'KAZ', 'CHN', 'economy.trade', 'neutral', 1, NULL, 'u', 'b', NULL),
                           ('events/a', 2, 'event', 'UZB', 'CHN', 'resources.water', 'cooperation', 1, NULL, 'v', 'c', NULL);
                DELETE FROM evidence WHERE ordinal = 2;
                """)
        }
        let before = try queue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM evidence ORDER BY id") }
        // An existing store is told what it is about to get before the table is built again.
        var announced: [[String]] = []
        var appliedWhenAnnounced: Int?
        let schema = try Schema.migrate(queue) { pending in
            appliedWhenAnnounced = try? queue.read { db in try Schema.migrator.appliedIdentifiers(db).count }
            announced.append(pending)
        }
        #expect(schema.appliedNow == ["v9: the kind and polarity checks as comparisons"])
        #expect(announced == [["v9: the kind and polarity checks as comparisons"]] && appliedWhenAnnounced == 8)
        #expect(try queue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM evidence ORDER BY id") } == before)
        // Ids are not given again: the next row follows the deleted third.
        let next = try queue.write { db in
            try db.execute(sql: """
                INSERT INTO evidence (source_id, ordinal, kind, side_a, side_b, issue, polarity, weight, citation_title, citation_address)
                    VALUES ('events/a', 3, 'fact', 'KAZ', 'IND', 'society.culture', 'cooperation', 1, 't', 'a')
                """)
            return db.lastInsertedRowID
        }
        #expect(next == 4)
        // The checks still refuse what they refused; deleting the source still deletes its rows.
        for bad in ["'rumour', 'KAZ', 'IND', 'society.culture', 'cooperation'", "'fact', 'KAZ', 'IND', 'society.culture', 'friendly'",
                    "'fact', 'KAZ', 'IND', 'society.cuisine', 'cooperation'", "'fact', 'KAZ', 'KAZ', 'society.culture', 'cooperation'"] {
            #expect(throws: DatabaseError.self) {
                try queue.write { db in
                    try db.execute(sql: """
                        INSERT INTO evidence (source_id, ordinal, kind, side_a, side_b, issue, polarity, weight, citation_title, citation_address)
                            VALUES ('events/a', 9, \(bad), 1, 't', 'a')
                        """)
                }
            }
        }
        try queue.write { db in try db.execute(sql: "DELETE FROM source WHERE id = 'events/a'") }
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM evidence") } == 0)
        // The reason for the migration: writing a row builds no temporary index for a check.
        let program = try queue.read { db in
            let unbound = StatementArguments(Array(repeating: DatabaseValue.null, count: EvidenceRow.insertColumnCount))
            return try Row.fetchAll(db, sql: "EXPLAIN " + EvidenceRow.insertSQL(rows: 1), arguments: unbound).map { $0["opcode"] as String }
        }
        #expect(program.contains("Insert") && !program.contains("OpenEphemeral"))
        let plan = try queue.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT kind FROM evidence WHERE side_a = 'KAZ'").map { $0["detail"] as String }
        }
        #expect(plan == ["SEARCH evidence USING COVERING INDEX evidence_for_map (side_a=?)"])
    }

    @Test func sourcesImportedBeforeTheLedgerGetOneEntryEach() async throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue, upTo: "v5: a citation's further sources")
        try await queue.write { db in
            try db.execute(sql: """
                INSERT INTO source (id, kind, name, sha256, imported_at) VALUES ('events/a', 'event', 'a', '\(String(repeating: "a", count: 64))', '2026-01-02T03:04:05Z');
                INSERT INTO evidence (source_id, ordinal, kind, side_a, side_b, issue, polarity, weight, citation_title, citation_address)
                    VALUES ('events/a', 0, 'event', 'KAZ', 'JPN', 'economy.trade', 'conflict', 1, 't', 'a'), ('events/a', 1, 'event', 'KAZ', 'CHN', 'economy.trade', 'conflict', 1, 't', 'a');
                """)
        }
        let store = try SQLiteStore(writer: queue, logger: Logger(label: "test"))
        let ledger = try await store.imports(sourceID: nil)
        #expect(ledger.map(\.sourceID) == ["events/a"])
        #expect(ledger.map(\.evidenceRows) == [2] && ledger.map(\.toolVersion) == ["before the ledger"])
        #expect(ledger.first?.importedAt == (try Date("2026-01-02T03:04:05Z", strategy: .iso8601)))
        #expect(try await queue.read { db in try Int64.fetchOne(db, sql: "SELECT import_id FROM source") } == ledger.first?.id)
    }
}
