import DiplomapCore
import DiplomapWeb
import DiplomapWorkspace
import Testing

/// Addresses carry the filters in canonical form, and read back as the same request.
struct WebPathsTests {
    let request = MapRequest(
        focus: "C5", partners: "KOR,JPN", window: TimeWindow(since: PartialDate("2015")), issues: [.trade, .energy], kinds: [.fact, .vote]
    )

    @Test func linksCarryTheFiltersInCanonicalForm() {
        let query = "?partners=KOR,JPN&issues=economy.trade,resources.energy&kinds=fact,vote&since=2015"
        #expect(WebPaths.map(request) == "/" + query)
        #expect(WebPaths.dyad("UZB", "KOR", request, issue: .trade) == "/dyad/UZB-KOR\(query)#issue-economy.trade")
        #expect(WebPaths.dyad("UZB", "KOR", request, page: 3) == "/dyad/UZB-KOR\(query)&page=3")
        #expect(WebPaths.country("UZB", request) == "/country/UZB\(query)")
        #expect(WebPaths.search("Uzbek & Korean", MapRequest()) == "/search?q=Uzbek%20%26%20Korean")
        #expect(WebPaths.map(MapRequest()) == "/")
    }

    @Test func aLinkReadsBackAsTheSameRequest() throws {
        let link = WebPaths.dyad("UZB", "KOR", request, issue: .trade)
        let query = try #require(link.split(separator: "?").last?.split(separator: "#").first)
        let pairs = query.split(separator: "&").map { item -> (String, String) in
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            return (parts[0], parts[1].removingPercentEncoding!)
        }
        #expect(try MapRequest(parameters: WebQuery.parameters(pairs)) == request)
    }

    @Test func repeatedParametersFromAFormJoinIntoOneList() throws {
        let pairs = [("issues", "economy.trade"), ("issues", "resources.energy"), ("kinds", "fact"), ("since", ""), ("focus", "C5")]
        let parameters = WebQuery.parameters(pairs)
        #expect(parameters == ["issues": "economy.trade,resources.energy", "kinds": "fact", "focus": "C5"])
        #expect(try MapRequest(parameters: parameters).issues == [.trade, .energy])
        #expect(WebQuery.page(["page": "4"]) == 4 && WebQuery.page(["page": "-2"]) == 1 && WebQuery.page([:]) == 1)
    }

    @Test(arguments: [("UZB-KOR", "UZB", "KOR"), ("uzb-kor", "uzb", "kor"), ("C5-JPN", "C5", "JPN")])
    func dyadSegmentsKeepTheirOrder(segment: String, a: String, b: String) throws {
        let sides = try #require(WebPaths.parseDyad(segment))
        #expect(sides.a == a && sides.b == b)
    }

    @Test(arguments: ["UZB", "UZB-", "-KOR", "UZB-KOR-JPN", ""])
    func segmentsThatAreNoPairAreRefused(segment: String) {
        #expect(WebPaths.parseDyad(segment) == nil)
    }
}
