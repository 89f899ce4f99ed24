import DiplomapCore
import Foundation
import Hummingbird
import NIOCore

/// A response body ready to send: its bytes, its entity tag and how it may be cached, and a gzip copy when it is worth one.
struct Representation: Sendable {
    var body: ByteBuffer
    var contentType: String
    var eTag: String
    var cacheControl: String
    var gzipped: ByteBuffer?
    var extraHeaders: HTTPFields = [:]

    /// How long clients may keep what never changes while the server runs (the registry, the issues, the OpenAPI document).
    static let catalogCaching = "public, max-age=3600"
    /// Data that a write can change: clients revalidate every time, which the entity tag makes cheap.
    static let dataCaching = "no-cache"

    /// Bodies smaller than this are sent as they are: compressing them saves less than it costs.
    private static let gzipThreshold = 1024

    init(bytes: [UInt8], contentType: String, cacheControl: String, compress: Bool = false) {
        body = ByteBuffer(bytes: bytes)
        self.contentType = contentType
        self.cacheControl = cacheControl
        eTag = "\"" + Checksum.sha256(Data(bytes)).prefix(32) + "\""
        if compress, bytes.count >= Self.gzipThreshold, let packed = GzipEncoder.compress(bytes) { gzipped = ByteBuffer(bytes: packed) }
    }

    /// A JSON body, encoded with the API's encoder.
    init(json value: some Encodable, cacheControl: String = Representation.dataCaching, compress: Bool = false) throws {
        self.init(bytes: Array(try JSONEncoder.api.encode(value)), contentType: "application/json", cacheControl: cacheControl, compress: compress)
    }

    /// The gzip copy's entity tag: a strong tag must differ between encodings of the same body.
    var gzipETag: String { String(eTag.dropLast()) + "-gzip\"" }

    /// The response to `request`: 304 when its `If-None-Match` names this body, else the body, gzip-compressed when accepted.
    func response(to request: Request, status: HTTPResponse.Status = .ok) -> Response {
        let useGzip = gzipped != nil && Self.acceptsGzip(request.headers[.acceptEncoding])
        let tag = useGzip ? gzipETag : eTag
        var headers = extraHeaders
        headers[.eTag] = tag
        headers[.cacheControl] = cacheControl
        if gzipped != nil { headers[.vary] = "Accept-Encoding" }
        if status == .ok, let condition = request.headers[.ifNoneMatch], Self.matches(condition, [eTag, gzipETag]) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = contentType
        if useGzip { headers[.contentEncoding] = "gzip" }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: useGzip ? gzipped! : body))
    }

    /// Whether an `If-None-Match` list names one of the tags (or is `*`); weak tags compare by their opaque part.
    static func matches(_ condition: String, _ tags: [String]) -> Bool {
        condition.split(separator: ",").contains { item in
            var candidate = item.trimmingCharacters(in: .whitespaces)
            if candidate == "*" { return true }
            if candidate.hasPrefix("W/") { candidate.removeFirst(2) }
            return tags.contains(candidate)
        }
    }

    /// Whether an `Accept-Encoding` header allows gzip (and does not give it q=0).
    static func acceptsGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        return header.split(separator: ",").contains { item in
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard parts.first == "gzip" || parts.first == "x-gzip" else { return false }
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
        return encoder
    }
}
