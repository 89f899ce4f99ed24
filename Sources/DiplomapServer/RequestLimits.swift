import DiplomapCore
import Foundation
import HTTPTypes
import Hummingbird

/// What a request may hold before the server refuses it unread: the address, the header section, the token check.
///
/// Bodies have their own limit (`ServerConfiguration.bodyLimit`, 413), applied where a body is read.
enum RequestLimits {
    /// The longest target (path and query) accepted; longer gets 414. The longest map address the pages write is under 1 KiB.
    static let maxTargetBytes = 8 * 1024
    /// The most bytes of header names and values accepted; more gets 431. (The HTTP parser closes the connection with 400 beyond 80 KiB.)
    static let maxHeaderBytes = 16 * 1024

    /// The error for a request over a limit, or `nil`.
    static func refusal(_ request: HTTPRequest) -> APIError? {
        if (request.path?.utf8.count ?? 0) > maxTargetBytes {
            return APIError(status: .uriTooLong, message: "the address is longer than \(maxTargetBytes) bytes")
        }
        var header = 0
        for field in request.headerFields { header += field.name.rawName.utf8.count + field.value.utf8.count + 4 }
        if header > maxHeaderBytes {
            return APIError(status: .requestHeaderFieldsTooLarge, message: "the request's header fields are larger than \(maxHeaderBytes) bytes")
        }
        return nil
    }

    /// Whether `given` is the token, in time that depends on neither where they differ nor their lengths: both are hashed
    /// (SHA-256, 64 hex digits) and every digit compared, so the token cannot be guessed byte by byte or its length timed.
    static func tokenMatches(_ given: some StringProtocol, _ expected: String) -> Bool {
        let a = Checksum.sha256(Data(given.utf8)).utf8, b = Checksum.sha256(Data(expected.utf8)).utf8
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// Refuses requests over `RequestLimits` before any route reads them (414, 431), as a JSON error.
struct RequestLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let refusal = RequestLimits.refusal(request.head) { throw refusal }
        return try await next(request, context)
    }
}
