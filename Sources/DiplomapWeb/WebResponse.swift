/// What the server sends for a page: a status, a content type and a body, or a redirect.
///
/// The router turns it into its own response type; nothing here depends on the HTTP server.
public struct WebResponse: Sendable, Equatable {
    public var status: Int
    public var contentType: String
    public var body: String
    /// Where a 303 See Other sends the browser.
    public var location: String?

    public init(status: Int, contentType: String = "text/html; charset=utf-8", body: String, location: String? = nil) {
        self.status = status
        self.contentType = contentType
        self.body = body
        self.location = location
    }

    /// A page with status 200.
    public static func page(_ html: String) -> WebResponse { WebResponse(status: 200, body: html) }

    /// A 303 See Other to `location`, with a short body for clients that do not follow it.
    public static func redirect(_ location: String) -> WebResponse {
        WebResponse(status: 303, contentType: "text/plain; charset=utf-8", body: "See \(location)", location: location)
    }
}
