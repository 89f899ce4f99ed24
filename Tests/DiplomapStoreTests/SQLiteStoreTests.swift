import DiplomapCore
@testable import DiplomapStore
import Foundation
import GRDB
import Testing

/// What only the SQLite store has: its migrations through GRDB.
struct SQLiteStoreTests {
    @Test func migratesAnEmptyDatabase() throws {
        let queue = try DatabaseQueue()
        let schema = try Schema.migrate(queue)
        let tables = try queue.read { db in try ["evidence", "source", "issue", "store_state"].filter { try db.tableExists($0) } }
        #expect(tables == ["evidence", "source", "issue", "store_state"])
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM issue") } == 16)
        #expect(schema.version == 5 && schema.appliedNow.count == 5)
        #expect(try queue.read { db in try Schema.migrator.appliedIdentifiers(db) } == [
            "v1: issues, sources, evidence", "v2: an index covering the map's columns", "v3: facts and votes derived anew", "v4: a change counter",
            "v5: a citation's further sources",
        ])
        #expect(try queue.read { try Schema.migrator.hasCompletedMigrations($0) })
        #expect(try Schema.migrate(queue).appliedNow.isEmpty)
    }

    @Test func aStoreANewerDiplomapMigratedIsRefused() throws {
        let queue = try DatabaseQueue()
        _ = try Schema.migrate(queue)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9: from the future')") }
        #expect(throws: StoreVersionError.self) { try Schema.migrate(queue) }
        let error = try #require(throws: StoreVersionError.self) { try Schema.migrate(queue) }
        #expect(error.description == "the store is at schema version 6, newer than the 5 this diplomap knows: use a newer diplomap")
    }
}
