import Foundation

/// Runs blocking work (waiting on a child process, fitting a model) on a thread of its own and awaits its result.
///
/// Every test of a run shares the few threads of Swift's cooperative pool (one per core): a test that blocks one of
/// them for minutes, as a model fit or a `diplomap` child process does, starves the servers other tests run on
/// loopback, whose requests then time out on a two-core machine. A thread of its own leaves the pool free.
public func onOwnThread<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}
