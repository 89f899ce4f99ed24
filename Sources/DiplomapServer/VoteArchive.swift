import DiplomapCore
import DiplomapData
import DiplomapVotes
import Logging

/// The UN vote data, loaded on first use and kept for the server's life.
actor VoteArchive {
    private let registry: CountryRegistry
    private let logger: Logger
    private var loading: Task<VoteData, any Error>?

    init(registry: CountryRegistry, logger: Logger) {
        self.registry = registry
        self.logger = logger
    }

    /// The embedded vote data; concurrent first callers share one load.
    func data() async throws -> VoteData {
        if let loading { return try await loading.value }
        let (registry, logger) = (registry, logger)
        let task = Task.detached { try VoteLoader.load(folder: DefaultData.unvotesFolder, registry: registry, logger: logger) }
        loading = task
        return try await task.value
    }
}
