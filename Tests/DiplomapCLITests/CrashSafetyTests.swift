import DiplomapCore
import DiplomapTestSupport
import DiplomapWorkspace
import Foundation
import GRDB
import Logging
import PostgresNIO
import Testing

/// The real `diplomap` killed with SIGKILL in the middle of each kind of import, on each store: afterwards the store
/// opens, is consistent and holds what it held before, and the import, run again, completes and can be repeated.
///
/// "In the middle" is seen from outside, never guessed from a delay: on SQLite the process holds the WAL's write lock
/// and has written to the WAL past its size before the import; on PostgreSQL its connection is running `COPY`.
@Suite(.serialized) struct CrashSafetyTests {
    /// The test's folder and the tool it runs, for the whole test: a store, a small disk or a cluster may live in it.
    private let cli = CommandLineTests()

    enum Kind: String, CaseIterable, Sendable, CustomStringConvertible {
        case facts, votes, documents, events
        var description: String { rawValue }
    }

    @Test(arguments: StoreKind.available, Kind.allCases)
    func killedMidImportLeavesTheStoreAsItWas(_ store: StoreKind, _ kind: Kind) async throws {
        try await CrashStore.with(store, folder: cli.folder) { db in
            let imports = ImportUnderTest(kind: kind, cli: cli, db: db)
            try await imports.prepare()
            let before = try await db.snapshot()

            let process = try imports.start()
            let caught = try await db.waitForWrite(by: process, until: { imports.ended })
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            imports.stop()
            guard caught else {
                // On a busy machine a short write can begin and end between two looks of the watcher: then nothing was
                // killed in the middle and there is nothing to check. Reported as an intermittent known issue, not hidden.
                withKnownIssue("\(kind) on \(store): the import ended before it was seen writing", isIntermittent: true) {
                    Testing.Issue.record("not caught writing")
                }
                return
            }
            #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)

            try await db.expectConsistent()
            #expect(try await db.snapshot() == before, "\(kind) on \(store): the store changed after a killed import")

            let imported = try await imports.complete()
            #expect(imported != before, "\(kind) on \(store): the repeated import stored nothing new")
            #expect(try await imports.complete() == imported, "\(kind) on \(store): importing again changed the store")
            try await db.expectConsistent()
        }
    }

    @Test(.enabled(if: SmallDisk.canMount, "mounting a tmpfs needs root (or CAP_SYS_ADMIN); the full-disk test is skipped"))
    func aFullDiskIsOneLineAndLeavesTheStoreAsItWas() async throws {
        try await CrashStore.with(.sqlite, folder: cli.folder) { filled in
            // A store filled with the embedded data, copied onto a disk with room for it and a little more.
            try #require(try await cli.run(ImportUnderTest.fill + ["--db", filled.db]).status == 0)
            // The file and its WAL, which holds what the tool committed but did not copy back into the file.
            let files = ["", "-wal"].filter { FileManager.default.fileExists(atPath: filled.db + $0) }
            let size = try files.map { try FileManager.default.attributesOfItem(atPath: filled.db + $0)[.size] as! Int }.reduce(0, +)
            try await SmallDisk.with(bytes: size + 512 * 1024, in: cli.folder) { disk in
                let db = CrashStore(kind: .sqlite, db: disk.appendingPathComponent("store.sqlite").path)
                for suffix in files { try FileManager.default.copyItem(atPath: filled.db + suffix, toPath: db.db + suffix) }
                let before = try await db.snapshot()
                let events = try ImportUnderTest.writeEventFile(in: cli.folder, months: 240)
                let result = try await cli.run(["events", "import", events.path, "--quiet", "--db", db.db])
                #expect(result.status != 0)
                let lines = result.stderr.split(separator: "\n")
                #expect(lines.count == 1, "\(result.stderr)")
                #expect(result.stderr.contains("the disk holding the store \(db.db) is full: nothing was imported"), "\(result.stderr)")
                try await db.expectConsistent()
                #expect(try await db.snapshot() == before)
            }
        }
    }

