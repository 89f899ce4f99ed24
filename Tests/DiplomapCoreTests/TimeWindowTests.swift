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
        #expect(window.contains(period(start, end)) == kept)
    }

    @Test func undatedEvidenceIsKeptOnlyWithoutAWindow() {
        #expect(TimeWindow().contains(nil))
        #expect(!TimeWindow(since: PartialDate("2000")).contains(nil))
    }

    @Test func describesItselfForReports() {
        #expect(TimeWindow().description == "all dates, undated evidence included")
        #expect(TimeWindow(since: PartialDate("2015"), until: PartialDate("2020")).description == "dated 2015 to 2020 (undated evidence left out)")
        #expect(TimeWindow(asOf: PartialDate("2024-01-01")).description == "in force on 2024-01-01 (undated evidence left out)")
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
