import DiplomapCore
@testable import DiplomapWorkspace
import Logging
import Testing

/// The vote data is read by the first to ask; whoever asks during the read gets the same data once it is read.
struct VoteDataLoaderTests {
    @Test func everyoneAskingDuringTheReadGetsTheData() async throws {
        let loader = VoteDataLoader(registry: try WorkspaceTests.registry.get(), logger: Logger(label: "diplomap.workspace.tests"))
        #expect(!loader.isRead)
        // Tasks of their own and a time limit, so that an asker left waiting fails the test instead of hanging it.
        let (answers, answer) = AsyncStream.makeStream(of: Int?.self)
        for _ in 0..<4 { Task { answer.yield(await loader.data()?.rollCalls.count) } }
        let timeLimit = Task {
            try? await Task.sleep(for: .seconds(60))
            answer.finish()
        }
        var rollCalls: [Int?] = []
        for await count in answers {
            rollCalls.append(count)
            if rollCalls.count == 4 { break }
        }
        timeLimit.cancel()
        #expect(loader.isRead)
        #expect(rollCalls.count == 4 && Set(rollCalls).count == 1 && (rollCalls.first.flatMap { $0 } ?? 0) > 5000)
    }
}