    /// The same on PostgreSQL: a cluster of its own whose data directory is on the small disk, filled by the tool, then an
    /// import its data files cannot hold. The server refuses the `COPY` with SQLSTATE 53100 and stays up; once the disk
    /// has room again the store holds what it held before and the import completes.
    @Test(
        .enabled(if: SmallDisk.canMount, "mounting a tmpfs needs root (or CAP_SYS_ADMIN); the full-disk test is skipped"),
        .enabled(if: ThrowAwayCluster.isInstalled, "PostgreSQL 15 is not installed; the PostgreSQL full-disk test is skipped"))
    func aFullPostgreSQLDiskIsOneLineAndLeavesTheStoreAsItWas() async throws {
        try await SmallDisk.with(bytes: 128 << 20, in: cli.folder) { disk in
            try await ThrowAwayCluster.with(in: disk.appendingPathComponent("cluster")) { port in
                // The cluster trusts local connections: the password is carried, never asked, and must never be shown.
                let url = "postgres://diplomap:secret@127.0.0.1:\(port)/postgres"
                let db = CrashStore(kind: .postgres, db: url)
                try #require(try await cli.run(ImportUnderTest.fill + ["--db", url]).status == 0)
                try await ThrowAwayCluster.startNewWALSegment(port: port)
                let before = try await db.snapshot()
                let events = try ImportUnderTest.writeEventFile(in: cli.folder, months: 240)
                let ballast = try SmallDisk.fill(disk, leaving: 4 << 20)

                let result = try await cli.run(["events", "import", events.path, "--quiet", "--db", url])
                #expect(result.status != 0)
                #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
                #expect(
                    result.stderr.contains("the disk holding the store postgres://diplomap@127.0.0.1:\(port)/postgres is full: nothing was imported"),
                    "\(result.stderr)")
                #expect(!result.stderr.contains("secret"))
                #expect(try await db.snapshot() == before)

                try FileManager.default.removeItem(at: ballast)
                let again = try await cli.run(["events", "import", events.path, "--quiet", "--db", url])
                try #require(again.status == 0, "\(again.stderr)")
                let after = try await db.snapshot()
                #expect(after.count == before.count + 1 && Set(before).isSubset(of: Set(after)), "\(after)")
            }
        }
    }

    /// A PostgreSQL server that stops while an import's rows are on their way (as one does when its WAL writer cannot
    /// create a segment on a full disk) ends the import with one line, rather than leaving the tool waiting forever.
    @Test(.enabled(if: ThrowAwayCluster.isInstalled, "PostgreSQL 15 is not installed; the test of a server stopping is skipped"))
    func aServerStoppingMidImportIsOneLine() async throws {
        let cluster = cli.folder.appendingPathComponent("cluster")
        try await ThrowAwayCluster.with(in: cluster) { port in
            let url = "postgres://diplomap@127.0.0.1:\(port)/postgres"
            try #require(try await cli.run(ImportUnderTest.fill + ["--db", url]).status == 0)
            let events = try ImportUnderTest.writeEventFile(in: cli.folder, months: 240)
            let errors = cli.folder.appendingPathComponent("errors.txt")
            let process = try cli.start(["events", "import", events.path, "--quiet", "--db", url], errors: errors)
            defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
            try #require(try await ThrowAwayCluster.waitForCopy(port: port, while: { process.isRunning }), "the import was not seen copying")
            ThrowAwayCluster.stop(cluster)
            let deadline = ContinuousClock.now + .seconds(60)
            while process.isRunning, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
            try #require(!process.isRunning, "the import still waits a minute after the server stopped")
            let stderr = try String(contentsOf: errors, encoding: .utf8)
            #expect(process.terminationStatus != 0)
            #expect(stderr.split(separator: "\n").count == 1, "\(stderr)")
            #expect(stderr.contains("the connection to the store \(url) was lost during the import: nothing was imported"), "\(stderr)")
        }
    }
}

