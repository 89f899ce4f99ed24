import DiplomapCore
import DiplomapWeb
import DiplomapWorkspace
import Testing

/// The routes' answers: pages, redirects to canonical addresses, and errors a person can act on.
struct WebSiteTests {
    @Test func theMapPageAnswersWithTheHeatmap() async throws {
        let site = try await SharedStore.site.value
        let response = await site.mapPage(query: WebQuery.parameters([("issues", "economy.trade"), ("issues", "political.dialogue")]))
        #expect(response.status == 200 && response.contentType == "text/html; charset=utf-8")
        #expect(response.body.contains("<table class=\"heatmap\">"))
        #expect(response.body.contains("?issues=economy.trade,political.dialogue#issue-"))
    }

    @Test func threeClicksFromTheMapToTheEvidence() async throws {
        let site = try await SharedStore.site.value
        let map = await site.mapPage(query: [:])
        let row = try #require(attributeValues("href", in: map.body).first { $0 == "/dyad/UZB-KOR" })
        let segment = try #require(row.split(separator: "/").last)
        let dyad = await site.dyadPage(String(segment), query: [:])
        #expect(dyad.status == 200 && dyad.body.contains("<h2 id=\"evidence-title\">Evidence</h2>") && dyad.body.contains("<p class=\"cite\"><a href=\"https://"))
    }

    @Test func aGroupRowOpensTheGroupsOwnEvidence() async throws {
        let site = try await SharedStore.site.value
        let response = await site.dyadPage("C5-KOR", query: [:])
        #expect(response.status == 200 && response.body.contains("<h1>C5 and South Korea</h1>"))
        #expect(response.body.contains("<p class=\"cite\">"), "summits of the five with South Korea")
    }

    @Test func namesAndLowerCaseRedirectToTheCanonicalAddress() async throws {
        let site = try await SharedStore.site.value
        #expect(await site.countryPage("uzbekistan", query: ["kinds": "fact"]) == .redirect("/country/UZB?kinds=fact"))
        #expect(await site.dyadPage("uzb-kor", query: ["page": "2"]) == .redirect("/dyad/UZB-KOR?page=2"))
        #expect(await site.searchPage(query: ["q": "Uzbekistan and South Korea"]) == .redirect("/dyad/UZB-KOR"))
        let results = await site.searchPage(query: ["q": "Uzbekistn"])
        #expect(results.status == 200 && results.body.contains("Did you mean"))
    }

    @Test func badInputGetsAnErrorPageNamingTheProblem() async throws {
        let site = try await SharedStore.site.value
        let badDate = await site.mapPage(query: ["since": "last year"])
        #expect(badDate.status == 400 && badDate.body.contains("since") && badDate.body.contains("last year"))
        let unknown = await site.countryPage("XXQ", query: [:])
        #expect(unknown.status == 404 && unknown.body.contains("unknown country or group"))
        let group = await site.countryPage("C5", query: [:])
        #expect(group.status == 404)
        let notPair = await site.dyadPage("UZB", query: [:])
        #expect(notPair.status == 404)
        let badFocus = await site.mapPage(query: ["focus": "<script>x</script>"])
        #expect(badFocus.status == 400 && !badFocus.body.contains("<script>x"))
        #expect(site.asset("diplomap.js").status == 200 && site.asset("../etc/passwd").status == 404)
    }

    /// A filter that cannot be read comes back in the form, as typed and marked, beside the others kept.
    @Test func aBadFilterIsShownInTheFormToCorrect() async throws {
        let site = try await SharedStore.site.value
        let badDate = await site.mapPage(query: ["since": "sometime", "partners": "JPN"])
        #expect(badDate.status == 400)
        #expect(badDate.body.contains(#"id="since" name="since""#) && badDate.body.contains(#"value="sometime" aria-describedby="since-problem" aria-invalid="true""#))
        #expect(badDate.body.contains(#"<strong class="field-problem" id="since-problem">"#))
        #expect(badDate.body.contains(#"id="partners" name="partners" value="JPN""#), "the other filters are kept")
        #expect(!badDate.body.contains(#"id="partners" name="partners" value="JPN" aria-describedby="partners-hint partners-problem""#))

        let unknownPartner = await site.mapPage(query: ["partners": "JPN,Atlantis"])
        #expect(unknownPartner.status == 400)
        #expect(unknownPartner.body.contains(#"value="JPN,Atlantis" aria-describedby="partners-hint partners-problem" aria-invalid="true""#))
        #expect(unknownPartner.body.contains("Atlantis"))
        let unknownFocus = await site.mapPage(query: ["focus": "Atlantis"])
        #expect(unknownFocus.body.contains(#"value="Atlantis" aria-describedby="focus-hint focus-problem" aria-invalid="true""#))

        let badIssue = await site.mapPage(query: ["issues": "economy.trade,economy.nothing"])
        #expect(badIssue.status == 400 && badIssue.body.contains(#"<strong class="field-problem" id="issues-problem">unknown issue &quot;economy.nothing&quot;</strong>"#))
    }

    @Test func theErrorPageEscapesItsMessage() {
        let html = ErrorPage(status: 404, message: "No <b>such</b> state").render()
        #expect(html.contains("<title>Not found (404) · diplomap</title>") && html.contains("No &lt;b&gt;such&lt;/b&gt; state"))
    }
}
