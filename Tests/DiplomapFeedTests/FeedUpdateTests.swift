import DiplomapCore
import DiplomapEvents
import DiplomapFeed
import DiplomapTestSupport
import DiplomapWorkspace
import Foundation
import Testing

/// `events update` against the loopback mirror: the good files imported once each, the bad ones reported and never
/// imported, a second run changing nothing, and a stopped run taken up where it stopped.
struct FeedUpdateTests {
    /// The test's cache folder, removed after it.
    let temporary = TemporaryFolder("diplomap-feed")

    static let options = EventScanOptions(focus: FocusCodes(["KAZ", "KGZ", "TJK", "TKM", "UZB"]))
    static let day = try! FeedPeriod(since: "2024-01-01", until: "2024-01-01")

    static func withWorkspace<T: Sendable>(_ body: (Workspace) async throws -> T) async throws -> T {
        try await StoreKind.sqlite.withStore { store in try await body(Workspace(registry: try Workspace.registry(), store: store)) }
    }

    static func feedSources(_ workspace: Workspace) async throws -> [StoredSource] {
        try await workspace.sources().filter { $0.source.id.hasPrefix("events/gdelt2/") }
    }

    @Test func theGoodFilesAreImportedOnceAndTheBadOnesReported() async throws {
        let mirror = try FixtureMirror(slow: [FeedFetchTests.slow])
        try await Self.withWorkspace { (workspace: Workspace) async throws -> Void in
            let cache = temporary.file("cache")
            let update: @Sendable (FeedPeriod?) async throws -> FeedUpdateReport = { period in
                try await mirror.serve { base in
                    try await workspace.updateEvents(from: FeedFetchTests.fetcher(base, cache: cache), period: period, options: Self.options, settings: "--focus C5")
                }
            }
            let first = try await update(Self.day)
            let second = try await update(Self.day)
            let third = try await update(nil)
            #expect(first.imported.map(\.file) == [FeedFetchTests.good, FeedFetchTests.slow, FeedFetchTests.latest])
            #expect(first.imported.allSatisfy { $0.rows > 0 })
            #expect(first.failed.map(\.file) == [FeedFetchTests.wrongMD5, FeedFetchTests.truncated, FeedFetchTests.missing])
            let sources = try await Self.feedSources(workspace)
            #expect(sources.map(\.source.id) == [FeedFetchTests.good, FeedFetchTests.slow, FeedFetchTests.latest].map { "events/gdelt2/\($0)" })
            let ledger = try await workspace.imports().filter { $0.sourceID.hasPrefix("events/gdelt2/") }
            #expect(ledger.map { $0.files.map(\.name) } == [[FeedFetchTests.good], [FeedFetchTests.slow], [FeedFetchTests.latest]])
            #expect(ledger.allSatisfy { $0.outcome == .imported && $0.files[0].sha256.count == 64 && $0.files[0].bytes > 0 })
            // Each file's MD5 in the ledger is the one the feed's index gave for it.
            let listed = Dictionary(uniqueKeysWithValues: first.fetched.map { ($0.file.name, $0.file.md5) })
            #expect(ledger.allSatisfy { $0.files[0].md5 != nil && $0.files[0].md5 == listed[$0.files[0].name] })

            // Again over the same day: the imported files are neither fetched nor imported; the bad ones are tried and reported again.
            #expect(second.imported.isEmpty)
            #expect(second.failed.map(\.file) == first.failed.map(\.file))
            #expect(try await Self.feedSources(workspace).map(\.rowCount) == sources.map(\.rowCount))
            #expect(mirror.requests.filter { $0.path.hasSuffix(FeedFetchTests.good) }.count == 1)

            // Without a period: the newest file is imported, so only lastupdate.txt is read.
            #expect(third.fetched.isEmpty && third.imported.isEmpty)
            #expect(mirror.requests.last?.path == "/gdeltv2/lastupdate.txt")
        }
    }

    @Test func aFileWhoseMD5IsInTheLedgerIsNeitherFetchedNorImported() async throws {
        let mirror = try FixtureMirror()
        try await Self.withWorkspace { (workspace: Workspace) async throws -> Void in
            // The good file's bytes, imported by hand under a source of their own: the ledger holds its MD5.
            let byHand = mirror.folder.appendingPathComponent("gdeltv2/\(FeedFetchTests.good)").path
            let (aggregate, scan) = try await workspace.scanEvents([byHand], options: Self.options)
            let record = try await workspace.importEvents(aggregate, report: scan, files: [byHand], source: "events/by-hand")
            let listed = try #require(FeedIndex.gdelt2(
                try String(contentsOf: mirror.folder.appendingPathComponent("gdeltv2/masterfilelist.txt"), encoding: .utf8), index: "masterfilelist.txt",
                base: URL(string: "http://mirror/")!
            ).files.first { $0.name == FeedFetchTests.good })
            #expect(record.files.map(\.md5) == [listed.md5])

            let cache = temporary.file("cache")
            let report = try await mirror.serve { base in
                try await workspace.updateEvents(from: FeedFetchTests.fetcher(base, cache: cache), period: Self.day, options: Self.options)
            }
            #expect(report.alreadyImported.map(\.name) == [FeedFetchTests.good])
            #expect(report.imported.map(\.file) == [FeedFetchTests.slow, FeedFetchTests.latest])
            #expect(!mirror.requests.contains { $0.path.hasSuffix(FeedFetchTests.good) })
            #expect(!FileManager.default.fileExists(atPath: cache.appendingPathComponent(FeedFetchTests.good).path))
            #expect(try await Self.feedSources(workspace).map(\.source.id) == [FeedFetchTests.slow, FeedFetchTests.latest].map { "events/gdelt2/\($0)" })
        }
    }

    @Test func aStoppedUpdateIsTakenUpWhereItStopped() async throws {
        let mirror = try FixtureMirror(stalled: [FeedFetchTests.good])
        let cache = temporary.file("cache")
        let part = cache.appendingPathComponent(FeedFetchTests.good + ".part")
        try await Self.withWorkspace { (workspace: Workspace) async throws -> Void in
            let report: FeedUpdateReport = try await mirror.serve { base in
                let fetcher = FeedFetchTests.fetcher(base, cache: cache)
                let stopped = Task { try await workspace.updateEvents(from: fetcher, period: Self.day, options: Self.options) }
                // Stopped once the stalled file is partly written and a file beside it is whole, however slow the machine.
                let whole = cache.appendingPathComponent(FeedFetchTests.latest).path
                let deadline = ContinuousClock.now + .seconds(600)
                while ((try? FileManager.default.attributesOfItem(atPath: part.path)[.size] as? Int) ?? 0) < 10_000
                    || !FileManager.default.fileExists(atPath: whole) {
                    try #require(ContinuousClock.now < deadline, "the update never reached the stalled file's middle")
                    try await Task.sleep(for: .milliseconds(10))
                }
                stopped.cancel()
                _ = await stopped.result
                #expect(try await Self.feedSources(workspace).isEmpty)
                mirror.release()
                return try await workspace.updateEvents(from: fetcher, period: Self.day, options: Self.options)
            }
            let resumed = try #require(mirror.requests.last { $0.path.hasSuffix(FeedFetchTests.good) })
            #expect(resumed.range?.hasPrefix("bytes=") == true && resumed.range != "bytes=0-")
            #expect(report.imported.map(\.file) == [FeedFetchTests.good, FeedFetchTests.slow, FeedFetchTests.latest])
            #expect(report.fetched.filter { $0.outcome == .alreadyVerified }.count >= 1)
        }
    }
}
