import DiplomapCore
import DiplomapWorkspace
import Foundation
import Hummingbird
import NIOCore

/// Turns every error into the API's JSON error body with the right status; unexpected errors become a bare 500 and a log line.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let bodyLimit: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let failure = apiError(error, request: request, context: context)
            var headers = failure.headers
            headers[.contentType] = "application/json"
            headers[.cacheControl] = "no-store"
            let body = (try? JSONEncoder.api.encode(ErrorBody(failure))) ?? Data()
            return Response(status: failure.status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
        }
    }

    private func apiError(_ error: any Error, request: Request, context: Context) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let error as LookupError:
            return .notFound(error.description)
        case let error as MapRequestError:
            return .badParameter(error.parameter, error.message)
        case let error as WorkspaceError:
            return APIError(status: .badRequest, message: error.description)
        case is NIOTooManyBytesError:
            return APIError(status: .contentTooLarge, message: "the request body is larger than the limit of \(bodyLimit) bytes")
        case let error as HTTPError where error.status == .notFound:
            return .notFound("no such resource: \(request.method) \(request.uri.path)")
        case let error as HTTPError where error.status.code < 500:
            return APIError(status: error.status, message: error.body ?? error.status.reasonPhrase)
        default:
            context.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(String(reflecting: error))"])
            return APIError(status: .internalServerError, message: "internal error")
        }
    }
}
