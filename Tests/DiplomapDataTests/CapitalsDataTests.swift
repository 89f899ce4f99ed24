import DiplomapCore
import DiplomapData
import DiplomapFacts
import Foundation
import Testing

/// The embedded capitals are where the map's lines meet: they must be the right cities, and a group must sit among its members.
struct CapitalsDataTests {
    func boundaries() throws -> WorldBoundaries {
        let capitals = try Capitals(csv: String(contentsOf: DefaultData.capitalsFile, encoding: .utf8), file: DefaultData.capitalsFile.path)
        return try WorldBoundaries(geoJSON: Data(contentsOf: DefaultData.boundariesFile), file: DefaultData.boundariesFile.path, capitals: capitals)
    }

    @Test(arguments: [("KAZ", "Astana", 51.17, 71.45), ("UZB", "Tashkent", 41.30, 69.24)])
    func centralAsianCapitalsLieWhereTheCitiesAre(iso3: String, name: String, lat: Double, lon: Double) throws {
        let boundaries = try boundaries()
        let capital = try #require(boundaries.capitals[iso3])
        #expect(capital.name == name)
        #expect(abs(capital.lat - lat) < 0.5 && abs(capital.lon - lon) < 0.5, "\(capital)")
        let anchor = try #require(boundaries.anchor(iso3))
        #expect(anchor.lat == capital.lat && anchor.lon == capital.lon)
    }

    @Test func everyRowIsAStateOfTheRegistry() throws {
        let registry = try KnowledgeBase.registry(countries: DefaultData.countriesFile, groups: DefaultData.groupsFile)
        let capitals = try boundaries().capitals.byISO3
        #expect(capitals.count == 194)
        #expect(capitals.keys.filter { registry.country(iso3: $0) == nil }.isEmpty)
        #expect(capitals["XKX"]?.name == "Pristina" && capitals["SSD"]?.name == "Juba" && capitals["ZAF"]?.name == "Pretoria")
    }

    @Test func aStateWithoutACapitalRowFallsBackToItsCentroid() throws {
        let boundaries = try boundaries()
        // Burundi has an outline but no row (Natural Earth's Bujumbura is not Gitega).
        #expect(boundaries.capitals["BDI"] == nil)
        let anchor = try #require(boundaries.anchor("BDI"))
        let centroid = try #require(boundaries.centroid("BDI"))
        #expect(anchor.lon == centroid.lon && anchor.lat == centroid.lat)
        #expect(anchor.lat > -5 && anchor.lat < -2 && anchor.lon > 28.5 && anchor.lon < 31)
    }

    @Test func theC5SitsWithinTheBoxOfItsMembersCapitals() throws {
        let registry = try KnowledgeBase.registry(countries: DefaultData.countriesFile, groups: DefaultData.groupsFile)
        let boundaries = try boundaries()
        let members = try #require(registry.group(code: "C5")).members.map { try #require(boundaries.anchor($0)) }
        #expect(members.count == 5)
        let c5 = try #require(boundaries.anchor(side: "C5", registry: registry))
        #expect(c5.lon > members.map(\.lon).min()! && c5.lon < members.map(\.lon).max()!)
        #expect(c5.lat > members.map(\.lat).min()! && c5.lat < members.map(\.lat).max()!)
        #expect(boundaries.anchor(side: "KAZ", registry: registry)?.lat == boundaries.capitals["KAZ"]?.lat)
    }
}
