import DiplomapCore
import DiplomapPostgres
import DiplomapTestSupport
import Foundation
import Testing

/// What only the PostgreSQL store has: its URL, its migrations, and the one line it gives when the server cannot be used.
struct PostgresStoreTests {
    @Test func theURLGivesTheServerTheDatabaseAndThePoolButNeverShowsThePassword() throws {
        let location = try PostgresLocation(url: "postgres://analyst:s3cr%40t@db.example.org:6543/maps?sslmode=require&pool=12")
        #expect(location.host == "db.example.org" && location.port == 6543 && location.user == "analyst" && location.database == "maps")
        #expect(location.sslMode == "require" && location.poolSize == 12)
        #expect(location.description == "postgres://analyst@db.example.org:6543/maps")
        #expect(!"\(location)".contains("s3cr"))
        #expect(try PostgresLocation(url: "postgresql://u@h/d", poolSize: 3).poolSize == 3)
    }

    @Test(arguments: [
        ("postgres://u@h/d?sslmode=sometimes", "sslmode=sometimes is not known: give disable, prefer, require or verify-full"),
        ("postgres://u@h/d?pool=0", "the pool size must be between 1 and 500"),
        ("postgres://u@h/d?timeout=3", "the URL parameter timeout is not known: give sslmode or pool"),
        ("postgres:///d", "not a PostgreSQL URL: give postgres://user:password@host:port/database"),
    ])
    func aURLThatCannotBeUsedIsSaidInOneLine(url: String, message: String) {
        let error = #expect(throws: PostgresStoreError.self) { try PostgresLocation(url: url) }
        #expect(error?.description == message)
    }

