import DiplomapEvents
import DiplomapFeed
import DiplomapServer
import DiplomapTestSupport
import DiplomapWorkspace
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// `serve --follow-gdelt`: the update runs as a service of the server and its state is at `/api/v1/status`.
struct FeedFollowTests {
    /// The test's cache folder, removed after it.
    let temporary = TemporaryFolder("diplomap-feed")

    @Test func theServerImportsTheNewestFileAndSaysSo() async throws {
        let mirror = try FixtureMirror()
        let logger = { var logger = Logger(label: "diplomap.follow.tests"); logger.logLevel = .critical; return logger }()
        // The server and its client on threads of their own: each answer is timed against the client's 20 seconds, which a
        // status request queued on the shared cooperative pool behind the rest of the test run has overrun.
        try await onOwnThreads {
            try await StoreKind.sqlite.withStore { store in
                let workspace = Workspace(registry: try Workspace.registry(), store: store)
                let generation = workspace.generation
                try await mirror.serve { base in
                    let following = FeedFollowing(
                        fetcher: FeedFetchTests.fetcher(base, cache: temporary.file("cache")), options: FeedUpdateTests.options, every: .seconds(3600)
                    )
                    // A long idle timeout: the test waits on the update, not on the server's timeouts, however busy the machine.
                    let configuration = ServerConfiguration(port: 0, idleTimeout: .seconds(600), following: following)
                    let app = try await buildApplication(configuration, workspace: workspace, logger: logger)
                    try await app.test(.live) { client in
                        var feed: [String: Any] = [:]
                        // Asked until the update ends, however long a loaded machine takes; each answer must still come
                        // within the client's read timeout, since the update must never hold the server up.
                        let deadline = ContinuousClock.now + .seconds(600)
                        while ContinuousClock.now < deadline {
                            feed = try await client.execute(uri: "/api/v1/status", method: .get) { response in
                                let body = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
                                return body?["feed"] as? [String: Any] ?? [:]
                            }
                            if feed["lastSuccess"] is String { break }
                            try await Task.sleep(for: .milliseconds(20))
                        }
                        #expect(feed["lastFile"] as? String == FeedFetchTests.latest)
                        #expect(feed["filesImported"] as? Int == 1)
                        #expect(feed["lastError"] is NSNull)
                        #expect(feed["every"] as? Int == 3600)
                        #expect(feed["running"] as? Bool == false)
                    }
                }
                #expect(try await workspace.importedFeedFiles(.gdelt2) == [FeedFetchTests.latest])
                #expect(workspace.generation > generation)
            }
        }
    }
}
