import DiplomapCore
import DiplomapWeb
import DiplomapWorkspace
import Testing

/// The page of a state: who it is, which groups it is in, and its rows of the current map.
struct CountryPageTests {
    @Test func showsNamesCodesGroupsAndRows() async throws {
        let workspace = try await SharedStore.workspace.value
        let built = try await SharedStore.defaultMap.value
        let country = try #require(workspace.registry.country(iso3: "UZB"))
        let html = CountryPage(country: country, built: built, registry: workspace.registry).render()
        #expect(html.contains("<h1>Uzbekistan</h1>") && html.contains("Republic of Uzbekistan"))
        #expect(html.contains("<dt>Capital</dt><dd>Tashkent</dd>") && html.contains("<dt>UN M49</dt><dd>860</dd>"))
        #expect(html.contains("<dt>Demonyms</dt><dd>Uzbek, Uzbekistani</dd>"))
        #expect(html.contains("<a href=\"/?focus=SCO\">"), "its groups, each opening the map focused on it")
        #expect(!html.contains("<a href=\"/?focus=ASEAN\">"))
        for partner in built.map.partners where built.map.cells.contains(where: { $0.focus == "UZB" && $0.partner == partner }) {
            #expect(html.contains("<th scope=\"row\"><a href=\"/dyad/UZB-\(partner)\">"), "no row for UZB–\(partner)")
        }
    }

    @Test func aStateOutsideTheMapIsOfferedItsOwnMap() async throws {
        let workspace = try await SharedStore.workspace.value
        let built = try await SharedStore.defaultMap.value
        let country = try #require(workspace.registry.country(iso3: "BRA"))
        let html = CountryPage(country: country, built: built, registry: workspace.registry).render()
        #expect(html.contains("Brazil has no row in the current map") && html.contains("<a href=\"/?focus=BRA\">"))
    }
}
