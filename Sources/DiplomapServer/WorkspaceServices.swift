import DiplomapWorkspace
import ServiceLifecycle

/// Reads the UN vote data as the server starts, so that the first agreement chart does not wait seconds for it. A
/// failure is logged once by the loader and the server serves on without charts.
struct VoteReadService: Service {
    let votes: VoteDataLoader

    func run() async {
        _ = await votes.data()
        // Returning would stop the application: the service lasts as long as the server.
        try? await gracefulShutdown()
    }
}

/// Watches the store for other servers' writes, so that this one's cached maps stay true, until the server shuts down.
struct ChangeWatchService: Service {
    let workspace: Workspace
    let every: Duration

    func run() async {
        await cancelWhenGracefulShutdown { [workspace, every] in await workspace.watchForChanges(every: every) }
    }
}
