import DiplomapCore
import DiplomapEvents
import Foundation
import Testing

/// POLECAT files, in the 40-column layout of the Harvard Dataverse releases: detected by their header, countries
/// resolved by name or code, compound sides expanded to pairs, PLOVER types mapped to CAMEO roots, issues and polarity.
struct PolecatReaderTests {
    static let fixture = "polecat_handmade.DV.txt"

    /// A copy of the fixture with its header changed, in a folder of its own; the caller removes the folder.
    static func copy(header change: (String) -> String) throws -> URL {
        try Fixture.damagedCopy(of: fixture, as: "polecat.txt") { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            let newline = text.firstIndex(of: "\n")!
            bytes = Array((change(String(text[..<newline])) + text[newline...]).utf8)
        }
    }

    @Test func theHeaderTellsTheFormatAndPlacesTheFields() throws {
        let header = Array(try Fixture.text(Self.fixture).split(separator: "\n").first!.utf8)
        #expect(EventFormat.detect(firstLine: header) == .polecat)
        let icews = Array(try Fixture.text("icews_handmade.tab").split(separator: "\n").first!.utf8)
        #expect(EventFormat.detect(firstLine: icews) == .icews)
    }

    @Test func theDyadMonthAggregateIsTheOneWorkedOutByHand() async throws {
        let (csv, report) = try await Fixture.aggregate([Self.fixture])
        #expect(csv == (try Fixture.text("polecat_handmade.expected.csv")))
        #expect(report.formats == [.polecat])
        #expect(report.rowsRead == 11)
        // The rows without a state on a side, between two states outside the focus, or within one state are not kept.
        #expect(report.rowsKept == 8)
        #expect(report.rowsSkipped == 0)
    }

    @Test func olderFilesThatCallTheIntensityIntensityReadTheSame() async throws {
        let url = try Self.copy { $0.replacingOccurrences(of: "Event Intensity", with: "Intensity") }
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let (csv, report) = try await Fixture.aggregate([url.path])
        #expect(report.formats == [.polecat])
        #expect(csv == (try Fixture.text("polecat_handmade.expected.csv")))
    }

    @Test func aHeaderWithoutContextsIsAnErrorThatNamesTheFields() async throws {
        let url = try Self.copy { $0.replacingOccurrences(of: "Contexts", with: "Context") }
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        #expect(EventFormat.detect(firstLine: Array("Event Date\tEvent Type".utf8)) == nil)
        await #expect {
            _ = try await Fixture.aggregate([url.path], format: .polecat)
        } throws: { error in
            "\(error)".hasSuffix("POLECAT files need a header row naming Event Date, Actor Country, Recipient Country, Event Type, Event Intensity or Intensity, Primary Actor Sector, Primary Recipient Sector, Event Mode and Contexts")
        }
    }

    @Test func malformedRowsAreCountedAndReportedByLineAndField() async throws {
        let (csv, report) = try await Fixture.aggregate(["polecat_bad_rows.DV.txt"], damage: DamagePolicy(maxMalformed: 1))
        // The last row's event type is `None`, as POLECAT writes an empty field: not an event, and no problem either.
        #expect(report.rowsRead == 7)
        #expect(report.rowsSkipped == 4)
        #expect(report.rowsKept == 2)
        let problems = report.problems.map { String($0.description.split(separator: "/").last!) }
        #expect(problems == [
            "polecat_bad_rows.DV.txt:3: Event Type: not a PLOVER event type: \"FIGHT\"",
            "polecat_bad_rows.DV.txt:4: Event Date: not a date YYYY-MM-DD",
            "polecat_bad_rows.DV.txt:5: Event Intensity: not a number: \"high\"",
            "polecat_bad_rows.DV.txt:6: row: has 20 fields, expected 40 for POLECAT",
        ])
        // The second good row writes its type in lower case, which PLOVER's types are matched in.
        #expect(csv == "source,target,month,root,events,goldstein_sum,mentions\nKAZ,CHN,202401,04,2,8.0,2\n")
    }

    @Test func eventsBecomeEvidenceWithThePloverIssueAndPolarity() async throws {
        let options = EventScanOptions(focus: Fixture.c5, namer: Fixture.namer)
        let (aggregate, _) = try await EventReader.scan(
            [Fixture.path(Self.fixture)], into: EvidenceAggregate(map: try Fixture.issueMap()), options: options)
        let evidence = aggregate.evidence(dataset: "POLECAT", files: [Self.fixture]) { $0 }
        let cells = Set(evidence.map { "\($0.a)>\($0.b) \($0.issue.code) \($0.polarity.rawValue)" })
        #expect(cells == [
            "KAZ>CHN political.dialogue cooperation",
            "KAZ>CHN resources.energy cooperation",
            "KGZ>TJK territory.borders conflict",
            "TJK>KGZ territory.borders conflict",
            "RUS>TJK economy.development cooperation",
            "UZB>AFG security.narcotics cooperation",
            "TJK>AFG security.narcotics cooperation",
            "KGZ>RUS economy.trade conflict",
            "TKM>AFG security.defense conflict",
        ])
        let clash = try #require(evidence.first { $0.a == "KGZ" && $0.b == "TJK" })
        #expect(clash.citation.locator == "month 202401, PLOVER event types ASSAULT ×1")
        #expect(clash.citation.publisher == "POLECAT")
        #expect(clash.citation.summary?.hasPrefix("1 event of conflict from KGZ to TJK in 2024-01, Goldstein sum -9.0") == true)
    }
}