/// The store a crash test runs on, given to the tool as `--db`, and what the test reads of it from outside.
struct CrashStore: Sendable {
    let kind: StoreKind
    let db: String

    /// Runs `body` on a new store: a SQLite file in `folder`, or a database of its own on the test PostgreSQL server.
    static func with(_ kind: StoreKind, folder: URL, _ body: (CrashStore) async throws -> Void) async throws {
        switch kind {
        case .sqlite: try await body(CrashStore(kind: kind, db: folder.appendingPathComponent("store.sqlite").path))
        case .postgres: try await PostgresTestServer.withDatabase { url in try await body(CrashStore(kind: kind, db: url)) }
        }
    }

    /// Every source with its checksum and row count, read through the store as the tool opens it.
    func snapshot() async throws -> [StoredSource] {
        let store = try await StoreLocation(db).open(logger: Logger(label: "diplomap.tests"))
        let sources = try await store.sources()
        await store.close()
        return sources
    }

    /// SQLite's own checks: `PRAGMA integrity_check` says ok, `PRAGMA foreign_key_check` finds nothing.
    /// PostgreSQL rolls back a transaction whose client is gone; its checks are the snapshot's.
    func expectConsistent() async throws {
        guard kind == .sqlite else { return }
        let queue = try DatabaseQueue(path: db)
        let (integrity, foreignKeys) = try await queue.read { database in
            (try String.fetchAll(database, sql: "PRAGMA integrity_check"), try Row.fetchAll(database, sql: "PRAGMA foreign_key_check").count)
        }
        try queue.close()
        #expect(integrity == ["ok"])
        #expect(foreignKeys == 0)
    }

