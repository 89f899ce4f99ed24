import DiplomapCore
import DiplomapReport
import DiplomapWorkspace
import Foundation

/// The web app's addresses, each carrying the map's filters as query parameters, so that every view has a shareable URL.
///
/// `/` the map, `/dyad/A-B` a pair, `/country/X` a state, `/search?q=` the search, `/changes` (and `/changes.atom`) what changed,
/// `/static/diplomap.css` and `/static/diplomap.js` the assets.
public enum WebPaths {
    /// The stylesheet every page links to.
    public static let stylesheet = "/static/diplomap.css"
    /// The script every page loads (deferred); the pages work without it.
    public static let script = "/static/diplomap.js"

    /// The map page of a request.
    public static func map(_ request: MapRequest) -> String { "/" + query(request.queryItems) }

    /// The page of the pair (a, b) under the same filters, at one issue's evidence when given, at a page of evidence past the first.
    public static func dyad(_ a: String, _ b: String, _ request: MapRequest, issue: Issue? = nil, page: Int = 1) -> String {
        let items = request.queryItems + (page > 1 ? [(name: "page", value: String(page))] : [])
        return "/dyad/\(segment(a))-\(segment(b))" + query(items) + (issue.map { "#" + issueAnchor($0) } ?? "")
    }

    /// The "What changed" page of a request.
    public static func changes(_ request: ChangesRequest) -> String { "/changes" + query(request.queryItems) }

    /// The "What changed" page over a map's filters, for the last year (its own period replaces the map's).
    public static func changes(_ request: MapRequest) -> String {
        "/changes" + query(request.queryItems.filter { !["since", "until", "as-of"].contains($0.name) })
    }

    /// The Atom feed of the same changes.
    public static func changesFeed(_ request: ChangesRequest) -> String { "/changes.atom" + query(request.queryItems) }

    /// The page of a state, with the filters of the map it was reached from.
    public static func country(_ code: String, _ request: MapRequest) -> String { "/country/\(segment(code))" + query(request.queryItems) }

    /// The search for `text`, keeping the filters for the page it leads to.
    public static func search(_ text: String, _ request: MapRequest) -> String {
        "/search" + query([(name: "q", value: text)] + request.queryItems)
    }

    /// The id of an issue's evidence on a pair's page: `issue-economy.trade`.
    public static func issueAnchor(_ issue: Issue) -> String { "issue-\(issue.code)" }

    /// The two sides of a `/dyad/{a}-{b}` path segment, as written and in that order; `nil` unless there are two non-empty sides.
    public static func parseDyad(_ segment: String) -> (a: String, b: String)? {
        let decoded = segment.removingPercentEncoding ?? segment
        let parts = decoded.split(separator: "-", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        return (parts[0], parts[1])
    }

    /// Links of the map's pieces (heatmap, geographic map, pattern sentences) to the pair pages under the request's filters.
    public static func links(_ request: MapRequest) -> ReportLinks {
        ReportLinks(
            dyad: { focus, partner in dyad(focus, partner, request) },
            cell: { focus, partner, issue in dyad(focus, partner, request, issue: issue) },
            linkRows: true
        )
    }

    /// `?name=value&…` with names and values percent-encoded (commas kept, for readable lists); empty without items.
    public static func query(_ items: [(name: String, value: String)]) -> String {
        guard !items.isEmpty else { return "" }
        return "?" + items.map { "\(encode($0.name))=\(encode($0.value))" }.joined(separator: "&")
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~,")

    private static func encode(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text }

    private static func segment(_ code: String) -> String {
        code.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._~")) ?? code
    }
}
