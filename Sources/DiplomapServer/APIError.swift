import DiplomapCore
import Foundation
import Hummingbird

/// A failure the API reports as `{"status": …, "error": "…"}` with its HTTP status, never with internals.
struct APIError: Error, Sendable {
    var status: HTTPResponse.Status
    var message: String
    /// The problems of a rejected fact file, each with its line and field.
    var problems: [InputError] = []
    var headers: HTTPFields = [:]

    /// A query or path parameter that cannot be read; the message names it.
    static func badParameter(_ name: String, _ message: String) -> APIError {
        APIError(status: .badRequest, message: "\(name): \(message)")
    }

    /// A thing the path names that does not exist.
    static func notFound(_ message: String) -> APIError {
        APIError(status: .notFound, message: message)
    }
}

/// The JSON body of every error response; the OpenAPI document calls it `Error`.
struct ErrorBody: Encodable {
    /// One problem of a rejected fact file.
    struct Problem: Encodable {
        var line: Int?
        var field: String?
        var message: String
    }

    var status: Int
    var error: String
    var problems: [Problem]?

    init(_ error: APIError) {
        status = error.status.code
        self.error = error.message
        problems = error.problems.isEmpty ? nil : error.problems.map { Problem(line: $0.line, field: $0.field, message: $0.message) }
    }
}