    @Test func aServerThatIsDownIsOneClearLine() async throws {
        // A port nothing listens on: bound, then closed.
        let port = try freePort()
        let error = await #expect(throws: PostgresStoreError.self) {
            try await PostgresStore.open(try PostgresLocation(url: "postgres://u:hunter2@127.0.0.1:\(port)/d"))
        }
        #expect(error?.description == "cannot reach PostgreSQL at 127.0.0.1:\(port): is the server running and the address right?")
        #expect(error?.description.contains("hunter2") == false)
    }

    @Test(.enabled(if: PostgresTestServer.configured != nil))
    func refusedCredentialsAreOneClearLine() async throws {
        let settings = try #require(PostgresTestServer.configured)
        let error = await #expect(throws: PostgresStoreError.self) {
            try await PostgresStore.open(try PostgresLocation(url: "postgres://nobody_here:wrong@\(settings.host):\(settings.port)/\(settings.database)"))
        }
        #expect(error?.description.hasPrefix("PostgreSQL at \(settings.host):\(settings.port) said: ") == true)
        #expect(error?.description.contains("wrong") == false)
    }

    @Test(.enabled(if: PostgresTestServer.configured != nil))
    func tlsIsAskedForWhenTheURLSaysSo() async throws {
        // The test server offers no TLS: required, the connection is refused in one line; preferred, it goes on in the clear.
        let settings = try #require(PostgresTestServer.configured)
        let base = settings.url(database: settings.database)
        let error = await #expect(throws: PostgresStoreError.self) { try await PostgresStore.open(try PostgresLocation(url: base + "?sslmode=require")) }
        #expect(error?.description == "PostgreSQL at \(settings.host):\(settings.port) does not offer TLS, which sslmode=require requires")
        try await PostgresTestServer.withDatabase { url in
            let store = try await PostgresStore.open(try PostgresLocation(url: url + "?sslmode=prefer&pool=2"))
            #expect(try await store.sources().isEmpty)
            await store.close()
        }
    }

    /// A database in another encoding gives back the text another client wrote: the store's connections speak UTF-8,
    /// so "ÿ" written in LATIN1 (the one byte 0xFF there) is neither a missing value nor a broken row.
    @Test(.enabled(if: PostgresTestServer.configured != nil))
    func aLatin1DatabaseGivesBackItsTextInUTF8() async throws {
        try await PostgresTestServer.withDatabase(options: "ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0") { url in
            let store = try await PostgresStore.open(PostgresLocation(url: url))
            let item = Evidence(
                kind: .fact, a: "KAZ", b: "TUR", issue: .culture, polarity: .cooperation,
                citation: Citation(title: "Türkiye", publisher: "p", address: "https://example.org/café"))
            try await store.replace(EvidenceSource(id: "s", kind: .fact, name: "s", sha256: String(repeating: "a", count: 64)), with: [item])
            try await store.execute(rawSQL: "UPDATE evidence SET citation_publisher = convert_from('\\xff'::bytea, 'LATIN1'), citation_quote = convert_from('\\xe9'::bytea, 'LATIN1')")
            var expected = item
            expected.citation.publisher = "ÿ"
            expected.citation.quote = "é"
            #expect(try await store.evidence(sourceID: "s") == [expected])
            let ids = try await store.evidence(EvidenceQuery(), after: nil, limit: 10).map(\.id)
            #expect(try await store.evidence(ids: ids).values.map { $0 } == [expected])
            await store.close()
        }
    }

    @Test(.enabled(if: PostgresTestServer.configured != nil))
    func migrationsApplyOnceAndANewerSchemaIsRefused() async throws {
        try await PostgresTestServer.withDatabase { url in
            let location = try PostgresLocation(url: url)
            let first = try await PostgresStore.open(location)
            #expect(first.schema.appliedNow.count == first.schema.version)
            try await first.execute(rawSQL: "INSERT INTO diplomap_schema (version, name) VALUES (99, 'v99: from the future')")
            await first.close()
            let error = await #expect(throws: (any Error).self) { try await PostgresStore.open(location) }
            #expect("\(error.map { "\($0)" } ?? "")".contains("schema version 99, newer than the \(first.schema.version) this diplomap knows"))
        }
    }

    @Test(.enabled(if: PostgresTestServer.configured != nil))
    func sourcesImportedBeforeTheLedgerGetOneEntryEach() async throws {
        try await PostgresTestServer.withDatabase { url in
            let location = try PostgresLocation(url: url)
            // A store as the first migration left it, holding one source of two rows.
            let old = try await PostgresStore.open(location)
            for statement in [
                "ALTER TABLE source DROP COLUMN import_id", "DROP TABLE import_file", "DROP TABLE import_ledger", "DELETE FROM diplomap_schema WHERE version > 1",
                "INSERT INTO source (id, kind, name, sha256, imported_at) VALUES ('events/a', 'event', 'a', '\(String(repeating: "a", count: 64))', '2026-01-02T03:04:05Z')",
                "INSERT INTO evidence (source_id, ordinal, kind, side_a, side_b, issue, polarity, weight, citation_title, citation_address) VALUES ('events/a', 0, 'event', 'KAZ', 'JPN', 'economy.trade', 'conflict', 1, 't', 'a'), ('events/a', 1, 'event', 'KAZ', 'CHN', 'economy.trade', 'conflict', 1, 't', 'a')",
            ] { try await old.execute(rawSQL: statement) }
            await old.close()
            let store = try await PostgresStore.open(location)
            #expect(store.schema.appliedNow == ["v2: the import ledger", "v3: each imported file's MD5"])
            let ledger = try await store.imports(sourceID: nil)
            #expect(ledger.map(\.sourceID) == ["events/a"] && ledger.map(\.evidenceRows) == [2] && ledger.map(\.toolVersion) == ["before the ledger"])
            #expect(ledger.first?.importedAt == (try Date("2026-01-02T03:04:05Z", strategy: .iso8601)))
            await store.close()
        }
    }

    @Test(.enabled(if: PostgresTestServer.configured != nil))
    func filesRecordedBeforeTheLedgerKeptMD5sKeepTheirRowsWithNone() async throws {
        try await PostgresTestServer.withDatabase { url in
            let location = try PostgresLocation(url: url)
            // A store as the second migration left it, holding one refused import of one file.
            let old = try await PostgresStore.open(location)
            for statement in [
                "DROP INDEX import_file_on_md5", "ALTER TABLE import_file DROP COLUMN md5", "DELETE FROM diplomap_schema WHERE version > 2",
                "INSERT INTO import_ledger (source_id, kind, settings, rows_read, rows_kept, rows_malformed, evidence_rows, outcome, tool_version, imported_at) VALUES ('events/a', 'event', '', 4, 2, 0, 0, 'refused', '0.8.0', '2026-01-02T03:04:05Z')",
                "INSERT INTO import_file (import_id, position, name, bytes, sha256, damaged) SELECT id, 0, 'a.CSV.zip', 10, '\(String(repeating: "a", count: 64))', true FROM import_ledger",
            ] { try await old.execute(rawSQL: statement) }
            await old.close()
            let store = try await PostgresStore.open(location)
            #expect(store.schema.appliedNow == ["v3: each imported file's MD5"])
            let files = try await store.imports(sourceID: nil).flatMap(\.files)
            #expect(files == [ImportRecord.File(name: "a.CSV.zip", bytes: 10, sha256: String(repeating: "a", count: 64), md5: nil, damaged: true)])
            await store.close()
        }
    }

    @Test(.enabled(if: PostgresTestServer.configured != nil))
    func twoStoresMigratingAtOnceMigrateOnce() async throws {
        try await PostgresTestServer.withDatabase { url in
            let location = try PostgresLocation(url: url)
            let stores = try await withThrowingTaskGroup(of: PostgresStore.self) { group in
                for _ in 0..<3 { group.addTask { try await PostgresStore.open(location) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(stores.map(\.schema.appliedNow.count).sorted() == [0, 0, stores[0].schema.version])
            for store in stores { await store.close() }
        }
    }

    func freePort() throws -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
