import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import NIOEmbedded
import NIOHTTPTypes
import Testing

@testable import DiplomapServer

/// Cached reads answered on the event loop, before the router.
@Suite struct CachedReadTests {
    private static let body = Representation(bytes: Array(String(repeating: "{\"cached\":true}", count: 100).utf8), contentType: "application/json", cacheControl: "no-cache", compress: true)

    /// A handler whose cache holds one body, for `/hit`.
    private static func channel() throws -> EmbeddedChannel {
        var logger = Logger(label: "diplomap.server.tests")
        logger.logLevel = .warning
        let handler = CachedReadHandler(cache: { $0.path == "/hit" ? body : nil }, serverName: "diplomap", logger: logger)
        return EmbeddedChannel(handler: handler)
    }

    private static func get(_ path: String, _ fields: HTTPFields = [:]) -> HTTPRequestPart {
        .head(HTTPRequest(method: .get, scheme: nil, authority: "localhost", path: path, headerFields: fields))
    }

    @Test func hitIsAnsweredAndMissGoesOn() throws {
        let channel = try Self.channel()
        try channel.writeInbound(Self.get("/hit", [.acceptEncoding: "gzip"]))
        try channel.writeInbound(HTTPRequestPart.end(nil))
        #expect(try channel.readInbound(as: HTTPRequestPart.self) == nil, "a hit must not reach the router")
        guard case .head(let head) = try channel.readOutbound(as: HTTPResponsePart.self) else { Testing.Issue.record("no response head"); return }
        guard case .body(let bytes) = try channel.readOutbound(as: HTTPResponsePart.self) else { Testing.Issue.record("no body"); return }
        #expect(try channel.readOutbound(as: HTTPResponsePart.self) == .end(nil))
        #expect(head.status == .ok)
        #expect(head.headerFields[.contentEncoding] == "gzip")
        #expect(head.headerFields[.eTag] == Self.body.gzipETag)
        #expect(head.headerFields[.contentLength] == String(bytes.readableBytes))
        #expect(head.headerFields[.server] == "diplomap")
        #expect(head.headerFields[.date]?.hasSuffix(" GMT") == true)
        #expect(bytes == Self.body.gzipped)

        try channel.writeInbound(Self.get("/miss"))
        #expect(try channel.readInbound(as: HTTPRequestPart.self) == Self.get("/miss"))
        #expect(try channel.readOutbound(as: HTTPResponsePart.self) == nil)
    }

    @Test func revalidationGetsNotModified() throws {
        let channel = try Self.channel()
        try channel.writeInbound(Self.get("/hit", [.ifNoneMatch: Self.body.eTag]))
        guard case .head(let head) = try channel.readOutbound(as: HTTPResponsePart.self) else { Testing.Issue.record("no response head"); return }
        #expect(head.status == .notModified)
        #expect(try channel.readOutbound(as: HTTPResponsePart.self) == .end(nil))
    }

    /// A hit behind an unanswered request waits its turn through the router, so that pipelined responses keep their order.
    @Test func pipelinedRequestsKeepTheirOrder() throws {
        let channel = try Self.channel()
        for part in [Self.get("/miss"), .end(nil), Self.get("/hit"), .end(nil)] { try channel.writeInbound(part) }
        #expect(try channel.readOutbound(as: HTTPResponsePart.self) == nil, "the hit must not overtake the miss")
        var forwarded: [HTTPRequestPart] = []
        while let part = try channel.readInbound(as: HTTPRequestPart.self) { forwarded.append(part) }
        #expect(forwarded == [Self.get("/miss"), .end(nil), Self.get("/hit"), .end(nil)])

        // The router answers both; then the connection is idle and a hit is answered here again.
        for _ in 1...2 {
            try channel.writeOutbound(HTTPResponsePart.head(HTTPResponse(status: .ok)))
            try channel.writeOutbound(HTTPResponsePart.end(nil))
        }
        while try channel.readOutbound(as: HTTPResponsePart.self) != nil {}
        try channel.writeInbound(Self.get("/hit"))
        #expect(try channel.readInbound(as: HTTPRequestPart.self) == nil)
        guard case .head(let head) = try channel.readOutbound(as: HTTPResponsePart.self) else { Testing.Issue.record("no response head"); return }
        #expect(head.status == .ok)
    }

    @Test func onlyPlainGetsAreAnswered() throws {
        let channel = try Self.channel()
        let head = HTTPRequestPart.head(HTTPRequest(method: .head, scheme: nil, authority: "localhost", path: "/hit"))
        let closing = Self.get("/hit", [.connection: "close"])
        for part in [head, closing] {
            try channel.writeInbound(part)
            #expect(try channel.readInbound(as: HTTPRequestPart.self) == part)
        }
        #expect(try channel.readOutbound(as: HTTPResponsePart.self) == nil)
    }

    /// Over loopback, the second read of a map is answered from the cache: it must say what the router said, and a write must end it.
    @Test func cachedAnswerMatchesTheRouterAndEndsWithAWrite() async throws {
        try await withServer(setup: .live) { client in
            let uri = "/api/v1/map?focus=TKM&partners=KOR"
            let gzip: HTTPFields = [.acceptEncoding: "gzip"]
            let first = try await client.execute(uri: uri, method: .get, headers: gzip) { $0 }
            let second = try await client.execute(uri: uri, method: .get, headers: gzip) { $0 }
            #expect(first.status == .ok && second.status == .ok)
            #expect(second.body == first.body)
            for field: HTTPField.Name in [.eTag, .contentType, .contentEncoding, .cacheControl, .vary, .contentLength, .server] {
                #expect(second.headers[field] == first.headers[field], "\(field)")
            }
            let tag = try #require(second.headers[.eTag])
            try await client.execute(uri: uri, method: .get, headers: [.acceptEncoding: "gzip", .ifNoneMatch: tag]) { response in
                #expect(response.status == .notModified)
                #expect(response.headers[.eTag] == tag)
            }
            let exported = try await client.execute(uri: "/api/v1/export?format=csv&focus=TKM", method: .get) { $0.headers[.contentDisposition] }
            try await client.execute(uri: "/api/v1/export?format=csv&focus=TKM", method: .get) { response in
                #expect(response.headers[.contentDisposition] == exported)
            }

            try await client.execute(uri: "/api/v1/documents", method: .post, headers: [.authorization: "Bearer secret"], body: try fixture("document.json")) { response in
                #expect(response.status == .created)
            }
            try await client.execute(uri: uri, method: .get, headers: gzip) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] != tag, "the write must drop the cached map")
            }
        }
    }
}
