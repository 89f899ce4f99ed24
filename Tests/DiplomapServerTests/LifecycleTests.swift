import DiplomapCore
import DiplomapServer
@testable import DiplomapWorkspace
import Foundation
import HummingbirdTesting
import Logging
import Testing

/// The workspace's work while the server runs: services of the application that start and stop with it.
@Suite struct LifecycleTests {
    let logger: Logger = {
        var logger = Logger(label: "diplomap.server.tests")
        logger.logLevel = .warning
        return logger
    }()

    /// A fact of `a` and `b` on water, in a source of its own.
    func write(_ id: String, _ a: String, _ b: String, to workspace: Workspace) async throws {
        let evidence = Evidence(kind: .fact, a: a, b: b, issue: .water, polarity: .cooperation, period: Period(start: PartialDate("2019")!),
                                citation: Citation(title: id, address: "https://example.org/\(id)"))
        try await workspace.replace(EvidenceSource(id: id, kind: .fact, name: id, sha256: String(repeating: "a", count: 64)), with: [evidence])
    }

    @Test func anotherServersWriteReachesTheMapsWhileTheServerRunsAndIsNoLongerWatchedOnceItStops() async throws {
        let path = try await TestStore.fresh()
        let served = try await Workspace.open(path: path), other = try await Workspace.open(path: path)
        let configuration = ServerConfiguration(host: "127.0.0.1", port: 0, changeCheckInterval: .milliseconds(20))
        let app = try await buildApplication(configuration, workspace: served, logger: logger)
        let uri = "/api/v1/map?focus=TKM&partners=KOR&issues=resources.water&kinds=fact"
        try await app.test(.live) { client in
            let before = try await client.execute(uri: uri, method: .get) { $0.object["cells"] as? [[String: Any]] }
            #expect(before?.isEmpty == true)
            try await write("other", "TKM", "KOR", to: other)
            // The cached map is dropped once the watcher sees the other workspace's write.
            var cells = before ?? []
            let deadline = ContinuousClock.now + .seconds(10)
            while cells.isEmpty, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
                cells = try await client.execute(uri: uri, method: .get) { $0.object["cells"] as? [[String: Any]] } ?? []
            }
            #expect(cells.count == 1)
        }
        // Stopped with the server: the watcher looks no more, and a later write leaves the cached maps as they were.
        let stopped = served.generation
        try await write("later", "TKM", "KOR", to: other)
        try await Task.sleep(for: .milliseconds(300))
        #expect(served.generation == stopped)
        await served.close()
        await other.close()
    }

    @Test func theVoteDataIsReadAsTheServerStartsWithoutARequestAskingForIt() async throws {
        let workspace = try await Workspace.open(path: try await TestStore.fresh())
        let app = try await buildApplication(ServerConfiguration(host: "127.0.0.1", port: 0), workspace: workspace, logger: logger)
        #expect(!workspace.votes.isRead)
        try await app.test(.live) { _ in
            let deadline = ContinuousClock.now + .seconds(30)
            while !workspace.votes.isRead, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
            #expect(workspace.votes.isRead)
        }
        #expect(await workspace.votes.data() != nil)
        await workspace.close()
    }
}
