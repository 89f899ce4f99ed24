import DiplomapCore
import DiplomapVotes
import DiplomapWorkspace
import Logging

/// The web app's pages served from a workspace: one call per route, each reading the map or the evidence it needs
/// and returning the response to send, errors included (400 for a bad filter, 404 for an unknown state, 500 otherwise).
public struct WebSite: Sendable {
    /// The registry and the store the pages read.
    public let workspace: Workspace
    /// Outlines for the map page; `nil` draws no map.
    public let boundaries: WorldBoundaries?
    let logger: Logger

    public init(workspace: Workspace, boundaries: WorldBoundaries?, logger: Logger) {
        self.workspace = workspace
        self.boundaries = boundaries
        self.logger = logger
    }

    private var registry: CountryRegistry { workspace.registry }

    /// `GET /`: the map under the filters of `query` (from `WebQuery.parameters`).
    public func mapPage(query: [String: String]) async -> WebResponse {
        await respond(query) { request in
            .page(MapPage(built: try await workspace.map(request), registry: registry, boundaries: boundaries).render())
        }
    }

    /// `GET /dyad/{a}-{b}`: the pair's page; `segment` is the path's last part, e.g. `UZB-KOR`; `page` in the query picks a page of evidence.
    public func dyadPage(_ segment: String, query: [String: String]) async -> WebResponse {
        await respond(query) { request in
            guard let sides = WebPaths.parseDyad(segment) else {
                return error(404, "“\(segment)” is not a pair of states; write it as two codes joined by a hyphen, e.g. UZB-KOR.", request)
            }
            let a: String, b: String
            do throws(LookupError) {
                (a, b) = (try registry.resolve(sides.a).code, try registry.resolve(sides.b).code)
            } catch {
                return self.error(404, Self.sentence(error), request)
            }
            guard a != b else { return error(404, "A pair needs two different states; both sides are \(a).", request) }
            if (a, b) != sides { return .redirect(WebPaths.dyad(a, b, request, page: WebQuery.page(query))) }
            let built = try await workspace.map(DyadPage.mapRequest(a: a, b: b, filters: request))
            let all = try await workspace.evidence(DyadPage.evidenceQuery(a: a, b: b, filters: request))
            let page = WebQuery.page(query), start = min(all.count, (page - 1) * DyadPage.pageSize)
            let end = min(all.count, start + DyadPage.pageSize)
            let next = end < all.count ? WebPaths.dyad(a, b, request, page: page + 1) : nil
            let agreement = try await VoteImport.agreementSeries(built.map, workspace: workspace)
            return .page(DyadPage(
                a: a, b: b, map: built.map, request: request, evidence: Array(all[start..<end]), agreement: agreement,
                nextPage: next, registry: registry
            ).render())
        }
    }

    /// `GET /country/{code}`: the state's page; a name or another code redirects to the ISO3 address.
    public func countryPage(_ code: String, query: [String: String]) async -> WebResponse {
        await respond(query) { request in
            let actor: Actor
            do throws(LookupError) {
                actor = try registry.resolve(code)
            } catch {
                return self.error(404, Self.sentence(error), request)
            }
            guard case .country(let country) = actor else {
                return self.error(404, "“\(code)” is a group, not a state; its relations are on the map.", request)
            }
            if country.iso3 != code { return .redirect(WebPaths.country(country.iso3, request)) }
            return .page(CountryPage(country: country, built: try await workspace.map(request), registry: registry).render())
        }
    }

    /// `GET /search?q=`: a redirect to the one state or pair named, or the results page.
    public func searchPage(query: [String: String]) async -> WebResponse {
        await respond(query) { request in
            let text = query["q"] ?? ""
            switch SiteSearch(registry: registry).resolve(text, request: request) {
            case .redirect(let location): return .redirect(location)
            case .results(let results): return .page(SearchPage(results: results, request: request, registry: registry).render())
            }
        }
    }

    /// `GET /static/{name}`: the stylesheet or the script.
    public func asset(_ name: String) -> WebResponse {
        guard let asset = WebAssets.asset(named: name) else { return error(404, "There is no file “\(name)” here.", MapRequest()) }
        return WebResponse(status: 200, contentType: asset.contentType, body: asset.body)
    }

    /// `GET /changes`: what changed between two dates (`from`, `to`, `min-delta` and the map's filters).
    public func changesPage(query: [String: String], today: PartialDate) async -> WebResponse {
        await respondChanges(query, today: today) { request, changes in
            .page(ChangesPage(request: request, changes: changes, registry: registry).render())
        }
    }

    /// `GET /changes.atom`: the same changes as an Atom feed.
    public func changesFeed(query: [String: String], today: PartialDate) async -> WebResponse {
        await respondChanges(query, today: today) { request, changes in
            WebResponse(status: 200, contentType: "application/atom+xml; charset=utf-8", body: ChangesFeed(request: request, changes: changes, registry: registry).render())
        }
    }

    private func respondChanges(_ query: [String: String], today: PartialDate, _ render: (ChangesRequest, [CellChange]) -> WebResponse) async -> WebResponse {
        let changes: ChangesRequest
        do throws(MapRequestError) {
            changes = try ChangesRequest(parameters: query, today: today)
        } catch {
            return filterError(error.parameter, error.message, query)
        }
        return await respond(query.filter { !ChangesRequest.parameterNames.contains($0.key) }) { _ in
            render(changes, try await workspace.changes(changes))
        }
    }

    /// Any other path.
    public func notFound(_ path: String) -> WebResponse {
        error(404, "There is no page at \(path).", MapRequest())
    }

    private func respond(_ query: [String: String], _ page: (MapRequest) async throws -> WebResponse) async -> WebResponse {
        let request: MapRequest
        do throws(MapRequestError) {
            request = try MapRequest(parameters: query)
        } catch {
            return filterError(error.parameter, error.message, query)
        }
        do {
            return try await page(request)
        } catch let lookup as LookupError {
            // The sides are resolved when the map is built: the focus is at fault unless it reads.
            let side = (try? registry.resolveList(request.focus)) == nil ? "focus" : "partners"
            return filterError(side, Self.sentence(lookup), query)
        } catch let failure as WorkspaceError {
            return error(400, failure.description, MapRequest())
        } catch {
            logger.error("page failed", metadata: ["error": "\(error)"])
            return self.error(500, "The page could not be made; the server's log says why.", request)
        }
    }

    /// A look-up error as the end of a sentence: "unknown country or group "X"; did you mean "Y"?".
    private static func sentence(_ error: LookupError) -> String {
        let text = error.description
        return text.hasSuffix("?") ? text : text + "."
    }

    /// A 400 page for a filter that cannot be read: why, and the filter form with that field marked and as typed.
    private func filterError(_ parameter: String, _ message: String, _ query: [String: String]) -> WebResponse {
        var others = query
        others[parameter] = nil
        let request = (try? MapRequest(parameters: others)) ?? MapRequest()
        var page = ErrorPage(status: 400, message: "The filter \(parameter): \(message)", request: request)
        page.correction = FilterForm(
            request: request, registry: registry, problem: FilterProblem(parameter: parameter, message: message, typed: query[parameter] ?? ""))
        return WebResponse(status: 400, body: page.render())
    }

    private func error(_ status: Int, _ message: String, _ request: MapRequest) -> WebResponse {
        WebResponse(status: status, body: ErrorPage(status: status, message: message, request: request).render())
    }
}
