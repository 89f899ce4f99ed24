import DiplomapReport
import DiplomapWorkspace

/// A page for a request the site cannot serve: the status, one sentence of why, and the way back.
public struct ErrorPage: Sendable {
    /// The HTTP status, e.g. 400 for a bad filter, 404 for an unknown state.
    public var status: Int
    /// What went wrong, for a person: never a stack trace.
    public var message: String
    /// The filters to keep in the way back; without the one at fault when the filters were the problem.
    public var request: MapRequest
    /// The filter form with the field at fault marked, when a filter was the problem, to correct it on the spot.
    var correction: FilterForm?

    public init(status: Int, message: String, request: MapRequest = MapRequest()) {
        self.status = status
        self.message = message
        self.request = request
    }

    /// The whole page.
    public func render() -> String {
        let reason = switch status {
        case 400: "The request cannot be read"
        case 404: "Not found"
        case 500...: "Something went wrong on the server"
        default: "The request cannot be served"
        }
        let main = """
        <h1>\(reason) <span class="status">(\(status))</span></h1>
        <p class="error-message">\(HTML.escape(message))</p>
        <p><a href="\(HTML.escape(WebPaths.map(request)))">Back to the map</a> · <a href="/">The map without filters</a></p>
        \(correction.map { "<section class=\"correction\" aria-labelledby=\"filters-title\">\($0.render())</section>" } ?? "")
        """
        return PageLayout(title: "\(reason) (\(status))", request: request).render(main)
    }
}
