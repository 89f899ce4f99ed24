import DiplomapCore
import DiplomapEvents
import Foundation
import Testing

/// Malformed rows are counted, skipped and reported by file, line and field.
struct BadInputTests {
    @Test func eachKindOfBadRowIsReportedWhereItIs() async throws {
        let (csv, report) = try await Fixture.aggregate(["bad_rows.tsv"], damage: DamagePolicy(maxMalformed: 1))
        #expect(report.rowsRead == 7)
        #expect(report.rowsKept == 2)
        #expect(report.rowsSkipped == 5)
        let problems = report.problems.map { String($0.description.split(separator: "/").last!) }
        #expect(problems == [
            "bad_rows.tsv:2: row: has 48 fields, expected 58 for GDELT 1.0 (58 columns)",
            "bad_rows.tsv:3: GoldsteinScale: not a number: \"abc\"",
            "bad_rows.tsv:4: row: invalid UTF-8",
            "bad_rows.tsv:5: NumMentions: not an integer: \"x5\"",
            "bad_rows.tsv:6: SQLDATE: not a date YYYYMMDD",
        ])
        #expect(csv == "source,target,month,root,events,goldstein_sum,mentions\nAFG,KGZ,201305,02,1,4.0,3\nBLR,KGZ,201305,17,1,-5.0,5\n")
    }

    @Test func aRowLongerThanTheBufferIsSkipped() async throws {
        let (_, report) = try await Fixture.aggregate(["gdelt1_sample.tsv"], bufferSize: 300, damage: DamagePolicy(maxMalformed: 1))
        #expect(report.rowsSkipped > 0)
        #expect(report.rowsRead == 400)
        #expect(report.lines == 400)
        #expect(report.problems.first?.message == "longer than 300 bytes")
    }


    @Test func blankLinesAndCarriageReturnsAreNotErrors() async throws {
        let text = try Fixture.text("gdelt1_sample.tsv").replacingOccurrences(of: "\n", with: "\r\n") + "\n\n"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("diplomap-crlf-\(UUID().uuidString).tsv")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let (sink, report) = try await EventReader.scan([url.path], into: DyadMonthAggregate(), options: EventScanOptions(focus: Fixture.c5))
        #expect(report.rowsSkipped == 0)
        #expect(report.rowsRead == 400)
        #expect(sink.csv() == (try Fixture.text("gdelt1_sample.expected.csv")))
    }
}
