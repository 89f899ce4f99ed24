import DiplomapCore
import DiplomapWeb
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The HTML pages: the map, a pair, a state, the search and the static files, rendered by `WebSite`.
struct PageController {
    let site: WebSite

    func addRoutes(to router: Router<ServerContext>) {
        router.get("/") { request, _ in Self.response(await site.mapPage(query: Self.query(request))) }
        router.get("/dyad/:pair") { request, context in
            Self.response(await site.dyadPage(try context.parameters.require("pair"), query: Self.query(request)))
        }
        router.get("/country/:code") { request, context in
            Self.response(await site.countryPage(try context.parameters.require("code"), query: Self.query(request)))
        }
        router.get("/search") { request, _ in Self.response(await site.searchPage(query: Self.query(request))) }
        router.get("/changes") { request, _ in Self.response(await site.changesPage(query: Self.query(request), today: Self.today)) }
        router.get("/changes.atom") { request, _ in Self.response(await site.changesFeed(query: Self.query(request), today: Self.today)) }
        router.get("/static/:name") { _, context in Self.response(site.asset(try context.parameters.require("name"))) }
        // Any other page path: an HTML 404 for people; paths under the API keep its JSON errors.
        router.get("**") { request, _ -> Response in
            if request.uri.path.hasPrefix("/api/") { throw HTTPError(.notFound) }
            return Self.response(site.notFound(request.uri.path))
        }
    }

    /// Every query pair, repeated names included: the filter form without script sends `issues=a&issues=b`;
    /// decoded as forms write them, so that "last+year" is read as "last year".
    private static func query(_ request: Request) -> [String: String] {
        let pairs = (request.uri.query ?? "").split(separator: "&").map { pair -> (String, String) in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (QueryParameters.decode(parts[0]), parts.count > 1 ? QueryParameters.decode(parts[1]) : "")
        }
        return WebQuery.parameters(pairs)
    }

    /// Today in UTC: the default end of "What changed".
    private static var today: PartialDate {
        let parts = UTCTime.format(time(nil), "%Y %m %d").split(separator: " ").compactMap { Int($0) }
        return PartialDate(year: parts[0], month: parts[1], day: parts[2])!
    }

    private static func response(_ page: WebResponse) -> Response {
        var headers: HTTPFields = [
            .contentType: page.contentType, .cacheControl: "no-cache", .contentSecurityPolicy: contentSecurityPolicy,
            .xContentTypeOptions: "nosniff",
        ]
        if let location = page.location { headers[.location] = location }
        return Response(
            status: HTTPResponse.Status(code: page.status), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(string: page.body))
        )
    }

    /// The pages load their own script and stylesheet only, post forms only to this server and are framed by no one;
    /// inline `style` attributes colour the heatmap's cells. Whatever markup a fact or document holds is escaped as
    /// text, and this policy keeps a slip in that from running script.
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
        + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
}

extension HTTPField.Name {
    static let contentSecurityPolicy = HTTPField.Name("Content-Security-Policy")!
    static let xContentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
}
