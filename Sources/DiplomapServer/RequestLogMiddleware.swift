import Hummingbird
import Logging

/// Logs every request once it is answered: method, path, status and how long it took.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var status = HTTPResponse.Status.internalServerError
        defer { RequestLog.record(context.logger, method: request.method, path: request.uri.path, status: status, since: start) }
        let response = try await next(request, context)
        status = response.status
        return response
    }
}

/// The request log line, written by the middleware and by the cached-read handler alike:
/// `GET /api/v1/map 200 0.212ms`, the time from reading the request to handing the response to the connection.
enum RequestLog {
    static func record(_ logger: Logger, method: HTTPRequest.Method, path: some StringProtocol, status: HTTPResponse.Status, since start: ContinuousClock.Instant) {
        logger.info("\(method) \(path) \(status.code) \(Double(microseconds(since: start)) / 1000)ms")
    }

    private static func microseconds(since start: ContinuousClock.Instant) -> Int64 {
        let elapsed = (ContinuousClock.now - start).components
        return elapsed.seconds * 1_000_000 + elapsed.attoseconds / 1_000_000_000_000
    }
}
