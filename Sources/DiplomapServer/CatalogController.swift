import DiplomapCore
import Hummingbird

/// `/countries`, `/groups`, `/issues` and `/openapi.json`: what the registry and the taxonomy hold.
struct CatalogController<Context: RequestContext>: Sendable {
    let registry: CountryRegistry
    private let countries: Representation
    private let groups: Representation
    private let issues: Representation
    private let openAPI: Representation

    init(registry: CountryRegistry, openAPI: [UInt8]) throws {
        self.registry = registry
        countries = try Representation(json: registry.countries, cacheControl: Representation.catalogCaching, compress: true)
        groups = try Representation(json: registry.groups, cacheControl: Representation.catalogCaching, compress: true)
        issues = try Representation(json: Issue.allCases.map(IssueBody.init), cacheControl: Representation.catalogCaching, compress: true)
        self.openAPI = Representation(bytes: openAPI, contentType: "application/json", cacheControl: Representation.catalogCaching, compress: true)
    }

    func addRoutes(to routes: RouteTable<Context>) {
        routes.on("countries", .get) { request, _ in try self.countries(request) }
        routes.on("countries/:code", .get) { request, context in try self.country(request, context) }
        routes.on("groups", .get) { request, _ in self.groups.response(to: request) }
        routes.on("groups/:code", .get) { request, context in try self.group(request, context) }
        routes.on("issues", .get) { request, _ in self.issues.response(to: request) }
        routes.on("openapi.json", .get) { request, _ in self.openAPI.response(to: request) }
    }

    /// Every state, or those whose code, name, alias, capital or demonym matches `q`.
    private func countries(_ request: Request) throws -> Response {
        guard let query = QueryParameters(request).text("q") else { return countries.response(to: request) }
        return try Representation(json: registry.search(query), cacheControl: Representation.catalogCaching).response(to: request)
    }

    /// One state by any code or name, with the groups it belongs to; 404 with the nearest names otherwise.
    private func country(_ request: Request, _ context: Context) throws -> Response {
        let query = try context.parameters.require("code")
        let country = try registry.resolveCountry(query.removingPercentEncoding ?? query)
        let memberships = registry.groups.filter { $0.members.contains(country.iso3) }.map(\.code)
        return try Representation(json: CountryBody(country: country, groups: memberships), cacheControl: Representation.catalogCaching)
            .response(to: request)
    }

    /// One group by code or name.
    private func group(_ request: Request, _ context: Context) throws -> Response {
        let query = try context.parameters.require("code")
        guard case .group(let group) = try registry.resolve(query.removingPercentEncoding ?? query) else {
            throw APIError.notFound("\"\(query)\" is a state, not a group; /api/v1/groups lists the groups")
        }
        return try Representation(json: group, cacheControl: Representation.catalogCaching).response(to: request)
    }
}

/// An issue as the API lists it.
struct IssueBody: Encodable {
    var code: String
    var domain: String
    var label: String
    var summary: String

    init(_ issue: Issue) {
        code = issue.code
        domain = issue.domain.rawValue
        label = issue.label
        summary = issue.summary
    }
}

/// A state with the codes of the groups it is a member of.
struct CountryBody: Encodable {
    var country: Country
    var groups: [String]
}
