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

/// Runs `body`, and every task it starts in structured concurrency (a live server's connections and services, its test
/// client), on threads of their own rather than on Swift's cooperative pool.
///
/// The whole test run shares the pool's few threads (one per core) and starts every test at once, so a request to a
/// server on loopback waits behind every test queued before it: on a two-core machine a status request once waited
/// more than the test client's 20 seconds. A test that asks how fast its server answers runs it here.
public func onOwnThreads<Value: Sendable>(_ count: Int = 2, _ body: () async throws -> Value) async throws -> Value {
    let executor = ThreadExecutor(threads: count)
    defer { executor.stop() }
    return try await withTaskExecutorPreference(executor, operation: body)
}

/// A task executor backed by threads of its own, which take the jobs enqueued on it first come, first served, until stopped.
final class ThreadExecutor: TaskExecutor, @unchecked Sendable {
    /// Guards `jobs` and `stopped`; its condition wakes a waiting thread.
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var stopped = false

    init(threads: Int) {
        for index in 0..<threads {
            let thread = Thread { [self] in work() }
            thread.name = "test executor \(index)"
            thread.start()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Lets the threads end once the jobs enqueued so far have run.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    private func work() {
        while true {
            condition.lock()
            while jobs.isEmpty && !stopped { condition.wait() }
            if jobs.isEmpty {
                condition.unlock()
                return
            }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
