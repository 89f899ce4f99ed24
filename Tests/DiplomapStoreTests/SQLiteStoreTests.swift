import DiplomapCore
@testable import DiplomapStore
import GRDB
import Testing

struct SQLiteStoreTests {
    static let citation = Citation(title: "A page", publisher: "A publisher", address: "https://example.org/a", locator: "paragraph 1", summary: "Kazakhstan and Japan met.")

    func row(_ a: String, _ b: String, _ issue: Issue = .dialogue, _ polarity: Polarity = .cooperation) -> Evidence {
        Evidence(kind: .fact, a: a, b: b, issue: issue, polarity: polarity, period: Period(start: PartialDate("2019-12")!), citation: Self.citation)
    }

    func source(_ id: String, sha: Character = "a") -> EvidenceSource {
        EvidenceSource(id: id, kind: .fact, name: id, sha256: String(repeating: sha, count: 64))
    }

    @Test func migratesAnEmptyDatabase() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue)
        let tables = try queue.read { db in try ["evidence", "source", "issue"].filter { try db.tableExists($0) } }
        #expect(tables == ["evidence", "source", "issue"])
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM issue") } == 16)
        #expect(try queue.read { db in try Schema.migrator.appliedIdentifiers(db) } == ["v1: issues, sources, evidence", "v2: an index covering the map's columns", "v3: facts and votes derived anew", "v4: a citation's further sources"])
        #expect(try queue.read { try Schema.migrator.hasCompletedMigrations($0) })
    }

    @Test(arguments: [
        "INSERT INTO evidence (source_id, ordinal, kind, side_a, side_b, issue, polarity, weight, citation_title, citation_address) VALUES ('s', 0, 'fact', 'KAZ', 'JPN', 'security.terror', 'cooperation', 1, 't', 'a')",
        "INSERT INTO evidence (source_id, ordinal, kind, side_a, side_b, issue, polarity, weight, citation_title, citation_address) VALUES ('s', 0, 'fact', 'KAZ', 'JPN', 'economy.trade', 'friendly', 1, 't', 'a')",
        "INSERT INTO evidence (source_id, ordinal, kind, side_a, side_b, issue, polarity, weight, citation_title, citation_address) VALUES ('s', 0, 'fact', 'KAZ', 'KAZ', 'economy.trade', 'conflict', 1, 't', 'a')",
        "INSERT INTO evidence (source_id, ordinal, kind, side_a, side_b, issue, polarity, weight, citation_title, citation_address) VALUES ('s', 0, 'fact', 'KAZ', 'JPN', 'economy.trade', 'conflict', -1, 't', 'a')",
        "INSERT INTO evidence (source_id, ordinal, kind, side_a, side_b, issue, polarity, weight, citation_title, citation_address) VALUES ('missing', 0, 'fact', 'KAZ', 'JPN', 'economy.trade', 'conflict', 1, 't', 'a')",
        "INSERT INTO evidence (source_id, ordinal, kind, side_a, side_b, issue, polarity, weight, citation_title, citation_address) VALUES ('s', 0, 'fact', 'KAZ', 'JPN', 'economy.trade', 'conflict', 1, NULL, 'a')",
        "INSERT INTO source (id, kind, name, sha256, imported_at) VALUES ('t', 'rumour', 'n', '\(String(repeating: "a", count: 64))', 'now')",
    ])
    func theSchemaRejectsInvalidRows(sql: String) throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO source (id, kind, name, sha256, imported_at) VALUES ('s', 'fact', 'n', '\(String(repeating: "a", count: 64))', 'now')")
        }
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: sql) } }
    }

    @Test func readsBackWhatItStored() async throws {
        let store = try SQLiteStore.inMemory()
        var item = row("KAZ", "JPN")
        item.citation.quote = "a quote"
        try await store.replace(source("s1"), with: [item])
        #expect(try await store.evidence(EvidenceQuery()) == [item])
    }

    @Test func aFactsFurtherSourcesComeBackWithItsRow() async throws {
        let store = try SQLiteStore.inMemory()
        var item = row("KAZ", "JPN")
        item.citation.also = [
            Citation(title: "A second page", publisher: "Another", address: "https://example.com/b", published: PartialDate("2020-01"), locator: "heading 2", summary: "Again."),
            Citation(title: "A third page", address: "https://example.net/c", locator: "p. 3"),
        ]
        try await store.replace(source("s1"), with: [item, row("UZB", "KOR")])
        let read = try await store.evidence(EvidenceQuery())
        #expect(read == [item, row("UZB", "KOR")])
        #expect(read[0].citation.also.map(\.address) == ["https://example.com/b", "https://example.net/c"] && read[1].citation.also.isEmpty)
    }

    @Test func reimportReplacesInsteadOfDuplicating() async throws {
        let store = try SQLiteStore.inMemory()
        try await store.replace(source("s1"), with: [row("KAZ", "JPN"), row("UZB", "KOR")])
        try await store.replace(source("s2"), with: [row("C5", "TUR")])
        try await store.replace(source("s1", sha: "b"), with: [row("KAZ", "JPN"), row("UZB", "KOR")])
        #expect(try await store.evidence(EvidenceQuery()).count == 3)
        let sources = try await store.sources()
        #expect(sources.map(\.source.id) == ["s1", "s2"] && sources.map(\.rowCount) == [2, 1])
        #expect(sources.first?.source.sha256.first == "b")
    }

    @Test func aFailedImportLeavesTheStoreAsItWas() async throws {
        let store = try SQLiteStore.inMemory()
        try await store.replace(source("s1"), with: [row("KAZ", "JPN")])
        let before = try await store.evidence(EvidenceQuery())
        await #expect(throws: DatabaseError.self) {
            try await store.replace(source("s1", sha: "c"), with: [row("KAZ", "KOR"), row("KAZ", "KAZ")])
        }
        #expect(try await store.evidence(EvidenceQuery()) == before)
        #expect(try await store.sources().first?.source.sha256.first == "a")
    }

    @Test func filtersByDyadInEitherOrderIssueAndSides() async throws {
        let store = try SQLiteStore.inMemory()
        try await store.replace(source("s1"), with: [row("KAZ", "JPN"), row("JPN", "KAZ", .trade), row("UZB", "JPN"), row("C5", "TUR", .multilateral)])
        #expect(try await store.evidence(EvidenceQuery(dyad: Dyad("JPN", "KAZ"))).count == 2)
        #expect(try await store.evidence(EvidenceQuery(dyad: Dyad("KAZ", "JPN"), issues: [.trade])).map(\.a) == ["JPN"])
        #expect(try await store.evidence(EvidenceQuery(sides: ["C5", "TUR", "KAZ"])).map(\.b) == ["TUR"])
    }

    @Test func removingASourceRemovesItsRows() async throws {
        let store = try SQLiteStore.inMemory()
        try await store.replace(source("s1"), with: [row("KAZ", "JPN")])
        try await store.replace(source("s2"), with: [row("UZB", "KOR")])
        try await store.remove(sourceID: "s1")
        #expect(try await store.evidence(EvidenceQuery()).map(\.a) == ["UZB"])
        #expect(try await store.sources().map(\.source.id) == ["s2"])
    }
}
