import DiplomapCore
import Testing

struct TimeWindowTests {
    func period(_ start: String, _ end: String? = nil) -> Period? {
        Period(start: PartialDate(start)!, end: end.flatMap(PartialDate.init))
    }

    @Test(arguments: [
        // (since, until, as of, start, end, kept)
        (nil, nil, nil, "2004", nil, true),
        ("2019", nil, nil, "2018-12-31", nil, false),
        ("2019", nil, nil, "2019", nil, true),
        ("2019-06", nil, nil, "2019", nil, true),
        (nil, "2019", nil, "2019-12-31", nil, true),
        (nil, "2019", nil, "2020-01", nil, false),
        ("2015", "2016", nil, "2014", "2020", false),
        (nil, nil, "2010-01-01", "2004-08-28", nil, true),
        (nil, nil, "2010-01-01", "1999", "2006", false),
        (nil, nil, "2010-01-01", "2006", "2012-05", true),
        (nil, nil, "2010-01-01", "2011", nil, false),
        (nil, nil, "2010", "2010-07", nil, true),
    ] as [(String?, String?, String?, String, String?, Bool)])
    func keepsEvidenceByItsDates(since: String?, until: String?, asOf: String?, start: String, end: String?, kept: Bool) {
        let window = TimeWindow(since: since.flatMap(PartialDate.init), until: until.flatMap(PartialDate.init), asOf: asOf.flatMap(PartialDate.init))
        #expect(window.contains(period(start, end), durable: true) == kept)
    }

    @Test func undatedEvidenceIsKeptOnlyWithoutAWindow() {
        #expect(TimeWindow().contains(nil, kind: .fact))
        #expect(!TimeWindow(since: PartialDate("2000")).contains(nil, kind: .fact))
    }

    @Test func describesItselfForReports() {
        #expect(TimeWindow().description == "all dates, undated evidence included")
        #expect(TimeWindow(since: PartialDate("2015"), until: PartialDate("2020")).description == "dated 2015 to 2020 (undated evidence left out)")
        #expect(TimeWindow(asOf: PartialDate("2024-01-01")).description
            == "in force on 2024-01-01: durable relations not ended by then, point evidence (visits, statements, sentences, events, vote sessions) "
            + "from the 3 years before (undated evidence left out)")
    }

    @Test(arguments: [
        // (kind, start, end, kept as of 2010-01-01 with a look-back of 3 years)
        (SourceKind.fact, "1994", nil, true),           // a membership or a treaty, not ended: in force
        (.fact, "1999", "2006", false),                 // a treaty that ended
        (.fact, "2003-05-01", "2003-05-01", false),     // a visit: a point, older than the look-back
        (.fact, "2008-05-01", "2008-05-01", true),      // a visit within the look-back
        (.vote, "1994", "1994", false),                 // a vote session of 1994 is not in force in 2010
        (.vote, "2007", "2007", true),
        (.event, "2009-11", nil, true),
        (.event, "2005-11", nil, false),
        (.document, "2006-12-31", nil, false),
        (.document, "2007-01-01", nil, true),
    ] as [(SourceKind, String, String?, Bool)])
    func asOfKeepsDurableRelationsAndRecentPoints(kind: SourceKind, start: String, end: String?, kept: Bool) {
        let window = TimeWindow(asOf: PartialDate("2010-01-01"), lookBack: 3)
        #expect(window.contains(period(start, end), kind: kind) == kept)
    }

    @Test func theLookBackIsReadAndChecked() throws {
        #expect(try TimeWindow(since: nil, until: nil, asOf: "2010", window: "5").lookBack == 5)
        #expect(try TimeWindow(since: nil, until: nil, asOf: "2010").lookBack == TimeWindow.defaultLookBack)
        #expect(throws: TimeWindowError.self) { try TimeWindow(since: nil, until: nil, asOf: "2010", window: "a few") }
        #expect(TimeWindow(asOf: PartialDate("2010"), lookBack: 1).description.contains("from the 1 year before"))
    }

    @Test func findsNamesOfSidesInText() throws {
        let registry = try Fixture.registry()
        #expect(registry.isMentioned("KAZ", in: "Talks were held in Astana."))
        #expect(registry.isMentioned("C5", in: "The five Central Asian states met."))
        #expect(registry.isMentioned("C5", in: "Uzbek and Japanese officials met."))
        #expect(registry.isMentioned("TUR", in: "Türkiye's minister"))
        #expect(!registry.isMentioned("IND", in: "Indiana University hosted a panel."))
    }
}
