import DiplomapBytes
import DiplomapCore
import Foundation
import Hummingbird
import NIOCore

/// A response body ready to send: its bytes, its entity tag and how it may be cached, and a gzip copy when it is worth one.
///
/// The response headers are built once, here, rather than on every request: a cached body is the server's hot path.
struct Representation: Sendable {
    var body: ByteBuffer
    var eTag: String
    /// The gzip copy's entity tag: a strong tag must differ between encodings of the same body.
    var gzipETag: String
    var gzipped: ByteBuffer?
    /// The headers of the body as it is, of its gzip copy, and of a 304.
    private var plainHeaders: HTTPFields
    private var gzipHeaders: HTTPFields
    private var notModifiedHeaders: HTTPFields

    /// How long clients may keep what never changes while the server runs (the registry, the issues, the OpenAPI document).
    static let catalogCaching = "public, max-age=3600"
    /// Data that a write can change: clients revalidate every time, which the entity tag makes cheap.
    static let dataCaching = "no-cache"

    /// Bodies smaller than this are sent as they are: compressing them saves less than it costs.
    private static let gzipThreshold = 1024

    /// `headers` are sent with every response of this body, such as a `Content-Disposition`.
    init(bytes: [UInt8], contentType: String, cacheControl: String, compress: Bool = false, headers: HTTPFields = [:]) {
        body = ByteBuffer(bytes: bytes)
        eTag = "\"" + Checksum.sha256(Data(bytes)).prefix(32) + "\""
        gzipETag = String(eTag.dropLast()) + "-gzip\""
        if compress, bytes.count >= Self.gzipThreshold, let packed = Gzip.compress(bytes) { gzipped = ByteBuffer(bytes: packed) }
        var common = headers
        common[.cacheControl] = cacheControl
        if gzipped != nil { common[.vary] = "Accept-Encoding" }
        notModifiedHeaders = common
        notModifiedHeaders[.eTag] = eTag
        common[.contentType] = contentType
        plainHeaders = common
        plainHeaders[.eTag] = eTag
        gzipHeaders = common
        gzipHeaders[.eTag] = gzipETag
        gzipHeaders[.contentEncoding] = "gzip"
    }

    /// A JSON body, encoded with the API's encoder.
    init(json value: some Encodable, cacheControl: String = Representation.dataCaching, compress: Bool = false) throws {
        self.init(bytes: Array(try JSONEncoder.api.encode(value)), contentType: "application/json", cacheControl: cacheControl, compress: compress)
    }

    /// The response to `request`: 304 when its `If-None-Match` names this body, else the body, gzip-compressed when accepted.
    func response(to request: Request, status: HTTPResponse.Status = .ok) -> Response {
        let (status, headers, body) = answer(request.headers, status: status)
        return Response(status: status, headers: headers, body: body.map { ResponseBody(byteBuffer: $0) } ?? ResponseBody())
    }

    /// The status, headers and body that answer a request with `requestHeaders`; the body is `nil` for a 304.
    func answer(_ requestHeaders: HTTPFields, status: HTTPResponse.Status = .ok) -> (HTTPResponse.Status, HTTPFields, ByteBuffer?) {
        let useGzip = gzipped != nil && Self.acceptsGzip(requestHeaders[.acceptEncoding])
        if status == .ok, let condition = requestHeaders[.ifNoneMatch], Self.matches(condition, [eTag, gzipETag]) {
            var headers = notModifiedHeaders
            if useGzip { headers[.eTag] = gzipETag }
            return (.notModified, headers, nil)
        }
        if useGzip, let gzipped { return (status, gzipHeaders, gzipped) }
        return (status, plainHeaders, body)
    }

    /// Whether an `If-None-Match` list names one of the tags (or is `*`); weak tags compare by their opaque part.
    static func matches(_ condition: String, _ tags: [String]) -> Bool {
        condition.split(separator: ",").contains { item in
            var candidate = item.trimmingSpaces
            if candidate == "*" { return true }
            if candidate.hasPrefix("W/") { candidate = candidate.dropFirst(2) }
            return tags.contains { $0 == candidate }
        }
    }

    /// Whether an `Accept-Encoding` header allows gzip (and does not give it q=0).
    static func acceptsGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        return header.split(separator: ",").contains { item in
            let parts = item.split(separator: ";").map(\.trimmingSpaces)
            guard let coding = parts.first?.lowercased(), coding == "gzip" || coding == "x-gzip" else { return false }
            let quality = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return quality > 0
        }
    }
}

extension JSONEncoder {
    /// The encoder of every API body: compact, keys sorted so that equal data gives equal bytes (and equal entity tags).
    static var api: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}
