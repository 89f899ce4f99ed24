import Hummingbird

/// `/status`: what the server is doing beside answering requests (the feed it follows, if any).
struct StatusController<Context: RequestContext>: Sendable {
    let feed: FeedFollowState?

    func addRoutes(to routes: RouteTable<Context>) {
        routes.on("status", .get) { request, _ in
            try Representation(json: StatusBody(feed: feed?.current), cacheControl: "no-store").response(to: request)
        }
    }
}
