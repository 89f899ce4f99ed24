import Foundation
import Testing

/// `diplomap events` as a user runs it, on the fixtures of the event tests.
struct EventsCommandTests {
    let cli = CommandLineTests()

    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("DiplomapEventsTests/Fixtures").appendingPathComponent(name).path
    }

    @Test func aggregateWritesTheContractAndASummary() throws {
        let result = try cli.run(["events", "aggregate", Self.fixture("gdelt1_sample.tsv")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == (try String(contentsOfFile: Self.fixture("gdelt1_sample.expected.csv"), encoding: .utf8)))
        #expect(result.stderr.contains("Read 400 rows from 1 file (GDELT 1.0 (58 columns))"), "\(result.stderr)")
        #expect(result.stderr.contains("kept 7 with a side in C5, skipped 0 malformed"), "\(result.stderr)")
    }

    @Test func strictFailsOnABadRowAndWritesNothing() throws {
        let out = cli.folder.appendingPathComponent("out.csv")
        let result = try cli.run(["events", "aggregate", Self.fixture("bad_rows.tsv"), "--strict", "--out", out.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("bad_rows.tsv:2: row: has 48 fields, expected 58"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        let lenient = try cli.run(["events", "aggregate", Self.fixture("bad_rows.tsv"), "--quiet", "--out", out.path])
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("bad_rows.tsv:3: GoldsteinScale: not a number"), "\(lenient.stderr)")
        #expect(!lenient.stderr.contains("Read 7 rows"))
        #expect(FileManager.default.fileExists(atPath: out.path))
    }

    @Test func importMakesEventEvidenceOnce() throws {
        let first = try cli.run(["events", "import", Self.fixture("gdelt1_sample.tsv"), "--quiet"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Imported 5 evidence rows"), "\(first.stdout)")
        let again = try cli.run(["events", "import", Self.fixture("gdelt1_sample.tsv"), "--quiet"])
        #expect(again.status == 0)
        let evidence = try cli.run(["evidence", "--dyad", "TKM-AFG", "--format", "csv"])
        let rows = evidence.stdout.split(separator: "\n").filter { $0.contains(",event,") }
        #expect(rows.count == 1, "\(evidence.stdout)")
        #expect(rows.first?.contains("AFG,TKM,political.dialogue,cooperation,event,2013-05") == true)
    }
}
