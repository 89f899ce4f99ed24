import DiplomapCore
import DiplomapStore
import DiplomapWeb
import DiplomapWorkspace
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Logging
import Testing

/// "What changed" on a store with evidence in two windows: Kazakhstan–Japan trade cooperative in 2019 and in conflict
/// in 2023, Uzbekistan–South Korea trade cooperative in both.
struct ChangesTests {
    static func evidence(_ a: String, _ b: String, _ polarity: Polarity, _ date: String, _ n: Int) -> Evidence {
        Evidence(
            kind: .document, a: a, b: b, issue: .trade, polarity: polarity, period: Period(start: PartialDate(date)!),
            citation: Citation(title: "\(a)-\(b) \(polarity.rawValue) \(date) #\(n)", address: "https://example.org/\(a)-\(b)/\(date)/\(n)")
        )
    }

    static func site() async throws -> WebSite {
        let workspace = Workspace(registry: try Workspace.registry(), store: try SQLiteStore.inMemory())
        let rows = (1...3).flatMap { n in
            [
                evidence("KAZ", "JPN", .cooperation, "2019-05-01", n), evidence("KAZ", "JPN", .conflict, "2023-03-01", n),
                evidence("UZB", "KOR", .cooperation, "2019-06-01", n), evidence("UZB", "KOR", .cooperation, "2022-06-01", n),
            ]
        }
        try await workspace.replace(EvidenceSource(id: "notes", kind: .document, name: "notes", sha256: String(repeating: "0", count: 64)), with: rows)
        return WebSite(workspace: workspace, boundaries: nil, logger: Logger(label: "diplomap.web.tests"))
    }

    static let query = ["focus": "KAZ,UZB", "partners": "JPN,KOR", "from": "2020-01-01", "to": "2024-01-01"]
    static let today = PartialDate(year: 2026, month: 1, day: 1)!

    @Test func aCellThatTurnedIsListedWithTheEvidenceThatEnteredAndLeft() async throws {
        let site = try await Self.site()
        let changes = try await site.workspace.changes(try ChangesRequest(parameters: Self.query, today: Self.today))
        let change = try #require(changes.first)
        #expect(changes.count == 1)
        #expect((change.focus, change.partner, change.issue) == ("KAZ", "JPN", .trade))
        #expect(change.before > 0 && change.after < 0 && change.turned)
        #expect(change.entered.map(\.polarity) == [.conflict, .conflict, .conflict])
        #expect(change.left.map(\.polarity) == [.cooperation, .cooperation, .cooperation])
    }

    @Test func aLargeMinimumMoveStillListsATurn() async throws {
        let site = try await Self.site()
        var query = Self.query
        query["min-delta"] = "2"
        #expect(try await site.workspace.changes(try ChangesRequest(parameters: query, today: Self.today)).count == 1)
        query["from"] = "2024-06-01"
        #expect(throws: MapRequestError.self) { try ChangesRequest(parameters: query, today: Self.today) }
    }

    @Test func thePageAndTheFeedListTheSameCells() async throws {
        let site = try await Self.site()
        let page = await site.changesPage(query: Self.query, today: Self.today)
        #expect(page.status == 200)
        #expect(page.body.contains("What changed between 2020-01-01 and 2024-01-01"))
        #expect(page.body.contains("KAZ-JPN conflict 2023-03-01 #1"))
        #expect(page.body.contains("/changes.atom?"))
        let feed = await site.changesFeed(query: Self.query, today: Self.today)
        #expect(feed.status == 200)
        #expect(feed.contentType.hasPrefix("application/atom+xml"))
        let document = try XMLDocument(data: Data(feed.body.utf8))
        let entries = try document.nodes(forXPath: "/*[local-name()='feed']/*[local-name()='entry']")
        #expect(entries.count == 1)
        #expect(feed.body.contains("urn:diplomap:change:2020-01-01:2024-01-01:KAZ-JPN:economy.trade"))
        #expect(await site.changesFeed(query: ["from": "soon"], today: Self.today).status == 400)
    }
}
