import DiplomapCore
import DiplomapWeb
import DiplomapWorkspace
import Testing

/// The search box: a state by any of its names, a pair however it is written, suggestions for the rest.
struct SiteSearchTests {
    let search = SiteSearch(registry: try! Workspace.registry())

    @Test(arguments: [
        ("Uzbekistan", "/country/UZB"), ("UZB", "/country/UZB"), ("uz", "/country/UZB"), ("Tashkent", "/country/UZB"),
        ("Uzbekistani", "/country/UZB"), ("Seoul", "/country/KOR"), ("Republic of Korea", "/country/KOR"),
        ("Uzbekistan and South Korea", "/dyad/UZB-KOR"), ("UZB-KOR", "/dyad/UZB-KOR"), ("Uzbek Korean", "/dyad/UZB-KOR"),
        ("South Korea and Uzbekistan", "/dyad/UZB-KOR"), ("Tashkent, Seoul", "/dyad/UZB-KOR"), ("relations of Kazakhstan with Japan", "/dyad/KAZ-JPN"),
        ("SCO", "/?focus=SCO"),
    ])
    func resolvesToOnePage(query: String, target: String) {
        #expect(search.resolve(query) == .redirect(target))
    }

    @Test func keepsTheFilters() {
        let request = MapRequest(kinds: [.fact])
        #expect(search.resolve("Uzbek Korean", request: MapRequest(issues: [.trade])) == .redirect("/dyad/UZB-KOR?issues=economy.trade"))
        #expect(search.resolve("Tashkent", request: request) == .redirect("/country/UZB?kinds=fact"))
    }

    @Test func aMisspellingGetsSuggestions() throws {
        let results = try #require(search.resolve("Uzbekistn").results)
        #expect(results.found.isEmpty && results.unmatched == ["Uzbekistn"])
        #expect(results.suggestions.contains("Uzbekistan"))
    }

    @Test func nonsenseFindsNothing() throws {
        let results = try #require(search.resolve("qwxz and vbnm").results)
        #expect(results.found.isEmpty && results.unmatched == ["qwxz", "vbnm"])
    }

    @Test func threeStatesAreListedNotGuessed() throws {
        let results = try #require(search.resolve("Kazakhstan, Uzbekistan and Japan").results)
        #expect(results.found == ["KAZ", "UZB", "JPN"] && results.unmatched.isEmpty)
        let html = SearchPage(results: results, request: MapRequest(), registry: search.registry).render()
        #expect(html.contains("<a href=\"/dyad/KAZ-UZB\">Kazakhstan – Uzbekistan</a>") && html.contains("<a href=\"/country/JPN\">Japan</a>"))
    }

    @Test func aPairWithAnUnknownWordIsNotGuessed() throws {
        let results = try #require(search.resolve("Uzbekistan and Korae").results)
        #expect(results.found == ["UZB"] && results.unmatched == ["Korae"])
        #expect(results.suggestions.contains("South Korea") || results.suggestions.contains("North Korea"))
        let html = SearchPage(results: results, request: MapRequest(), registry: search.registry).render()
        #expect(html.contains("Uzbekistan and South Korea</a></li>") || html.contains("Uzbekistan and North Korea</a></li>"), "a suggestion keeps the rest of the query")
    }
}

extension SearchOutcome {
    /// The results page's content, `nil` for a redirect.
    var results: SearchResults? {
        if case .results(let results) = self { return results }
        return nil
    }
}
