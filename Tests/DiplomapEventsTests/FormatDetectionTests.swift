import DiplomapEvents
import Foundation
import Testing

/// The format is told from the first line: the column count for GDELT, the header for ICEWS.
struct FormatDetectionTests {
    static func line(fields: Int) -> [UInt8] {
        Array((0..<fields).map { "f\($0)" }.joined(separator: "\t").utf8)
    }

    @Test(arguments: [(57, EventFormat.gdelt1), (58, .gdelt1URL), (61, .gdelt2)])
    func gdeltByColumnCount(fields: Int, format: EventFormat) {
        #expect(EventFormat.detect(firstLine: Self.line(fields: fields)) == format)
    }

    @Test func icewsByHeader() throws {
        let header = try Fixture.text("icews_handmade.tab").split(separator: "\n").first!
        #expect(EventFormat.detect(firstLine: Array(header.utf8)) == .icews)
    }

    @Test(arguments: [1, 20, 56, 59, 60, 62])
    func otherCountsAreUnknown(fields: Int) {
        #expect(EventFormat.detect(firstLine: Self.line(fields: fields)) == nil)
    }

    @Test func anUnknownFileIsAnErrorThatNamesIt() async throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("diplomap-events-\(UUID().uuidString).tsv")
        try Data("a\tb\tc\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        await #expect {
            _ = try await EventReader.scan([url.path], into: DyadMonthAggregate(), options: EventScanOptions(focus: Fixture.c5))
        } throws: { error in
            "\(error)".hasPrefix(url.path + ": cannot tell the format: the first line has 3")
        }
    }

    @Test func aNamedFormatOverridesDetection() async throws {
        let (_, report) = try await Fixture.aggregate(["gdelt1_sample.tsv"], format: .gdelt2)
        #expect(report.rowsSkipped == 400)
        #expect(report.problems.first?.description.hasSuffix("gdelt1_sample.tsv:1: row: has 58 fields, expected 61 for GDELT 2.0 (61 columns)") == true)
    }
}
