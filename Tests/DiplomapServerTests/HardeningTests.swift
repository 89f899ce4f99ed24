@testable import DiplomapServer
import Foundation
import HummingbirdTesting
import HTTPTypes
import NIOCore
import Testing

/// What the server does with hostile input: markup shown as text, security headers on pages, oversized requests refused.
@Suite struct HardeningTests {
    private let bearer: HTTPFields = [.authorization: "Bearer secret", .contentType: "application/json"]
    private static let csp = HTTPField.Name("Content-Security-Policy")!
    private static let noSniff = HTTPField.Name("X-Content-Type-Options")!

    /// Markup anywhere in a posted fact or document: never a tag in a page or an export, always its text.
    private static let factFile = """
        facts:
          - id: test-markup-in-a-fact
            kind: project
            a: [TKM]
            b: [KOR]
            issues: [resources.water]
            polarity: cooperation
            start: 2023-05
            citations:
              - title: '<script>alert("fact")</script> Water & irrigation'
                publisher: '<b onmouseover="alert(1)">Publisher</b>'
                address: https://example.org/water?a=1&b="2"
                locator: paragraph 1
                summary: 'Turkmenistan and South Korea <img src=x onerror=alert(2)> started a joint project on irrigation water.'
        """

    private static let document = #"""
        {"id": "markup-1", "title": "<script>alert(\"doc\")</script> A note", "address": "javascript:alert(3)",
         "text": "Turkmenistan and South Korea agreed to expand trade <svg onload=alert(4)> between the two countries."}
        """#

    private static let tags = ["<script>alert", "<img src=x", "<b onmouseover", "<svg onload", "href=\"javascript:"]

    @Test func markupInPostedFactsAndDocumentsIsShownAsText() async throws {
        try await withServer { client in
            try await client.execute(uri: "/api/v1/facts?name=markup.yaml", method: .post, headers: bearer, body: ByteBuffer(string: Self.factFile)) { response in
                #expect(response.status == .created, "\(response.text)")
            }
            try await client.execute(uri: "/api/v1/documents", method: .post, headers: bearer, body: ByteBuffer(string: Self.document)) { response in
                #expect(response.status == .created, "\(response.text)")
            }
            let pages = [
                "/dyad/TKM-KOR", "/dyad/TKM-KOR?issues=resources.water", "/dyad/TKM-KOR?issues=economy.trade", "/?focus=TKM&partners=KOR",
                "/country/TKM", "/country/KOR",
            ]
            var shown = ""
            for uri in pages {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri)")
                    for tag in Self.tags { #expect(!response.text.contains(tag), "\(uri) holds \(tag)") }
                    shown += response.text
                }
            }
            // The posted titles are on the pair's page, as text.
            #expect(shown.contains("&lt;script&gt;alert(&quot;fact&quot;)&lt;/script&gt; Water &amp; irrigation"))
            #expect(shown.contains("&lt;script&gt;alert(&quot;doc&quot;)&lt;/script&gt; A note"))
            for format in ["graphml", "gexf", "csv", "geojson", "json"] {
                try await client.execute(uri: "/api/v1/export?format=\(format)&focus=TKM&partners=KOR", method: .get) { response in
                    #expect(response.status == .ok)
                    // JSON carries the text as string values, escaped as JSON and served as JSON, never as a page.
                    if format == "json" {
                        #expect(response.headers[.contentType] == "application/json")
                    } else {
                        for tag in Self.tags { #expect(!response.text.contains(tag), "\(format) holds \(tag)") }
                    }
                }
            }
            // In JSON the markup is a string value, served as JSON and not to be sniffed as HTML.
            try await client.execute(uri: "/api/v1/dyads/TKM-KOR/evidence?issue=resources.water", method: .get) { response in
                let rows = try #require(response.object["evidence"] as? [[String: Any]])
                #expect(rows.contains { ($0["citation"] as? [String: Any])?["title"] as? String == #"<script>alert("fact")</script> Water & irrigation"# })
                #expect(response.headers[.contentType] == "application/json")
            }
        }
    }

    @Test func pagesCarrySecurityHeaders() async throws {
        try await withServer { client in
            for uri in ["/", "/dyad/UZB-KOR", "/country/KAZ", "/search?q=Japan", "/nowhere", "/?since=last+year", "/static/diplomap.css"] {
                try await client.execute(uri: uri, method: .get) { response in
                    let policy = response.headers[Self.csp] ?? ""
                    #expect(policy.contains("default-src 'none'") && policy.contains("script-src 'self'") && policy.contains("frame-ancestors 'none'"), "\(uri)")
                    #expect(!policy.contains("script-src 'self' 'unsafe-inline'"), "\(uri)")
                    #expect(response.headers[Self.noSniff] == "nosniff", "\(uri)")
                }
            }
        }
    }

    /// Over loopback, so that the cached-read handler in front of the router is crossed too.
    @Test func oversizedRequestsAreRefused() async throws {
        try await withServer(bodyLimit: 4096, setup: .live) { client in
            let long = String(repeating: "KAZ,", count: 2100)
            // Cached first, so that a refusal cannot come from a miss.
            try await client.execute(uri: "/api/v1/map?focus=C5", method: .get) { #expect($0.status == .ok) }
            for uri in ["/api/v1/map?focus=\(long)", "/?partners=\(long)", "/api/v1/map?focus=C5&x=\(long)"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .uriTooLong)
                    #expect(response.errorMessage.contains("8192"))
                }
            }
            let filler: HTTPFields = [HTTPField.Name("X-Filler")!: String(repeating: "x", count: 17 * 1024)]
            for uri in ["/api/v1/map?focus=C5", "/api/v1/issues", "/"] {
                try await client.execute(uri: uri, method: .get, headers: filler) { response in
                    #expect(response.status == .requestHeaderFieldsTooLarge, "\(uri)")
                }
            }
            let many = HTTPFields((0..<200).map { HTTPField(name: HTTPField.Name("X-Filler-\($0)")!, value: String(repeating: "y", count: 100)) })
            try await client.execute(uri: "/api/v1/issues", method: .get, headers: many) { #expect($0.status == .requestHeaderFieldsTooLarge) }
            let body = ByteBuffer(string: #"{"id": "x", "title": "t", "address": "a", "text": ""# + String(repeating: "Japan. ", count: 1000) + #""}"#)
            try await client.execute(uri: "/api/v1/documents", method: .post, headers: bearer, body: body) { #expect($0.status == .contentTooLarge) }
            try await client.execute(uri: "/api/v1/facts?name=a.yaml", method: .post, headers: bearer, body: body) { #expect($0.status == .contentTooLarge) }
            // Requests within the limits still pass.
            try await client.execute(uri: "/api/v1/map?focus=KAZ,KGZ&partners=JPN", method: .get, headers: [HTTPField.Name("X-Filler")!: "short"]) {
                #expect($0.status == .ok)
            }
        }
    }

    /// A connection that sends nothing, and one that never finishes its request head (slowloris), are closed after the
    /// idle timeout, while other clients are served meanwhile.
    @Test func idleAndSlowConnectionsAreClosed() async throws {
        try await withServer(idleTimeout: .seconds(10), setup: .live) { client in
            let port = try #require(client.port)
            let idle = try RawConnection(port: port)
            let slow = try RawConnection(port: port)
            slow.write("GET /api/v1/issues HTTP/1.1\r\nHost: test\r\nX-Slow: ")
            let opened = ContinuousClock.now
            try await client.execute(uri: "/api/v1/issues", method: .get) { #expect($0.status == .ok) }
            for _ in 0..<3 {
                try await Task.sleep(for: .milliseconds(300))
                slow.write("x")
            }
            #expect(slow.waitForClose(seconds: 60), "the slow client was kept past the idle timeout")
            #expect(idle.waitForClose(seconds: 60), "the idle client was kept past the idle timeout")
            #expect(ContinuousClock.now - opened >= .milliseconds(9_900), "closed before the idle timeout")
        }
    }

    @Test func tokenComparison() {
        #expect(RequestLimits.tokenMatches("secret", "secret"))
        for given in ["", "secre", "secrets", "Secret", "secreu", String(repeating: "s", count: 10_000)] {
            #expect(!RequestLimits.tokenMatches(given, "secret"), "\(given.prefix(10))")
        }
    }
}

/// A bare TCP connection to the server, for clients no HTTP library would be: silent, or slow.
private final class RawConnection {
    private let fd: Int32

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let status = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        try #require(status == 0, "connect: errno \(errno)")
    }

    deinit { close(fd) }

    func write(_ text: String) {
        _ = text.utf8CString.withUnsafeBufferPointer { send(fd, $0.baseAddress, $0.count - 1, Int32(MSG_NOSIGNAL)) }
    }

    /// Whether the server closes the connection within `seconds`: a read that ends (or fails on a reset) in time.
    func waitForClose(seconds: Int) -> Bool {
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count == 0 { return true }
            if count < 0 { return errno == ECONNRESET }
        }
    }
}
