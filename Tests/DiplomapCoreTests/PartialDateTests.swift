import DiplomapCore
import Testing

/// A date's text is what stores keep and read back: the same form at each precision, parsed back to the same date.
struct PartialDateTests {
    @Test(arguments: [
        (PartialDate(year: 2019), "2019"), (PartialDate(year: 2019, month: 12), "2019-12"), (PartialDate(year: 2022, month: 1, day: 27), "2022-01-27"),
        (PartialDate(year: 7, month: 3, day: 9), "0007-03-09"), (PartialDate(year: 9999, month: 12, day: 31), "9999-12-31"),
        (PartialDate(year: 2024, month: 2, day: 29), "2024-02-29"),
    ])
    func textAtEachPrecisionReadsBackAsTheSameDate(date: PartialDate?, text: String) throws {
        let date = try #require(date)
        #expect(date.description == text)
        #expect(date.withASCII { Array($0) } == Array(text.utf8))
        #expect(PartialDate(text) == date)
    }
}
