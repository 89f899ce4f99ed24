import DiplomapCore
import DiplomapVotes
import DiplomapWorkspace
import Foundation
import Hummingbird

/// `/votes/agreement`: how alike two states voted in the UN General Assembly, year by year.
struct VotesController<Context: RequestContext>: Sendable {
    let registry: CountryRegistry
    let votes: VoteDataLoader

    func addRoutes(to routes: RouteTable<Context>) {
        routes.on("votes/agreement", .get) { request, _ in try await agreement(request) }
    }

    private func agreement(_ request: Request) async throws -> Response {
        let parameters = QueryParameters(request)
        func state(_ name: String) throws -> String {
            guard let query = parameters.text(name) else { throw APIError.badParameter(name, "give a state: a code or a name") }
            return try registry.resolveCountry(query).iso3
        }
        let a = try state("a"), b = try state("b")
        guard a != b else { throw APIError.badParameter("b", "give a state other than a") }
        guard let data = await votes.data() else { throw APIError(status: .internalServerError, message: "internal error") }
        for iso3 in [a, b] where data.index(of: iso3) == nil {
            throw APIError.notFound("\(iso3) (\(registry.displayName(iso3))) has no recorded UN vote")
        }
        let points = data.agreementSeries(a, b).map(AgreementBody.Point.init)
        return try Representation(json: AgreementBody(a: a, b: b, years: points), cacheControl: Representation.catalogCaching).response(to: request)
    }
}

/// Agreement of a pair per year, over every roll call both voted on.
struct AgreementBody: Encodable {
    /// One year: the roll calls both states voted on, and the measures (`null` when undefined).
    struct Point: Encodable {
        var year: Int
        var commonVotes: Int
        var agreement: Double?
        var kappa: Double?
        var sScore: Double?

        init(_ session: SessionAgreement) {
            year = session.year
            commonVotes = session.counts.commonVotes
            agreement = session.counts.agreement
            kappa = session.counts.kappa
            sScore = session.counts.sScore
        }

        enum CodingKeys: String, CodingKey { case year, commonVotes, agreement, kappa, sScore }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(year, forKey: .year)
            try container.encode(commonVotes, forKey: .commonVotes)
            try container.encode(agreement, forKey: .agreement)
            try container.encode(kappa, forKey: .kappa)
            try container.encode(sScore, forKey: .sScore)
        }
    }

    var a: String
    var b: String
    var years: [Point]
}
