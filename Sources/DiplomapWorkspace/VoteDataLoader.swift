import DiplomapCore
import DiplomapVotes
import Logging
import Synchronization

/// The embedded UN vote data, read once in the background from the first time it is asked for.
///
/// Reading takes seconds; a server starts it when it starts (`startLoading()`), and its pages' agreement charts
/// and its API wait on the same read without blocking a thread. A command that never charts never reads it.
public final class VoteDataLoader: Sendable {
    private let registry: CountryRegistry
    private let logger: Logger
    private let task = Mutex<Task<VoteData?, Never>?>(nil)

    public init(registry: CountryRegistry, logger: Logger) {
        self.registry = registry
        self.logger = logger
    }

    /// Starts reading, unless it has started.
    @discardableResult
    public func startLoading() -> Task<VoteData?, Never> {
        task.withLock { task in
            if let task { return task }
            let registry = registry, logger = logger
            let started = Task.detached(priority: .utility) { () -> VoteData? in
                do {
                    return try VoteImport.defaultData(registry: registry)
                } catch {
                    logger.error("cannot read the UN vote data; agreement charts and measures are unavailable", metadata: ["error": "\(error)"])
                    return nil
                }
            }
            task = started
            return started
        }
    }

    /// The data once read; `nil` when it could not be read (the error was logged once).
    public func data() async -> VoteData? {
        await startLoading().value
    }
}
