import Foundation
import Testing
import Hummingbird
import Logging
import HummingbirdTesting
import NIOConcurrencyHelpers

/// A GDELT mirror on loopback that serves `Fixtures/` as GDELT lays it out, honours `Range`, sends the files named slow in
/// small pieces with pauses, stops the files named stalled halfway until released, and records every request.
final class FixtureMirror: Sendable {
    /// One request the mirror answered: its path and `Range` header.
    struct Request: Sendable, Equatable {
        var path: String
        var range: String?
    }

    let folder: URL
    let slow: Set<String>
    private let stalled: NIOLockedValueBox<Set<String>>
    private let log = NIOLockedValueBox<[Request]>([])

    init(slow: Set<String> = [], stalled: Set<String> = []) throws {
        folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        self.slow = slow
        self.stalled = NIOLockedValueBox(stalled)
    }

    /// The requests answered so far, oldest first.
    var requests: [Request] { log.withLockedValue { $0 } }

    /// Lets the stalled files finish.
    func release() { stalled.withLockedValue { $0.removeAll() } }

    /// Runs `body` with the mirror listening on a free loopback port, given its base address.
    func serve<Value: Sendable>(_ body: @escaping @Sendable (URL) async throws -> Value) async throws -> Value {
        let router = Router()
        router.get("**") { request, _ in try self.answer(request) }
        var logger = Logger(label: "diplomap.mirror")
        logger.logLevel = .warning
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: logger)
        return try await app.test(.live) { client in
            let port = try #require(client.port)
            return try await body(try #require(URL(string: "http://127.0.0.1:\(port)/")))
        }
    }

    private func answer(_ request: Hummingbird.Request) throws -> Response {
        let path = request.uri.path
        let range = request.headers[.range]
        log.withLockedValue { $0.append(Request(path: path, range: range)) }
        let file = folder.appendingPathComponent(String(path.drop { $0 == "/" }))
        guard !path.contains(".."), let bytes = try? Data(contentsOf: file) else { return Response(status: .notFound) }
        var start = 0
        var headers: HTTPFields = [.acceptRanges: "bytes"]
        if let range, range.hasPrefix("bytes="), range.hasSuffix("-"), let from = Int(range.dropFirst(6).dropLast()) {
            guard from < bytes.count else { return Response(status: .rangeNotSatisfiable, headers: [.contentRange: "bytes */\(bytes.count)"]) }
            start = from
            headers[.contentRange] = "bytes \(from)-\(bytes.count - 1)/\(bytes.count)"
        }
        let body = Array(bytes[start...])
        headers[.contentLength] = String(body.count)
        let name = file.lastPathComponent, slow = slow.contains(name), stalls = stalled.withLockedValue { $0.contains(name) }
        return Response(
            status: start > 0 ? .partialContent : .ok, headers: headers,
            body: ResponseBody(contentLength: body.count) { writer in
                let piece = slow || stalls ? 2048 : body.count
                for (index, offset) in stride(from: 0, to: body.count, by: max(piece, 1)).enumerated() {
                    if stalls && offset >= body.count / 2 {
                        while self.stalled.withLockedValue({ $0.contains(name) }) { try await Task.sleep(for: .milliseconds(10)) }
                    }
                    try await writer.write(ByteBuffer(bytes: body[offset..<min(offset + piece, body.count)]))
                    if slow && index > 0 { try await Task.sleep(for: .milliseconds(20)) }
                }
                try await writer.finish(nil)
            }
        )
    }
}
