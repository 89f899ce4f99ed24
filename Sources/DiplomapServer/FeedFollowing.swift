import DiplomapEvents
import DiplomapFeed
import DiplomapWorkspace
import Foundation
import Logging
import ServiceLifecycle
import NIOConcurrencyHelpers

/// What the server follows of the GDELT feed: where from, which events it keeps, how often it looks.
public struct FeedFollowing: Sendable {
    public var fetcher: FeedFetcher
    public var options: EventScanOptions
    /// The settings the ledger records with each import, such as the focus.
    public var settings: String
    public var every: Duration

    public init(fetcher: FeedFetcher, options: EventScanOptions, settings: String = "", every: Duration) {
        self.fetcher = fetcher
        self.options = options
        self.settings = settings
        self.every = every
    }
}

/// The state of the feed's updates, for `GET /api/v1/status`.
final class FeedFollowState: Sendable {
    private let state: NIOLockedValueBox<FeedStatusBody>

    init(_ following: FeedFollowing) {
        state = NIOLockedValueBox(FeedStatusBody(
            dataset: following.fetcher.dataset.rawValue, base: following.fetcher.base.absoluteString,
            every: Int(following.every.components.seconds)
        ))
    }

    var current: FeedStatusBody { state.withLockedValue { $0 } }

    func started() {
        state.withLockedValue {
            $0.running = true
            $0.lastAttempt = UTCTime.format(time(nil), "%Y-%m-%dT%H:%M:%SZ")
        }
    }

    /// An update ran to its end: its newest file, and the files it could not fetch or read as the last error (or none).
    func finished(_ report: FeedUpdateReport) {
        let bad = (report.failed + report.unreadable).map { "\($0.file): \($0.reason)" }
        state.withLockedValue {
            $0.running = false
            $0.lastSuccess = $0.lastAttempt
            $0.filesImported += report.imported.count
            if let newest = report.imported.last?.file { $0.lastFile = newest }
            $0.lastError = bad.isEmpty ? nil : bad.joined(separator: "; ")
        }
    }

    func failed(_ error: any Error) {
        state.withLockedValue {
            $0.running = false
            $0.lastError = String(describing: error)
        }
    }
}

/// Follows the GDELT feed while the server runs: an update when it starts and every `every` after, stopped by the
/// server's graceful shutdown. Each imported file drops the cached maps (through the workspace's writes), so the next
/// request sees it.
struct FeedFollowService: Service {
    let workspace: Workspace
    let following: FeedFollowing
    let state: FeedFollowState
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await update()
                try? await Task.sleep(for: following.every)
            }
        }
    }

    private func update() async {
        state.started()
        do {
            let report = try await workspace.updateEvents(from: following.fetcher, options: following.options, settings: following.settings)
            state.finished(report)
            if !report.imported.isEmpty {
                logger.info("imported from the feed", metadata: ["files": "\(report.imported.count)", "newest": "\(report.imported.last?.file ?? "")"])
            }
            for (file, reason) in report.failed + report.unreadable {
                logger.warning("feed file not imported", metadata: ["file": "\(file)", "reason": "\(reason)"])
            }
        } catch is CancellationError {
            state.failed(CancellationError())
        } catch {
            state.failed(error)
            logger.error("feed update failed", metadata: ["error": "\(error)"])
        }
    }
}

/// `GET /api/v1/status`: the server's feed, when it follows one.
struct StatusBody: Encodable, Sendable {
    var feed: FeedStatusBody?

    /// Writes `feed` as `null` when there is none, as the OpenAPI document promises.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(feed, forKey: .feed)
    }

    private enum CodingKeys: String, CodingKey { case feed }
}

/// The state of the feed's updates: times in UTC as ISO 8601, `null` until they happen.
struct FeedStatusBody: Encodable, Sendable {
    var dataset: String
    var base: String
    /// Seconds between updates.
    var every: Int
    var running = false
    var lastFile: String?
    var lastAttempt: String?
    var lastSuccess: String?
    var lastError: String?
    var filesImported = 0

    init(dataset: String, base: String, every: Int) {
        self.dataset = dataset
        self.base = base
        self.every = every
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(dataset, forKey: .dataset)
        try container.encode(base, forKey: .base)
        try container.encode(every, forKey: .every)
        try container.encode(running, forKey: .running)
        try container.encode(lastFile, forKey: .lastFile)
        try container.encode(lastAttempt, forKey: .lastAttempt)
        try container.encode(lastSuccess, forKey: .lastSuccess)
        try container.encode(lastError, forKey: .lastError)
        try container.encode(filesImported, forKey: .filesImported)
    }

    private enum CodingKeys: String, CodingKey {
        case dataset, base, every, running, lastFile, lastAttempt, lastSuccess, lastError, filesImported
    }
}
