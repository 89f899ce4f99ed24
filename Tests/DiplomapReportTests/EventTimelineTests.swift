import DiplomapCore
@testable import DiplomapReport
import Testing

/// The monthly timeline of event evidence in the report.
struct EventTimelineTests {
    func event(_ month: Int, _ polarity: Polarity, weight: Double, issue: Issue = .dialogue) -> Evidence {
        let date = PartialDate(year: 2019, month: month)!
        return Evidence(kind: .event, a: "KAZ", b: "TUR", issue: issue, polarity: polarity, weight: weight, period: Period(start: date),
                        citation: Citation(title: "GDELT events KAZ→TUR, \(date)", address: "events.tsv"))
    }

    @Test func monthsAreSummedOverIssuesAndOrdered() throws {
        let evidence = [event(3, .cooperation, weight: 2), event(1, .conflict, weight: 1), event(3, .cooperation, weight: 1.5, issue: .trade), event(3, .conflict, weight: 0.5)]
        let map = RelationMap(evidence: evidence, focus: ["KAZ"], partners: ["TUR"])
        let timeline = EventTimeline(map: map, registry: try MapReportTests().registry())
        let series = try #require(timeline.series.first)
        #expect(series.months.map(\.0.description) == ["2019-01", "2019-03"])
        #expect(series.months.last?.1 == EventTimeline.Month(cooperation: 3.5, conflict: 0.5))
        #expect(timeline.html.contains("Kazakhstan – Turkey"))
        #expect(timeline.html.contains("title=\"2019-03: cooperation 3.5, conflict 0.5\""))
        #expect(timeline.html.contains("2019-01 to 2019-03"))
    }

    @Test func noEventsNoSection() throws {
        let fact = Evidence(kind: .fact, a: "KAZ", b: "TUR", issue: .trade, polarity: .cooperation, citation: Citation(title: "t", address: "a"))
        let map = RelationMap(evidence: [fact], focus: ["KAZ"], partners: ["TUR"])
        #expect(EventTimeline(map: map, registry: try MapReportTests().registry()).html.isEmpty)
    }
}
