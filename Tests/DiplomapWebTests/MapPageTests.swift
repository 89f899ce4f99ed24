import DiplomapCore
import DiplomapReport
import DiplomapWeb
import DiplomapWorkspace
import Testing

/// The map page of the real store: links that keep the filters, cells that open the right pair and issue, a form a person can use.
struct MapPageTests {
    func page(_ request: MapRequest) async throws -> (BuiltMap, String) {
        let workspace = try await SharedStore.workspace.value
        let built = try await workspace.map(request)
        return (built, MapPage(built: built, registry: workspace.registry, boundaries: try Workspace.boundaries()).render())
    }

    @Test func everyLinkToAPairCarriesTheFilters() async throws {
        let request = MapRequest(window: TimeWindow(since: PartialDate("2000")), kinds: [.fact, .vote])
        let (built, html) = try await page(request)
        #expect(!built.map.cells.isEmpty)
        let query = HTML.escape(WebPaths.query(request.queryItems))
        let pairLinks = attributeValues("href", in: html).filter { $0.hasPrefix("/dyad/") }
        #expect(pairLinks.count > built.map.cells.count, "a link per cell, per row and per line of the map")
        for link in pairLinks { #expect(link.contains(query), "\(link) lost the filters") }
        #expect(html.contains("<input type=\"hidden\" name=\"kinds\" value=\"fact,vote\">"), "the search box keeps the filters")
    }

    @Test func aHeatmapCellOpensItsPairAtItsIssue() async throws {
        let (built, html) = try await page(MapRequest())
        let cells = built.map.cells.filter { $0.focus == "UZB" && $0.partner == "KOR" }
        #expect(!cells.isEmpty, "the embedded data has evidence of Uzbekistan and South Korea")
        for cell in cells {
            let href = "/dyad/UZB-KOR#issue-\(cell.issue.code)"
            #expect(html.contains("<a href=\"\(href)\" title=\"Uzbekistan – South Korea · \(cell.issue.label):"), "no cell link \(href)")
        }
        #expect(html.contains("<th scope=\"row\"><a href=\"/dyad/UZB-KOR\">Uzbekistan – South Korea</a></th>"), "the row's name opens the pair")
    }

    @Test func aFilteredMapShowsOnlyTheChosenIssue() async throws {
        let (all, _) = try await page(MapRequest())
        let request = MapRequest(issues: [.trade])
        let (built, html) = try await page(request)
        #expect(built.map.cells.allSatisfy { $0.issue == .trade })
        #expect(built.map.cells.count < all.map.cells.count)
        let anchors = Set(attributeValues("href", in: html).filter { $0.hasPrefix("/dyad/") && $0.contains("#") }.map { $0.split(separator: "#").last! })
        #expect(anchors == ["issue-economy.trade"])
        #expect(html.contains("id=\"issues-economy-trade\" name=\"issues\" value=\"economy.trade\" checked"))
        #expect(!html.contains("value=\"resources.energy\" checked"))
    }

    @Test func everyFormControlHasALabel() async throws {
        let (_, html) = try await page(MapRequest(kinds: [.event]))
        let controls = html.components(separatedBy: "<input").dropFirst().filter { !$0.hasPrefix(" type=\"hidden\"") }
        #expect(controls.count > 16 + 4 + 3)
        for control in controls {
            let id = try #require(attributeValues("id", in: control).first, "a control without id: \(control.prefix(80))")
            #expect(html.contains("<label for=\"\(id)\""), "no label for \(id)")
        }
        #expect(html.contains("<form class=\"filters\" method=\"get\" action=\"/\""))
        #expect(html.contains("id=\"kinds-event\" name=\"kinds\" value=\"event\" checked"))
    }

    @Test func thePageLoadsNothingFromElsewhere() async throws {
        let (_, html) = try await page(MapRequest())
        #expect(attributeValues("src", in: html) == [WebPaths.script])
        let head = try #require(html.components(separatedBy: "</head>").first)
        #expect(!head.contains("http"))
        #expect(attributeValues("href", in: head) == ["data:,", WebPaths.stylesheet], "the icon is empty, so that no request for it fails")
        for name in ["diplomap.css", "diplomap.js"] {
            let asset = try #require(WebAssets.asset(named: name))
            #expect(!asset.body.contains("http") && !asset.body.contains("@import"))
        }
        #expect(WebAssets.asset(named: "other.js") == nil)
        #expect(WebAssets.asset(named: "diplomap.css")?.contentType == "text/css; charset=utf-8")
    }
}
