import DiplomapFeed
import DiplomapTestSupport
import Foundation
import Logging
import Testing

/// Downloads from a mirror on loopback: a good file, a slow one, one listed with a wrong MD5, one the server holds only
/// half of, and one missing.
struct FeedFetchTests {
    /// The test's cache folder, removed after it.
    let temporary = TemporaryFolder("diplomap-feed")

    static let good = "20240101000000.export.CSV.zip"
    static let slow = "20240101001500.export.CSV.zip"
    static let wrongMD5 = "20240101003000.export.CSV.zip"
    static let truncated = "20240101004500.export.CSV.zip"
    static let missing = "20240101010000.export.CSV.zip"
    static let latest = "20240101011500.export.CSV.zip"

    static func fetcher(_ base: URL, cache: URL) -> FeedFetcher {
        var logger = Logger(label: "diplomap.feed.tests")
        logger.logLevel = .warning
        return FeedFetcher(
            dataset: .gdelt2, base: base, cache: cache, options: FetchOptions(connections: 4, attempts: 3, backoff: .milliseconds(10), timeout: .seconds(20)),
            logger: logger
        )
    }

    @Test func theIndexKeepsEventFilesAndReportsBadLines() async throws {
        let mirror = try FixtureMirror()
        let index = try await mirror.serve { base in try await Self.fetcher(base, cache: temporary.file("cache")).index() }
        #expect(index.files.map(\.name) == [Self.good, Self.slow, Self.wrongMD5, Self.truncated, Self.missing, Self.latest])
        #expect(index.files.allSatisfy { $0.url.host == "127.0.0.1" && $0.url.path.hasPrefix("/gdeltv2/") })
        #expect(index.problems == ["gdeltv2/masterfilelist.txt:7: expected size, MD5 and address, found 1 fields"])
    }

    @Test func eachFileIsVerifiedAndTheBadOnesReported() async throws {
        let mirror = try FixtureMirror(slow: [Self.slow])
        let cache = temporary.file("cache")
        let (first, second) = try await mirror.serve { base in
            let fetcher = Self.fetcher(base, cache: cache)
            let files = try await fetcher.index().files
            return (try await fetcher.fetch(files), try await fetcher.fetch(files))
        }
        let outcomes = Dictionary(uniqueKeysWithValues: first.map { ($0.file.name, $0.outcome) })
        #expect(outcomes[Self.good] == .downloaded)
        #expect(outcomes[Self.slow] == .downloaded)
        #expect(outcomes[Self.latest] == .downloaded)
        #expect(outcomes[Self.missing] == .failed(.missing(status: 404)))
        guard case .failed(.checksum) = outcomes[Self.wrongMD5] else { Issue.record("wrong MD5 not caught: \(String(describing: outcomes[Self.wrongMD5]))"); return }
        guard case .failed(.truncated(let received, let expected)) = outcomes[Self.truncated] else { Issue.record("truncation not caught"); return }
        #expect(received < expected)
        let cached = Set(try FileManager.default.contentsOfDirectory(atPath: cache.path))
        #expect(cached.isSuperset(of: [Self.good, Self.slow, Self.latest]))
        #expect(!cached.contains(Self.wrongMD5) && !cached.contains(Self.wrongMD5 + ".part"))
        #expect(!cached.contains(Self.truncated))

        // The second fetch finds the good files verified in the cache and asks the mirror for them no more.
        #expect(second.filter { $0.outcome == .alreadyVerified }.map(\.file.name).sorted() == [Self.good, Self.slow, Self.latest])
        #expect(mirror.requests.filter { $0.path.hasSuffix(Self.good) }.count == 1)
    }

    @Test func aPartialDownloadResumesWithARange() async throws {
        let mirror = try FixtureMirror()
        let cache = temporary.file("cache")
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        let whole = try Data(contentsOf: mirror.folder.appendingPathComponent("gdeltv2/" + Self.good))
        try whole.prefix(10_000).write(to: cache.appendingPathComponent(Self.good + ".part"))
        let results = try await mirror.serve { base in
            let fetcher = Self.fetcher(base, cache: cache)
            return try await fetcher.fetch(try await fetcher.index().files.filter { $0.name == Self.good })
        }
        #expect(results.map(\.outcome) == [.downloaded])
        #expect(mirror.requests.last == .init(path: "/gdeltv2/" + Self.good, range: "bytes=10000-"))
        #expect(try Data(contentsOf: cache.appendingPathComponent(Self.good)) == whole)
    }

    @Test(arguments: [
        ("2024-01-01T00:30", nil, ["20240101003000", "20240101004500", "20240101010000", "20240101011500"]),
        (nil, "20240101001500", ["20240101000000", "20240101001500"]),
        ("2024-01-01", "2024-01-01", ["20240101000000", "20240101001500", "20240101003000", "20240101004500", "20240101010000", "20240101011500"]),
    ] as [(String?, String?, [String])])
    func thePeriodKeepsFilesByTheTimeInTheirNames(since: String?, until: String?, stamps: [String]) throws {
        let base = try #require(URL(string: "http://mirror.example/"))
        let text = try String(contentsOf: FixtureMirror().folder.appendingPathComponent("gdeltv2/masterfilelist.txt"), encoding: .utf8)
        let period = try FeedPeriod(since: since, until: until)
        #expect(FeedIndex.gdelt2(text, index: "list", base: base).files.filter(period.contains).map(\.stamp) == stamps)
    }

    @Test func aPeriodThatEndsBeforeItStartsIsRefused() {
        #expect(throws: FeedError.self) { try FeedPeriod(since: "2024-02", until: "2024-01") }
        #expect(throws: FeedError.self) { try FeedPeriod(since: "1st of May") }
    }

    @Test func gdelt1IndexesAreJoinedByName() throws {
        let base = try #require(URL(string: "http://mirror.example/"))
        let index = FeedIndex.gdelt1(
            md5sums: "0123456789abcdef0123456789abcdef  20130401.export.CSV.zip\n0123456789abcdef0123456789abcdee  1979.zip\nnot-a-sum  20130402.export.CSV.zip\n",
            filesizes: "1000 20130401.export.CSV.zip\n2000 1979.zip\n3000 20130402.export.CSV.zip\n", base: base
        )
        #expect(index.files.map(\.url.absoluteString) == ["http://mirror.example/events/1979.zip", "http://mirror.example/events/20130401.export.CSV.zip"])
        #expect(index.files.map(\.size) == [2000, 1000])
        #expect(index.problems.count == 1)
    }
}
