import DiplomapCore
import DiplomapVotes
import Logging

/// The embedded UN vote data, read once in the background from the moment it is made.
///
/// Reading takes seconds; a server makes one loader at start, and its pages'
/// agreement charts and its API wait on the same read without blocking a thread.
public struct VoteDataLoader: Sendable {
    private let task: Task<VoteData?, Never>

    public init(registry: CountryRegistry, logger: Logger) {
        task = Task.detached(priority: .utility) {
            do {
                return try VoteImport.defaultData(registry: registry)
            } catch {
                logger.error("cannot read the UN vote data; agreement charts and measures are unavailable", metadata: ["error": "\(error)"])
                return nil
            }
        }
    }

    /// The data once read; `nil` when it could not be read (the error was logged once).
    public func data() async -> VoteData? {
        await task.value
    }
}
