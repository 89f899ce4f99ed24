@testable import DiplomapEvents
import Testing

/// The aggregate CSV equals, byte for byte, what the DuckDB reference query wrote for the same files.
struct AggregateContractTests {
    @Test func realGDELT1SampleMatchesTheReference() async throws {
        let (csv, report) = try await Fixture.aggregate(["gdelt1_sample.tsv"])
        #expect(csv == (try Fixture.text("gdelt1_sample.expected.csv")))
        #expect(report.rowsRead == 400)
        #expect(report.rowsKept == 7)
        #expect(report.rowsSkipped == 0)
        #expect(report.formats == [.gdelt1URL])
    }

    @Test func anotherFocusMatchesTheReference() async throws {
        let (csv, _) = try await Fixture.aggregate(["gdelt1_sample.tsv"], focus: FocusCodes(["RUS", "USA"]))
        #expect(csv == (try Fixture.text("gdelt1_sample.RUS-USA.expected.csv")))
    }

    @Test func historicalFilesWithoutURLGiveTheSameAggregate() async throws {
        let (csv, report) = try await Fixture.aggregate(["gdelt1_sample57.tsv"])
        #expect(csv == (try Fixture.text("gdelt1_sample.expected.csv")))
        #expect(report.formats == [.gdelt1])
    }

    @Test(arguments: ["gdelt2_generated.tsv", "gdelt2_generated.tsv.gz", "gdelt2_generated.zip"])
    func gdelt2MatchesTheReferencePlainOrCompressed(file: String) async throws {
        let (csv, report) = try await Fixture.aggregate([file])
        #expect(csv == (try Fixture.text("gdelt2_generated.expected.csv")))
        #expect(report.rowsRead == 2000)
        #expect(report.formats == [.gdelt2])
    }

    /// Small buffers and many workers put range and buffer boundaries in the middle of rows.
    @Test(arguments: [1, 2, 3, 7])
    func workersAndSmallBuffersDoNotChangeTheResult(threads: Int) async throws {
        let (csv, report) = try await Fixture.aggregate(["gdelt2_generated.tsv"], threads: threads, bufferSize: 4096, splitThreshold: 0)
        #expect(csv == (try Fixture.text("gdelt2_generated.expected.csv")))
        #expect(report.rowsRead == 2000)
        #expect(report.lines == 2000)
    }

    @Test func icewsCountriesAreResolvedByName() async throws {
        let (csv, report) = try await Fixture.aggregate(["icews_handmade.tab"])
        #expect(csv == (try Fixture.text("icews_handmade.expected.csv")))
        #expect(report.rowsRead == 6)
        #expect(report.formats == [.icews])
    }

    @Test func severalFilesAddUp() async throws {
        let (csv, report) = try await Fixture.aggregate(["gdelt1_sample.tsv", "gdelt1_sample57.tsv"])
        #expect(report.rowsRead == 800)
        #expect(csv.contains("AFG,TKM,201305,04,6,9.6,36\n"))
    }

    @Test func roundingKeepsOneDecimal() {
        #expect(DyadMonthAggregate.oneDecimal(4.8000000000000007) == "4.8")
        #expect(DyadMonthAggregate.oneDecimal(-6) == "-6.0")
        #expect(DyadMonthAggregate.oneDecimal(0.25) == "0.3")
    }
}
