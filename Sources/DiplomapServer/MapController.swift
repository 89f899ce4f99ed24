import DiplomapCore
import DiplomapExport
import DiplomapWorkspace
import Foundation
import Hummingbird

/// `/map`, `/patterns`, `/export`, `/dyads/{a}-{b}` and its evidence: the relation map under the request's filters.
struct MapController<Context: RequestContext>: Sendable {
    let service: MapService

    private var registry: CountryRegistry { service.workspace.registry }

    /// The most evidence rows one page holds, and how many it holds unless asked.
    static var pageLimit: ClosedRange<Int> { 1...500 }
    static var defaultPageSize: Int { 50 }

    func addRoutes(to routes: RouteTable<Context>) {
        for path in ["map", "patterns", "export"] {
            routes.on(RouterPath(path), .get) { request, _ in
                guard let read = try MapRead(path: path, parameters: QueryParameters(request)) else { throw HTTPError(.notFound) }
                return try await service.body(read).response(to: request)
            }
        }
        routes.on("dyads/:pair", .get) { request, context in
            let (a, b) = try pair(context)
            var parameters = QueryParameters(request).values
            (parameters["focus"], parameters["partners"]) = (a, b)
            return try await service.dyad(try MapRequest(parameters: parameters)).response(to: request)
        }
        routes.on("dyads/:pair/evidence", .get) { request, context in
            try await evidence(request, context)
        }
    }

    /// The two sides of `{a}-{b}`, resolved to their codes; 400 when malformed, 404 when unknown.
    private func pair(_ context: Context) throws -> (String, String) {
        let raw = try context.parameters.require("pair")
        let text = raw.removingPercentEncoding ?? raw
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw APIError.badParameter("a-b", "give two states or groups as A-B, such as KAZ-JPN; got \"\(text)\"")
        }
        let a = try registry.resolve(parts[0]).code, b = try registry.resolve(parts[1]).code
        guard a != b else { throw APIError.badParameter("a-b", "give two different sides; both are \(a)") }
        return (a, b)
    }

    /// One page of the evidence between the pair, oldest import first, with the cursor of the next page.
    private func evidence(_ request: Request, _ context: Context) async throws -> Response {
        let (a, b) = try pair(context)
        let parameters = QueryParameters(request)
        let issue = try parameters.nonEmpty("issue").map { code throws(APIError) -> Issue in
            guard let issue = Issue(code: code) else { throw .badParameter("issue", "unknown issue \"\(code)\"; /api/v1/issues lists the codes") }
            return issue
        }
        let limit = try parameters.integer("limit", in: Self.pageLimit, default: Self.defaultPageSize)
        let after = try parameters.nonEmpty("cursor").map { text throws(APIError) -> Int64 in
            guard let id = Cursor.id(text) else { throw .badParameter("cursor", "not a cursor this server gave") }
            return id
        }
        let query = EvidenceQuery(dyad: Dyad(a, b), issues: issue.map { [$0] })
        let page = try await service.workspace.evidencePage(query, after: after, limit: limit)
        let body = EvidencePage(a: a, b: b, evidence: page.rows.map(\.evidence), next: page.next.map(Cursor.text))
        return try Representation(json: body).response(to: request)
    }
}

/// A page of evidence and the cursor of the next page, `null` on the last.
struct EvidencePage: Encodable {
    var a: String
    var b: String
    var evidence: [Evidence]
    var next: String?

    enum CodingKeys: String, CodingKey { case a, b, evidence, next }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(a, forKey: .a)
        try container.encode(b, forKey: .b)
        try container.encode(evidence, forKey: .evidence)
        try container.encode(next, forKey: .next)
    }
}

/// The page cursor: opaque to clients, who pass back the `next` they were given; it is the last row id of a page, in hexadecimal.
enum Cursor {
    static func text(_ id: Int64) -> String {
        String(id, radix: 16)
    }

    /// The row id of a cursor, or `nil` when the text is not one (the OpenAPI pattern `^[0-7]?[0-9a-f]{1,15}$`).
    static func id(_ text: String) -> Int64? {
        guard (1...16).contains(text.count), text.allSatisfy({ $0.isHexDigit && !$0.isUppercase }), text.count < 16 || text.first! <= "7" else { return nil }
        return Int64(text, radix: 16)
    }
}
