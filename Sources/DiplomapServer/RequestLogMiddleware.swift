import Hummingbird

/// Logs every request once it is answered: method, path, status and how long it took.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var status = HTTPResponse.Status.internalServerError
        defer {
            let elapsed = (ContinuousClock.now - start).components
            let microseconds = elapsed.seconds * 1_000_000 + elapsed.attoseconds / 1_000_000_000_000
            context.logger.info("\(request.method) \(request.uri.path) \(status.code)", metadata: [
                "method": "\(request.method)", "path": "\(request.uri.path)", "status": "\(status.code)",
                "duration_ms": "\(Double(microseconds) / 1000)",
            ])
        }
        let response = try await next(request, context)
        status = response.status
        return response
    }
}
