import DiplomapCore
import DiplomapWeb
import DiplomapWorkspace
import Foundation
import Hummingbird
import Logging
import NIOCore

/// The request context of every route: the API's and the pages'.
public typealias ServerContext = BasicRequestContext

/// Builds the server: opens the store, and routes `/api/v1` and the pages behind request logging and errors.
///
/// Run it with `runService()`, which stops cleanly on SIGINT and SIGTERM; tests call it with port 0.
/// `onServerRunning` receives the port the server listens on, once it does.
public func buildApplication(
    _ configuration: ServerConfiguration, logger: Logger,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) async throws -> some ApplicationProtocol {
    let workspace = try await Workspace.open(path: configuration.storePath)
    let router = try buildRouter(configuration, workspace: workspace, logger: logger)
    return Application(
        router: router,
        configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port), serverName: "diplomap"),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger
    )
}

/// The router: request logging outermost, then JSON errors, then the API under `/api/v1`, then the pages.
func buildRouter(_ configuration: ServerConfiguration, workspace: Workspace, logger: Logger) throws -> Router<ServerContext> {
    let router = Router(context: ServerContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: ErrorMiddleware(bodyLimit: configuration.bodyLimit))

    guard let openAPIFile = Bundle.module.url(forResource: "openapi", withExtension: "json") else {
        throw WorkspaceError("the OpenAPI document is missing from the server's resources")
    }
    let boundaries = try Workspace.boundaries()
    let service = MapService(workspace: workspace, boundaries: boundaries)
    let routes = RouteTable(router.group("api/v1"))
    try CatalogController(registry: workspace.registry, openAPI: Array(try Data(contentsOf: openAPIFile))).addRoutes(to: routes)
    MapController(service: service).addRoutes(to: routes)
    let votes = VoteDataLoader(registry: workspace.registry, logger: logger)
    VotesController(registry: workspace.registry, votes: votes).addRoutes(to: routes)
    WriteController(
        service: service, mapper: try Workspace.documentMapper(registry: workspace.registry),
        token: configuration.token, bodyLimit: configuration.bodyLimit
    ).addRoutes(to: routes)
    routes.addMethodNotAllowed()

    PageController(site: WebSite(workspace: workspace, boundaries: boundaries, votes: votes, logger: logger)).addRoutes(to: router)
    return router
}
