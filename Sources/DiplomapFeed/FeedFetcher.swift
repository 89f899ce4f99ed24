import AsyncHTTPClient
import DiplomapCore
import Foundation
import Logging
import NIOCore

/// How a fetch behaves on the network.
public struct FetchOptions: Sendable {
    /// The most downloads at once.
    public var connections: Int
    /// Tries per file (and per index) before it is reported as failed.
    public var attempts: Int
    /// The wait before the second try; it doubles for each further try.
    public var backoff: Duration
    /// The longest one request may take, body included.
    public var timeout: Duration

    public init(connections: Int = 4, attempts: Int = 4, backoff: Duration = .seconds(1), timeout: Duration = .seconds(300)) {
        self.connections = max(1, connections)
        self.attempts = max(1, attempts)
        self.backoff = backoff
        self.timeout = timeout
    }
}

/// Reads a GDELT feed's indexes and downloads its event files into a cache folder: each file is checked against the
/// size and MD5 its index gives, an interrupted download resumes where it stopped (HTTP `Range`), a file already in the
/// cache and verified is not downloaded again, and failures are retried with a growing wait.
///
/// A download goes to `name.part` and becomes `name` only once verified, so the cache never holds an unchecked file
/// under its own name.
public struct FeedFetcher: Sendable {
    public let dataset: FeedDataset
    public let base: URL
    public let cache: URL
    public let options: FetchOptions
    let client: HTTPClient
    let logger: Logger

    /// The largest index accepted: GDELT 2.0's full file list is some hundreds of megabytes.
    static let indexLimit = 1 << 30

    public init(dataset: FeedDataset, base: URL = FeedDataset.defaultBaseURL, cache: URL, options: FetchOptions = FetchOptions(), client: HTTPClient = .shared, logger: Logger) {
        self.dataset = dataset
        self.base = base.absoluteString.hasSuffix("/") ? base : base.appendingPathComponent("")
        self.cache = cache
        self.options = options
        self.client = client
        self.logger = logger
    }

    // MARK: Indexes

    /// Every event file the feed has published.
    public func index() async throws -> FeedIndex {
        switch dataset {
        case .gdelt2:
            let path = dataset.masterPaths[0]
            return FeedIndex.gdelt2(try await text(of: path), index: path, base: base)
        case .gdelt1:
            return FeedIndex.gdelt1(md5sums: try await text(of: dataset.masterPaths[0]), filesizes: try await text(of: dataset.masterPaths[1]), base: base)
        }
    }

    /// The newest event file from the feed's short index (GDELT 2.0's `lastupdate.txt`), or `nil` when it has none.
    public func latest() async throws -> FeedFile? {
        guard let path = dataset.lastUpdatePath else { return nil }
        return FeedIndex.gdelt2(try await text(of: path), index: path, base: base).files.last
    }

    /// The text of an index file, tried as often as a download.
    private func text(of path: String) async throws -> String {
        guard let url = URL(string: path, relativeTo: base)?.absoluteURL else { throw FeedError("\(path): not an address under \(base)") }
        var failure = FetchFailure.network("not tried")
        for attempt in 0..<options.attempts {
            if attempt > 0 { try await Task.sleep(for: options.backoff * (1 << (attempt - 1))) }
            do {
                let response = try await client.execute(HTTPClientRequest(url: url.absoluteString), timeout: .init(options.timeout))
                guard response.status.code == 200 else {
                    failure = response.status.code == 404 || response.status.code == 410 ? .missing(status: Int(response.status.code)) : .status(Int(response.status.code))
                    if failure.isRetryable { continue } else { break }
                }
                return String(buffer: try await response.body.collect(upTo: Self.indexLimit))
            } catch {
                try Task.checkCancellation()
                failure = .network(String(describing: error))
            }
        }
        throw FeedError("\(url.absoluteString): \(failure)")
    }

    // MARK: Files

