import DiplomapCore
import DiplomapData
@testable import DiplomapEvents
import Foundation
import Testing

/// The layouts come from `Data/cameo/event_layouts.csv`, the table the Spark job reads too.
struct EventLayoutTableTests {
    static func embedded() throws -> String {
        try String(contentsOf: DefaultData.cameoFolder.appendingPathComponent("event_layouts.csv"), encoding: .utf8)
    }

    @Test func theEmbeddedTablePlacesTheCodebookColumns() throws {
        let table = try EventLayoutTable(csv: Self.embedded(), file: "event_layouts.csv")
        let gdelt2 = try #require(table.layout(.gdelt2, firstLine: [UInt8]()))
        #expect(gdelt2.columns == 61 && gdelt2.date == 1 && gdelt2.source == 7 && gdelt2.target == 17 && gdelt2.root == 28)
        #expect(gdelt2.url == 60 && gdelt2.name(of: 30) == "GoldsteinScale" && gdelt2.label == "GDELT 2.0 (61 columns)")
        #expect(table.layout(.gdelt1, firstLine: [UInt8]())?.url == nil)
        let header = try Fixture.text("icews_handmade.tab").split(separator: "\n").first!
        let icews = try #require(table.layout(.icews, firstLine: Array(header.utf8)))
        #expect(icews.hasHeader && icews.columns == 20 && icews.source == 4 && icews.goldstein == 7 && icews.root == nil && icews.mentions == nil)
        #expect(table.layout(.icews, firstLine: Array("Event Date\tSource Country".utf8)) == nil)
    }

    @Test func aColumnPastTheRowIsAnErrorWithLineAndField() throws {
        let csv = try Self.embedded().replacingOccurrences(of: "61 SOURCEURL", with: "62 SOURCEURL")
        #expect {
            try EventLayoutTable(csv: csv, file: "event_layouts.csv")
        } throws: { error in
            (error as? InputError).map { $0.line == 4 && $0.field == "url" } ?? false
        }
    }

    @Test func aFormatWithoutARowIsAnError() throws {
        let csv = try Self.embedded().split(separator: "\n").filter { !$0.hasPrefix("icews,") }.joined(separator: "\n")
        #expect(throws: InputError.self) { try EventLayoutTable(csv: csv, file: "event_layouts.csv") }
    }
}
