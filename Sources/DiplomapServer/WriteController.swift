import DiplomapCore
import DiplomapDocuments
import DiplomapFacts
import DiplomapWorkspace
import Foundation
import Hummingbird

/// `POST /documents` and `POST /facts`: evidence added through the API, for holders of the server's token only.
struct WriteController<Context: RequestContext>: Sendable {
    let service: MapService
    let mapper: RelationExtractor
    let token: String?
    let bodyLimit: Int

    private var workspace: Workspace { service.workspace }

    func addRoutes(to routes: RouteTable<Context>) {
        routes.on("documents", .post) { request, _ in try await document(request) }
        routes.on("facts", .post) { request, _ in try await facts(request) }
    }

    /// 403 when writing is off, 401 unless the request carries `Authorization: Bearer <token>`.
    private func authorize(_ request: Request) throws {
        guard let token else { throw APIError(status: .forbidden, message: "writing is disabled: the server was started without a token") }
        let challenge: HTTPFields = [.wwwAuthenticate: "Bearer"]
        guard let header = request.headers[.authorization] else {
            throw APIError(status: .unauthorized, message: "writing needs an Authorization: Bearer <token> header", headers: challenge)
        }
        guard header.hasPrefix("Bearer "), RequestLimits.tokenMatches(header.dropFirst(7), token) else {
            throw APIError(status: .unauthorized, message: "the token is not valid", headers: challenge)
        }
    }

    /// The request body, at most the server's limit (else 413).
    private func body(_ request: Request) async throws -> Data {
        var request = request
        let buffer = try await request.collectBody(upTo: bodyLimit)
        return Data(buffer.readableBytesView)
    }

    /// Maps a document's text and stores its relations as one document source, replacing an earlier post of the same id and address.
    private func document(_ request: Request) async throws -> Response {
        try authorize(request)
        let posted: DocumentPost
        do {
            posted = try JSONDecoder().decode(DocumentPost.self, from: try await body(request))
        } catch let error as DecodingError {
            throw APIError(status: .badRequest, message: "body: \(Self.describe(error))")
        }
        for (field, value) in [("id", posted.id), ("title", posted.title), ("address", posted.address), ("text", posted.text)]
        where value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw APIError(status: .badRequest, message: "\(field): must not be empty")
        }
        let document = SourceDocument(id: posted.id, text: posted.text, file: posted.address, language: posted.lang)
        let relations = mapper.extract(posted.text, language: posted.lang)
        let source = try await workspace.importDocument(document, relations: relations, title: posted.title)
        return try Representation(json: DocumentResult(source: source, relations: relations), cacheControl: "no-store").response(to: request, status: .created)
    }

    /// Validates a fact file as `diplomap facts check` does and stores its facts as one source, replacing an earlier post of the same name.
    private func facts(_ request: Request) async throws -> Response {
        try authorize(request)
        guard let name = QueryParameters(request).text("name") else { throw APIError.badParameter("name", "give the fact file's name, such as partners.yaml") }
        guard name.count <= 100, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }), name.first != "." else {
            throw APIError.badParameter("name", "use letters, digits, '.', '_' and '-' only, at most 100, not starting with '.'")
        }
        let data = try await body(request)
        guard !data.allSatisfy({ [0x20, 0x09, 0x0a, 0x0d].contains($0) }) else { throw APIError(status: .badRequest, message: "body: give a fact file") }
        let registry = workspace.registry
        let contents: KnowledgeBase.FactFileContents
        do {
            contents = try KnowledgeBase.factFile(data, name: name, url: URL(fileURLWithPath: name), registry: registry)
        } catch {
            throw Self.rejection(error.errors)
        }
        guard !contents.entries.isEmpty else { throw APIError(status: .badRequest, message: "facts: the file holds no facts") }
        let findings = FactChecker.check([contents], registry: registry, policy: try Workspace.sourcePolicy())
        guard findings.errors.isEmpty else { throw Self.rejection(findings.errors) }
        let (source, rows) = try await workspace.importFacts(contents, name: name)
        let result = FactsResult(
            source: source, facts: contents.entries.count, evidence: rows,
            warnings: findings.warnings.map { ErrorBody.Problem(line: $0.line, field: $0.field, message: $0.message) })
        return try Representation(json: result, cacheControl: "no-store").response(to: request, status: .created)
    }

    /// A 400 that lists each problem with its line and field.
    private static func rejection(_ problems: [InputError]) -> APIError {
        let first = problems.first.map { problem in
            [problem.line.map { "line \($0)" }, problem.field].compactMap { $0 }.joined(separator: ", ") + ": " + problem.message
        } ?? "the fact file is not valid"
        let summary = problems.count == 1 ? first : "\(problems.count) problems; the first: \(first)"
        return APIError(status: .badRequest, message: summary, problems: problems)
    }

    /// What was wrong with a JSON body, naming the field.
    private static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String { keys.map(\.stringValue).joined(separator: ".") }
        switch error {
        case .keyNotFound(let key, _): return "missing field \"\(key.stringValue)\""
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "field \"\(path(context.codingPath))\" must be a string"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not a JSON object" : "field \"\(path(context.codingPath))\" is not valid"
        @unknown default: return "not a valid document"
        }
    }
}

/// The JSON body of `POST /documents`.
struct DocumentPost: Decodable {
    var id: String
    var title: String
    var address: String
    var text: String
    /// The text's language; detected from its letters when left out.
    var lang: Language?
}

/// What `POST /documents` stored: the source and the relations found.
struct DocumentResult: Encodable {
    var source: EvidenceSource
    var relations: [ExtractedRelation]
}

/// What `POST /facts` stored, and the checker's warnings.
struct FactsResult: Encodable {
    var source: EvidenceSource
    var facts: Int
    var evidence: Int
    var warnings: [ErrorBody.Problem]
}
