import DiplomapWeb
import Foundation
import Testing

/// Writes the pages to the folder `$DIPLOMAP_WEB_PAGES` names, to open them in a browser without the server
/// (`Checks/web_pages.py` does); runs only when the variable is set.
struct PageFilesTests {
    static let folder = ProcessInfo.processInfo.environment["DIPLOMAP_WEB_PAGES"]

    @Test(.enabled(if: folder != nil)) func writesThePages() async throws {
        let site = try await SharedStore.site.value
        let folder = URL(fileURLWithPath: try #require(Self.folder))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("static"), withIntermediateDirectories: true)
        let pages: [(String, WebResponse)] = [
            ("map.html", await site.mapPage(query: [:])),
            ("map-trade.html", await site.mapPage(query: ["issues": "economy.trade"])),
            ("dyad-UZB-KOR.html", await site.dyadPage("UZB-KOR", query: [:])),
            ("country-UZB.html", await site.countryPage("UZB", query: [:])),
            ("search.html", await site.searchPage(query: ["q": "Uzbekistn"])),
            ("error.html", await site.mapPage(query: ["since": "soon"])),
            ("static/diplomap.css", site.asset("diplomap.css")),
            ("static/diplomap.js", site.asset("diplomap.js")),
        ]
        for (name, response) in pages {
            #expect(!response.body.isEmpty)
            try Data(response.body.utf8).write(to: folder.appendingPathComponent(name))
        }
    }
}
