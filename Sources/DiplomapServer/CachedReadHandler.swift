import Foundation
import HTTPTypes
import Logging
import NIOCore
import NIOHTTPTypes

/// Answers a GET whose body the response cache already holds from the connection's event loop, before the router.
///
/// A cached read is the server's most frequent request, and on a small machine about a third of its
/// cost was the way to the router and back: a task woken for the request, the request context and
/// its logger, the middleware, and a hop back to the event loop to write. Here a hit costs a look-up
/// and one write. Everything else (misses, other paths, HEAD, requests that ask to close or are over `RequestLimits`) goes on to the
/// router as before, which fills the cache.
///
/// Responses leave in request order: while a request passed on is unanswered, later ones are passed on too.
final class CachedReadHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let cache: @Sendable (HTTPRequest) -> Representation?
    private let logger: Logger
    private let serverName: String
    /// Requests passed on to the router whose response has not ended yet.
    private var pending = 0
    /// Whether the request being read was answered here, so that its body and end are dropped.
    private var answered = false
    private var date = HTTPDate()

    init(cache: @escaping @Sendable (HTTPRequest) -> Representation?, serverName: String, logger: Logger) {
        self.cache = cache
        self.serverName = serverName
        self.logger = logger
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request):
            let start = ContinuousClock.now
            if pending == 0, request.method == .get, request.headerFields[.connection] == nil, RequestLimits.refusal(request) == nil,
                let representation = cache(request)
            {
                answered = true
                answer(request, with: representation, context: context, start: start)
            } else {
                pending += 1
                context.fireChannelRead(data)
            }
        case .body:
            if !answered { context.fireChannelRead(data) }
        case .end:
            if answered { answered = false } else { context.fireChannelRead(data) }
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { pending -= 1 }
        context.write(data, promise: promise)
    }

    private func answer(_ request: HTTPRequest, with representation: Representation, context: ChannelHandlerContext, start: ContinuousClock.Instant) {
        var (status, headers, body) = representation.answer(request.headerFields)
        if let body { headers[.contentLength] = String(body.readableBytes) }
        headers[.date] = date.now
        headers[.server] = serverName
        context.write(wrapOutboundOut(.head(HTTPResponse(status: status, headerFields: headers))), promise: nil)
        if let body { context.write(wrapOutboundOut(.body(body)), promise: nil) }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        RequestLog.record(logger, method: request.method, path: (request.path ?? "").prefix { $0 != "?" }, status: status, since: start)
    }
}

/// The `Date` header's value (RFC 9110's IMF-fixdate), formatted once a second.
private struct HTTPDate {
    private var second: time_t = -1
    private var text = ""

    var now: String {
        mutating get {
            let current = time(nil)
            if current != second { (second, text) = (current, UTCTime.format(current, "%a, %d %b %Y %H:%M:%S GMT")) }
            return text
        }
    }
}
