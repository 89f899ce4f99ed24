import DiplomapCore
import DiplomapVotes
import DiplomapWorkspace

/// The UN vote data, loaded on first use (by the process-wide `VoteImport.defaultData`) without blocking the server's threads.
actor VoteArchive {
    private let registry: CountryRegistry
    private var loading: Task<VoteData, any Error>?

    init(registry: CountryRegistry) {
        self.registry = registry
    }

    /// The embedded vote data; concurrent first callers share one load.
    func data() async throws -> VoteData {
        if let loading { return try await loading.value }
        let registry = registry
        let task = Task.detached { try VoteImport.defaultData(registry: registry) }
        loading = task
        return try await task.value
    }
}