    /// Fetches `files` into the cache, at most `options.connections` at once, and returns what became of each, in the
    /// order given. `onResult` hears of each file as it finishes. Throws only when cancelled; partial downloads stay to resume.
    public func fetch(_ files: [FeedFile], progress: FetchProgress? = nil, onResult: @escaping @Sendable (FetchResult) -> Void = { _ in }) async throws -> [FetchResult] {
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        return try await withThrowingTaskGroup(of: (Int, FetchResult).self) { group in
            var results = [FetchResult?](repeating: nil, count: files.count)
            var next = 0
            func start() {
                let index = next, file = files[index]
                next += 1
                group.addTask {
                    let result = FetchResult(file: file, path: self.path(of: file).path, outcome: try await self.fetch(file, progress: progress))
                    progress?.fileDone()
                    onResult(result)
                    return (index, result)
                }
            }
            while next < min(files.count, options.connections) { start() }
            while let (index, result) = try await group.next() {
                results[index] = result
                if next < files.count { start() }
            }
            return results.map { $0! }
        }
    }

    /// Where a file is kept in the cache once verified.
    public func path(of file: FeedFile) -> URL { cache.appendingPathComponent(file.name) }

    /// One file: already verified, or downloaded (resuming a partial download) and verified, or a failure.
    private func fetch(_ file: FeedFile, progress: FetchProgress?) async throws -> FetchOutcome {
        let final = path(of: file), part = final.appendingPathExtension("part")
        if Self.size(of: final) == file.size, try Checksum.md5(contentsOf: final) == file.md5 {
            progress?.add(bytes: file.size)
            return .alreadyVerified
        }
        try? FileManager.default.removeItem(at: final)
        var failure = FetchFailure.network("not tried")
        for attempt in 0..<options.attempts {
            if attempt > 0 {
                logger.info("retrying", metadata: ["file": "\(file.name)", "attempt": "\(attempt + 1)", "reason": "\(failure)"])
                try await Task.sleep(for: options.backoff * (1 << (attempt - 1)))
            }
            do {
                try await download(file, into: part, progress: progress)
                let received = Self.size(of: part) ?? 0
                guard received == file.size else { throw FetchFailure.truncated(received: received, expected: file.size) }
                let md5 = try Checksum.md5(contentsOf: part)
                guard md5 == file.md5 else {
                    try? FileManager.default.removeItem(at: part)
                    return .failed(.checksum(expected: file.md5, actual: md5))
                }
                try FileManager.default.moveItem(at: part, to: final)
                return .downloaded
            } catch let error as FetchFailure {
                failure = error
                if !error.isRetryable { break }
            } catch {
                try Task.checkCancellation()
                failure = .network(String(describing: error))
            }
        }
        return .failed(failure)
    }

    /// Downloads the rest of `file` into `part`: from the byte after what `part` holds when the server honours the range,
    /// from the start when it answers with the whole file.
    private func download(_ file: FeedFile, into part: URL, progress: FetchProgress?) async throws {
        var offset = Self.size(of: part) ?? 0
        if offset > file.size {
            try? FileManager.default.removeItem(at: part)
            offset = 0
        }
        var request = HTTPClientRequest(url: file.url.absoluteString)
        if offset > 0 { request.headers.add(name: "Range", value: "bytes=\(offset)-") }
        let response = try await client.execute(request, timeout: .init(options.timeout))
        switch response.status.code {
        case 200:
            offset = 0
        case 206 where response.headers.first(name: "Content-Range")?.hasPrefix("bytes \(offset)-") == true:
            break
        case 206, 416:
            // A range other than the one asked for, or none the server can send: start again from the first byte.
            try? FileManager.default.removeItem(at: part)
            throw FetchFailure.truncated(received: offset, expected: file.size)
        case 404, 410:
            throw FetchFailure.missing(status: Int(response.status.code))
        default:
            throw FetchFailure.status(Int(response.status.code))
        }
        if offset == 0 { _ = FileManager.default.createFile(atPath: part.path, contents: nil) }
        let handle = try FileHandle(forWritingTo: part)
        defer { try? handle.close() }
        try handle.truncate(atOffset: UInt64(offset))
        var written = offset
        for try await buffer in response.body {
            written += buffer.readableBytes
            guard written <= file.size else {
                try? FileManager.default.removeItem(at: part)
                throw FetchFailure.oversized(expected: file.size)
            }
            try buffer.withUnsafeReadableBytes { try handle.write(contentsOf: $0) }
            progress?.add(bytes: buffer.readableBytes)
        }
    }

    private static func size(of url: URL) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue
    }
}

extension TimeAmount {
    /// A Swift duration as NIO's time amount.
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
