import DiplomapCore
import DiplomapWorkspace
import Hummingbird

/// `/sources`: the store's import ledger, every import with its files, counts and outcome, oldest first.
struct SourcesController<Context: RequestContext>: Sendable {
    let workspace: Workspace

    func addRoutes(to routes: RouteTable<Context>) {
        routes.on("sources", .get) { request, _ in
            let source = try QueryParameters(request).nonEmpty("source")
            let imports = try await workspace.imports().filter { source == nil || $0.sourceID == source }
            return try Representation(json: imports).response(to: request)
        }
    }
}
