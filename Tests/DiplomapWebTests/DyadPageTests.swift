import DiplomapCore
import DiplomapReport
import DiplomapWeb
import DiplomapWorkspace
import Testing

/// The page of a pair: every piece of evidence with its citation, its issues anchored, nothing from a source taken as markup.
struct DyadPageTests {
    @Test func listsEveryPieceOfEvidenceWithItsCitation() async throws {
        let workspace = try await SharedStore.workspace.value
        let request = MapRequest()
        let evidence = try await workspace.store.evidence(DyadPage.evidenceQuery(a: "UZB", b: "KOR", filters: request))
        #expect(evidence.count > 10, "facts and UN votes of Uzbekistan and South Korea")
        let built = try await workspace.map(DyadPage.mapRequest(a: "UZB", b: "KOR", filters: request))
        let html = DyadPage(a: "UZB", b: "KOR", map: built.map, request: request, evidence: evidence, registry: workspace.registry).render()
        let items = html.components(separatedBy: "<p class=\"cite\">").count - 1
        #expect(items == evidence.count)
        for piece in evidence {
            let citation = piece.citation
            if citation.address.hasPrefix("https://") || citation.address.hasPrefix("http://") {
                #expect(html.contains("<a href=\"\(HTML.escape(citation.address))\">\(HTML.escape(citation.title))</a>"), "no link for \(citation.title)")
            } else {
                #expect(html.contains(HTML.escape(citation.title)))
            }
            if let locator = citation.locator { #expect(html.contains(HTML.escape(locator))) }
            for other in citation.also {
                #expect(html.contains("<a href=\"\(HTML.escape(other.address))\">\(HTML.escape(other.title))</a>"), "no link for the further source \(other.title)")
            }
        }
        #expect(evidence.contains { $0.kind == .fact && $0.citation.address.hasPrefix("http") }, "at least one cited fact with a web address")
    }

    @Test func everyIssueOfThePairHasItsAnchorAndScore() async throws {
        let site = try await SharedStore.site.value
        let built = try await site.workspace.map(DyadPage.mapRequest(a: "UZB", b: "KOR", filters: MapRequest()))
        let response = await site.dyadPage("UZB-KOR", query: [:])
        #expect(response.status == 200)
        let html = response.body
        let cells = built.map.cells.filter { $0.focus == "UZB" && $0.partner == "KOR" }
        #expect(!cells.isEmpty)
        for cell in cells {
            #expect(html.contains("<section class=\"cell\" id=\"issue-\(cell.issue.code)\">"))
            #expect(html.contains("<th scope=\"row\"><a href=\"#issue-\(cell.issue.code)\">\(HTML.escape(cell.issue.label))</a></th>"))
            #expect(html.contains("\(ScoreColor.label(score: cell.score))</td><td>\(HTML.escape(ReportNames.reading(cell)))</td><td class=\"num\">\(ReportNames.percent(cell.confidence))</td><td>\(HTML.escape(cell.basis.label))"))
        }
        #expect(html.contains("<svg class=\"agreement\""), "the UN vote agreement of the pair")
        #expect(html.contains("<a href=\"/country/UZB\">Uzbekistan</a>") && html.contains("<a href=\"/country/KOR\">South Korea</a>"))
        #expect(html.contains("<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"/\">Map</a>"))
    }

    @Test func theFiltersNarrowTheEvidenceAndStayInTheLinks() async throws {
        let site = try await SharedStore.site.value
        let response = await site.dyadPage("UZB-KOR", query: ["kinds": "vote", "since": "2010"])
        #expect(response.status == 200)
        let html = response.body
        #expect(html.contains("<span class=\"kind\">vote</span>"))
        #expect(!html.contains("<span class=\"kind\">fact</span>"))
        #expect(html.contains("<a href=\"/?kinds=vote&amp;since=2010\">Map</a>"))
        #expect(html.contains("<a href=\"/country/UZB?kinds=vote&amp;since=2010\">Uzbekistan</a>"))
    }

    @Test func hostileTextFromASourceIsShownNotRun() throws {
        let registry = try Workspace.registry()
        let citation = Citation(
            title: "<script>alert('x')</script>", publisher: "\"Agency\" & <b>", address: "javascript:alert(1)",
            locator: "<img src=x onerror=alert(1)>", summary: "</li><script>steal()</script>", quote: "<iframe>"
        )
        let evidence = [Evidence(kind: .document, a: "UZB", b: "KOR", issue: .trade, polarity: .conflict, citation: citation)]
        let map = RelationMap(evidence: evidence, focus: ["UZB"], partners: ["KOR"])
        let html = DyadPage(a: "UZB", b: "KOR", map: map, request: MapRequest(), evidence: evidence, registry: registry).render()
        #expect(!html.contains("<script>") && !html.contains("<img") && !html.contains("<iframe") && !html.contains("<b>"))
        #expect(!html.contains("href=\"javascript:"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(html.contains("&quot;Agency&quot; &amp; &lt;b&gt;"))
    }

    @Test func aLongListIsPagedWithALinkToTheNextPage() async throws {
        let registry = try Workspace.registry()
        let evidence = (0..<3).map { index in
            Evidence(kind: .fact, a: "UZB", b: "KOR", issue: .trade, polarity: .cooperation,
                     citation: Citation(title: "Trade fact \(index)", address: "https://example.org/\(index)"))
        }
        let map = RelationMap(evidence: evidence, focus: ["UZB"], partners: ["KOR"])
        let next = WebPaths.dyad("UZB", "KOR", MapRequest(kinds: [.fact]), page: 2)
        let html = DyadPage(a: "UZB", b: "KOR", map: map, request: MapRequest(kinds: [.fact]), evidence: Array(evidence.prefix(2)), nextPage: next, registry: registry).render()
        #expect(html.contains("<a rel=\"next\" href=\"/dyad/UZB-KOR?kinds=fact&amp;page=2\">"))
        #expect(html.contains("Trade fact 0") && html.contains("Trade fact 1") && !html.contains("Trade fact 2"))
    }

    @Test func aFactWithSeveralSourcesShowsThemAllAndCountsOnce() throws {
        let registry = try Workspace.registry()
        let fact = Fact(
            id: "uzb-kor-visit", kind: .summit, a: ["UZB"], b: ["KOR"], issues: [.trade], polarity: .cooperation, period: Period(start: PartialDate("2024-06-14")!),
            event: "uzb-kor-state-visit-2024",
            citations: [
                Citation(title: "Presidential office page", publisher: "Office", address: "https://president.example/visit", locator: "paragraph 2", summary: "Uzbekistan and South Korea signed trade deals."),
                Citation(title: "Agency report", publisher: "Agency", address: "https://agency.example/report", locator: "heading Deals", summary: "Seoul and Tashkent agreed on trade."),
            ]
        )
        let evidence = fact.evidence(members: registry.members)
        let map = RelationMap(evidence: evidence, focus: ["UZB"], partners: ["KOR"])
        let html = DyadPage(a: "UZB", b: "KOR", map: map, request: MapRequest(), evidence: evidence, registry: registry).render()
        #expect(evidence.count == 1)
        #expect(html.components(separatedBy: "<p class=\"cite\">").count - 1 == 1)
        #expect(html.contains("<a href=\"https://president.example/visit\">Presidential office page</a>"))
        #expect(html.contains("<a href=\"https://agency.example/report\">Agency report</a>") && html.contains("heading Deals"))
    }
}