    /// Waits until `process` is writing its import (true), or has ended, or `ended` says its import has, or ten minutes
    /// have passed, without its being seen doing so (false).
    func waitForWrite(by process: Process, until ended: () -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(600)
        func waiting() -> Bool { process.isRunning && !ended() && ContinuousClock.now < deadline }
        switch kind {
        case .sqlite:
            let wal = db + "-wal"
            let start = (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0
            while waiting() {
                let size = (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0
                if size > start + 64 * 1024, Self.walWriteLockHeld(db) { return true }
                try await Task.sleep(for: .milliseconds(1))
            }
            return false
        case .postgres:
            let settings = try #require(PostgresTestServer.configured)
            let database = try #require(db.split(separator: "/").last.map(String.init))
            let configuration = PostgresConnection.Configuration(
                host: settings.host, port: settings.port, username: settings.user, password: settings.password, database: settings.database, tls: .disable)
            let logger = Logger(label: "diplomap.tests")
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 2, logger: logger)
            var copying = false
            while waiting(), !copying {
                let rows = try await connection.query(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = \(database) AND state = 'active' AND query ILIKE 'COPY%'", logger: logger)
                for try await count in rows.decode(Int.self) { copying = count > 0 }
                if !copying { try await Task.sleep(for: .milliseconds(1)) }
            }
            try await connection.close()
            return copying
        }
    }

    /// Whether another process holds SQLite's WAL write lock: the first lock byte of the shared-memory file (offset 120),
    /// held from a write transaction's first write to its end. `F_GETLK` asks without taking it.
    static func walWriteLockHeld(_ path: String) -> Bool {
        let fd = open(path + "-shm", O_RDWR)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var lock = flock()
        lock.l_type = Int16(F_WRLCK)
        lock.l_whence = Int16(SEEK_SET)
        lock.l_start = 120
        lock.l_len = 1
        guard fcntl(fd, F_GETLK, &lock) == 0 else { return false }
        return lock.l_type != Int16(F_UNLCK)
    }
}

/// One kind of import as a user runs it: its input (large enough to be caught writing), a first, smaller import of
/// the same source where the tool has one, and the run itself. Facts are imported through the server's `POST /facts`.
struct ImportUnderTest {
    let kind: CrashSafetyTests.Kind
    let cli: CommandLineTests
    let store: CrashStore
    private let server = ServerUnderTest()

    init(kind: CrashSafetyTests.Kind, cli: CommandLineTests, db: CrashStore) {
        self.kind = kind
        self.cli = cli
        store = db
    }

    /// A command that opens the store, which fills it with the embedded facts and default vote pairs.
    static let fill = ["evidence", "--dyad", "C5-TUR", "--format", "csv"]

    private var folder: URL { cli.folder }
    private var document: URL { folder.appendingPathComponent("talks.txt") }

    /// The store filled with the embedded data and, where the import has an earlier version, that version.
    func prepare() async throws {
        try expectSuccess(await cli.run(Self.fill + ["--db", store.db]))
        switch kind {
        case .facts:
            try server.start(cli: cli, db: store.db)
            try server.post(facts: Self.factFile(count: 3), expect: 201)
            server.stop()
        case .votes:
            break // the default vote pairs are the earlier version
        case .documents:
            try Self.documentText(sentences: 20).write(to: document, atomically: true, encoding: .utf8)
            try expectSuccess(await cli.run(["extract", document.path, "--import", "--db", store.db]))
            try Self.documentText(sentences: 6000).write(to: document, atomically: true, encoding: .utf8)
        case .events:
            let small = try Self.writeEventFile(in: folder, months: 2, name: "small.tsv")
            try expectSuccess(await cli.run(["events", "import", small.path, "--quiet", "--source", "events/crash", "--db", store.db]))
            _ = try Self.writeEventFile(in: folder, months: 240)
        }
    }

    /// Starts the import; for facts, the server and a client posting the file.
    func start() throws -> Process {
        switch kind {
        case .facts:
            let process = try server.start(cli: cli, db: store.db)
            try server.postInBackground(facts: Self.factFile(count: 600))
            return process
        case .votes: return try cli.start(["votes", "import", "--focus", "C5", "--partners", "UN", "--db", store.db])
        case .documents: return try cli.start(["extract", document.path, "--import", "--db", store.db])
        case .events:
            return try cli.start(["events", "import", folder.appendingPathComponent("events.tsv").path, "--quiet", "--source", "events/crash", "--db", store.db])
        }
    }

    /// Whether the import `start` began has ended on its own: for facts, the client has had its answer.
    var ended: Bool { server.clientEnded }

    /// Whatever `start` left running besides the killed process.
    func stop() {
        server.stop()
    }

    /// Runs the import to its end and returns the store afterwards.
    func complete() async throws -> [StoredSource] {
        switch kind {
        case .facts:
            try server.start(cli: cli, db: store.db)
            defer { server.stop() }
            try server.post(facts: Self.factFile(count: 600), expect: 201)
        case .votes: try expectSuccess(await cli.run(["votes", "import", "--focus", "C5", "--partners", "UN", "--db", store.db]))
        case .documents: try expectSuccess(await cli.run(["extract", document.path, "--import", "--db", store.db]))
        case .events:
            try expectSuccess(await cli.run(["events", "import", folder.appendingPathComponent("events.tsv").path, "--quiet", "--source", "events/crash", "--db", store.db]))
        }
        return try await store.snapshot()
    }

    private func expectSuccess(_ result: CommandLineTests.Result) throws {
        try #require(result.status == 0, "\(result.stderr)")
    }

    /// Partners for the generated inputs: codes that are their own CAMEO codes, and names the mapper knows.
    static let partners = [
        ("JPN", "Japan"), ("IND", "India"), ("CHN", "China"), ("RUS", "Russia"), ("USA", "the United States"), ("IRN", "Iran"),
        ("TUR", "Turkey"), ("PAK", "Pakistan"), ("AFG", "Afghanistan"), ("FRA", "France"),
    ]
    static let focus = [("KAZ", "Kazakhstan"), ("KGZ", "Kyrgyzstan"), ("TJK", "Tajikistan"), ("TKM", "Turkmenistan"), ("UZB", "Uzbekistan")]

    /// A GDELT 1.0 file of C5 × partner events over `months` months from January 2000, six event codes each: about
    /// 300 evidence rows a month. The columns are those of a row of the Events fixtures with its actors, date and code replaced.
    static func writeEventFile(in folder: URL, months: Int, name: String = "events.tsv") throws -> URL {
        let template = "254664308\t20130507\t201305\t2013\t2013.3479\tGOV\tPRESIDENT\t\t\t\t\t\tGOV\t\t\tTKM\tTURKMENISTAN\tTKM\t\t\t\t\t\t\t\t1\t020\t020\t02\t1\t3\t2\t1\t2\t2.43055555555556\t4\tTbilisi, Georgia (general), Georgia\tGG\tGG00\t41.725\t44.7908\t-2330077\t1\tTurkmenistan\tTX\tTX\t40\t60\t\t4\tTbilisi, Georgia (general), Georgia\tGG\tGG00\t41.725\t44.7908\t-2330077\t20130507\thttp://example.org/events.html"
        var fields = template.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        let codes = [("036", "03", "1"), ("042", "04", "1"), ("057", "05", "1"), ("061", "06", "2"), ("111", "11", "3"), ("172", "17", "4")]
        var out = ""
        var id = 1
        for month in 0..<months {
            let year = 2000 + month / 12, monthOfYear = month % 12 + 1
            let yearMonth = String(format: "%04d%02d", year, monthOfYear)
            for (state, stateName) in focus {
                for (partner, partnerName) in partners {
                    for (code, root, quad) in codes {
                        fields[0] = String(id)
                        fields[1] = yearMonth + "15"
                        fields[2] = yearMonth
                        fields[3] = String(year)
                        (fields[5], fields[6], fields[7]) = (state, stateName.uppercased(), state)
                        (fields[15], fields[16], fields[17]) = (partner, partnerName.uppercased(), partner)
                        (fields[26], fields[27], fields[28], fields[29]) = (code, code, root, quad)
                        out += fields.joined(separator: "\t") + "\n"
                        id += 1
                    }
                }
            }
        }
        let url = folder.appendingPathComponent(name)
        try out.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// A text whose sentences each relate a C5 state and a partner, on several issues, in different years.
    static func documentText(sentences: Int) -> String {
        let templates = [
            "%@ and %@ signed an agreement on water cooperation in %d.",
            "In %3$d the presidents of %1$@ and %2$@ held talks on trade and investment.",
            "%@ accused %@ of violating the border in %d.",
            "%@ and %@ agreed in %d to build a railway between them.",
        ]
        return (0..<sentences).map { index in
            let state = focus[index % focus.count].1, partner = partners[(index / focus.count) % partners.count].1
            let template = templates[(index / (focus.count * partners.count)) % templates.count]
            return String(format: template, state, partner, 1991 + index % 34)
        }.joined(separator: " ")
    }

    /// A fact file of `count` cooperation facts, each between every C5 state and every partner on six issues: enough rows that
    /// the store's write lasts long enough to be seen from outside on a busy machine.
    static func factFile(count: Int) -> String {
        let a = focus.map(\.0).joined(separator: ", "), b = partners.map(\.0).joined(separator: ", ")
        return "facts:\n" + (0..<count).map { index in
            """
              - id: crash-test-\(index)
                kind: agreement
                a: [\(a)]
                b: [\(b)]
                issues: [economy.trade, economy.investment, economy.connectivity, resources.energy, political.dialogue, society.culture]
                polarity: cooperation
                start: \(String(format: "%04d-%02d-%02d", 1990 + index / 336, index / 28 % 12 + 1, index % 28 + 1))
                citations:
                  - title: Trade agreement \(index)
                    publisher: Ministry of Foreign Affairs
                    address: https://mfa.example.org/agreements/\(index)
                    locator: paragraph 1
                    summary: Kazakhstan and Japan, with their neighbours and partners, signed trade agreement number \(index).

            """
        }.joined()
    }
}

/// `diplomap serve` on a free port with the write token `t`, and a client of it (curl).
final class ServerUnderTest: @unchecked Sendable {
    private var process: Process?
    private var client: Process?
    private var port = 0
    /// The test's folder, where the bodies of posts are written.
    private var folder: URL?

    /// Starts the server and waits until it answers.
    @discardableResult
    func start(cli: CommandLineTests, db: String) throws -> Process {
        port = Self.freePort()
        folder = cli.folder
        let process = try cli.start(["serve", "--port", String(port), "--db", db, "--token", "t", "--log-level", "warning"])
        self.process = process
        for _ in 0..<600 where process.isRunning {
            if curl(["-fsS", "-o", "/dev/null", "http://127.0.0.1:\(port)/api/v1/issues"]).terminationStatus == 0 { return process }
            Thread.sleep(forTimeInterval: 0.2)
        }
        throw ServerError("the server on port \(port) did not answer")
    }

    /// Whether the client `postInBackground` started has ended.
    var clientEnded: Bool { client.map { !$0.isRunning } ?? false }

    /// Posts a fact file and checks the status.
    func post(facts: String, expect status: Int) throws {
        let client = try postingClient(facts, output: Pipe())
        // Read before waiting: an answer larger than the pipe holds would stop the client.
        let out = String(decoding: (client.standardOutput as! Pipe).fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        client.waitUntilExit()
        try #require(out.hasSuffix("\(status)"), "POST /facts: \(out)")
    }

    /// Starts posting a fact file and returns at once.
    func postInBackground(facts: String) throws {
        client = try postingClient(facts, output: FileHandle.nullDevice)
    }

    /// Stops the server (SIGTERM: it finishes what is in flight) and the client, if still running.
    func stop() {
        for process in [client, process].compactMap({ $0 }) where process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        client = nil
        process = nil
    }

    private func postingClient(_ facts: String, output: Any) throws -> Process {
        let body = try #require(folder, "a post before the server started").appendingPathComponent("facts-\(UUID().uuidString).yaml")
        try facts.write(to: body, atomically: true, encoding: .utf8)
        return try launchCurl([
            "-sS", "-w", "%{http_code}", "-H", "Authorization: Bearer t", "--data-binary", "@\(body.path)",
            "http://127.0.0.1:\(port)/api/v1/facts?name=crash.yaml",
        ], output: output)
    }

    private func curl(_ arguments: [String]) -> Process {
        guard let process = try? launchCurl(arguments, output: FileHandle.nullDevice) else { return Process() }
        process.waitUntilExit()
        return process
    }

    private func launchCurl(_ arguments: [String], output: Any) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    private static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    struct ServerError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}

/// A small tmpfs mounted for one test: a disk that fills up.
enum SmallDisk {
    /// Whether this process may mount one (root, or a container that allows it): tried once.
    static let canMount: Bool = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("diplomap-mount-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        guard run("/bin/mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", folder.path]) else { return false }
        return run("/bin/umount", [folder.path])
    }()

    /// Mounts a tmpfs of `bytes` in `folder`, runs `body` on it, unmounts it.
    static func with(bytes: Int, in folder: URL, _ body: (URL) async throws -> Void) async throws {
        let disk = folder.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        try #require(run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(bytes)", "tmpfs", disk.path]))
        defer { _ = run("/bin/umount", [disk.path]) }
        try await body(disk)
    }

    /// Takes all but `leaving` bytes of the disk mounted at `disk` with one file, whose removal frees them again.
    static func fill(_ disk: URL, leaving: Int) throws -> URL {
        var stats = statvfs()
        try #require(statvfs(disk.path, &stats) == 0)
        let ballast = disk.appendingPathComponent("ballast")
        let fd = open(ballast.path, O_CREAT | O_WRONLY, 0o600)
        try #require(fd >= 0)
        defer { close(fd) }
        try #require(posix_fallocate(fd, 0, off_t(Int(stats.f_bavail) * Int(stats.f_frsize) - leaving)) == 0)
        return ballast
    }

    static func run(_ tool: String, _ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}

/// A throw-away PostgreSQL 15 cluster in a folder of the test's choosing, started and stopped by `.ci/postgres` as CI's is.
enum ThrowAwayCluster {
    private static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(".ci/postgres").path

    /// Whether PostgreSQL 15's server is here: `.ci/postgres` would otherwise install it, which a test should not do.
    static let isInstalled: Bool = {
        let bin = ProcessInfo.processInfo.environment["POSTGRES_BIN"] ?? "/usr/lib/postgresql/15/bin"
        return FileManager.default.isExecutableFile(atPath: bin + "/initdb")
    }()

    /// Starts a cluster in `folder`, runs `body` with its port, and stops it, whether `body` succeeded or not.
    static func with(in folder: URL, _ body: (Int) async throws -> Void) async throws {
        let log = folder.deletingLastPathComponent().appendingPathComponent("postgres.out")
        let (status, output) = try run(["start", folder.path], log: log)
        defer { stop(folder) }
        try #require(status == 0, "\(output)")
        let port = try #require(output.firstMatch(of: /POSTGRES_PORT=(\d+)/).flatMap { Int($0.1) }, "\(output)")
        try await body(port)
    }

    /// Stops the cluster in `folder` (fast: its connections are ended, their transactions rolled back).
    static func stop(_ folder: URL) {
        _ = try? run(["stop", folder.path], log: folder.deletingLastPathComponent().appendingPathComponent("postgres.out"))
    }

    /// Waits until a connection of the cluster runs `COPY` (true), or `waiting` says to stop looking (false).
    static func waitForCopy(port: Int, while waiting: () -> Bool) async throws -> Bool {
        try await withConnection(port: port) { connection, logger in
            while waiting() {
                let rows = try await connection.query(
                    "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query ILIKE 'COPY%'", logger: logger)
                for try await count in rows.decode(Int.self) where count > 0 { return true }
                try await Task.sleep(for: .milliseconds(1))
            }
            return false
        }
    }

    /// Ends the cluster's WAL segment and checkpoints, so that the WAL has a segment of room already on disk: an import
    /// then fills the data files first and fails with SQLSTATE 53100. (A WAL segment the server cannot create makes its
    /// WAL writer panic, which stops the whole server.)
    static func startNewWALSegment(port: Int) async throws {
        try await withConnection(port: port) { connection, logger in
            try await connection.query("SELECT pg_switch_wal()", logger: logger)
            try await connection.query("CHECKPOINT", logger: logger)
        }
    }

    /// Runs `body` on a connection to the cluster's `postgres` database, closed afterwards.
    private static func withConnection<T>(port: Int, _ body: (PostgresConnection, Logger) async throws -> T) async throws -> T {
        let configuration = PostgresConnection.Configuration(
            host: "127.0.0.1", port: port, username: "diplomap", password: nil, database: "postgres", tls: .disable)
        let logger = Logger(label: "diplomap.tests")
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 3, logger: logger)
        do {
            let value = try await body(connection, logger)
            try await connection.close()
            return value
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// Runs `.ci/postgres` with `arguments` and returns its exit status and output, kept in `log`.
    ///
    /// Spawned directly rather than with Foundation's `Process`, which hands its child a socket to learn of its exit:
    /// the server the script starts inherits it, and waiting for the script would last as long as the server.
    private static func run(_ arguments: [String], log: URL) throws -> (Int32, String) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, log.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([script] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        try #require(posix_spawn(&pid, script, &actions, nil, argv, environ) == 0)
        var status: Int32 = 0
        try #require(waitpid(pid, &status, 0) == pid)
        return (status, (try? String(contentsOf: log, encoding: .utf8)) ?? "")
    }
}
