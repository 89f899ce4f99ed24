import DiplomapCore
import DiplomapWeb
import DiplomapWorkspace
import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle

/// The request context of every route: the API's and the pages'.
public typealias ServerContext = BasicRequestContext

/// Builds the server over a workspace: routes `/api/v1` and the pages behind request logging and errors.
///
/// Run it with `runService()`, which stops cleanly on SIGINT and SIGTERM; tests call it with port 0.
/// `onServerRunning` receives the port the server listens on, once it does. While the server runs, as services of the
/// application's lifecycle that stop with it: the vote data is read as it starts, the workspace watches the store for
/// other servers' writes, and with `configuration.following` the GDELT feed is followed.
public func buildApplication(
    _ configuration: ServerConfiguration, workspace: Workspace, logger: Logger,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) async throws -> some ApplicationProtocol {
    let service = MapService(workspace: workspace, boundaries: try Workspace.boundaries())
    let feed = configuration.following.map(FeedFollowState.init)
    let router = try buildRouter(configuration, service: service, feed: feed, logger: logger)
    var services: [any Service] = [
        VoteReadService(votes: workspace.votes), ChangeWatchService(workspace: workspace, every: configuration.changeCheckInterval),
    ]
    if let following = configuration.following, let feed {
        services.append(FeedFollowService(workspace: workspace, following: following, state: feed, logger: logger))
    }
    return Application(
        router: router,
        server: .http1(configuration: HTTP1Channel.Configuration(
            additionalChannelHandlers: [CachedReadHandler(cache: service.cachedBody(for:), serverName: serverName, logger: logger)],
            idleTimeout: TimeAmount(configuration.idleTimeout)
        )),
        configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port), serverName: serverName),
        services: services,
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger
    )
}

/// The name the server gives in its `Server` header.
private let serverName = "diplomap"

/// The router: request logging outermost, then JSON errors, then the limits on a request's size, then the API under `/api/v1`, then the pages.
func buildRouter(_ configuration: ServerConfiguration, service: MapService, feed: FeedFollowState? = nil, logger: Logger) throws -> Router<ServerContext> {
    let workspace = service.workspace
    let router = Router(context: ServerContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: ErrorMiddleware(bodyLimit: configuration.bodyLimit))
    router.add(middleware: RequestLimitMiddleware())

    guard let openAPIFile = Bundle.module.url(forResource: "openapi", withExtension: "json") else {
        throw WorkspaceError("the OpenAPI document is missing from the server's resources")
    }
    let routes = RouteTable(router.group("api/v1"))
    try CatalogController(registry: workspace.registry, openAPI: Array(try Data(contentsOf: openAPIFile))).addRoutes(to: routes)
    MapController(service: service).addRoutes(to: routes)
    SourcesController(workspace: workspace).addRoutes(to: routes)
    VotesController(registry: workspace.registry, votes: workspace.votes).addRoutes(to: routes)
    StatusController(feed: feed).addRoutes(to: routes)
    WriteController(
        service: service, mapper: try Workspace.documentMapper(registry: workspace.registry),
        token: configuration.token, bodyLimit: configuration.bodyLimit
    ).addRoutes(to: routes)
    routes.addMethodNotAllowed()

    PageController(site: WebSite(workspace: workspace, boundaries: service.boundaries, logger: logger)).addRoutes(to: router)
    return router
}
