import DiplomapTestSupport
import Foundation
import Testing

/// `diplomap events` as a user runs it, on the fixtures of the event tests.
struct EventsCommandTests {
    let cli = CommandLineTests()

    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("DiplomapEventsTests/Fixtures").appendingPathComponent(name).path
    }

    @Test func aggregateWritesTheContractAndASummary() async throws {
        let result = try await cli.run(["events", "aggregate", Self.fixture("gdelt1_sample.tsv")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == (try String(contentsOfFile: Self.fixture("gdelt1_sample.expected.csv"), encoding: .utf8)))
        #expect(result.stderr.contains("Read 400 rows from 1 file (GDELT 1.0 (58 columns))"), "\(result.stderr)")
        #expect(result.stderr.contains("kept 7 with a side in C5, skipped 0 malformed"), "\(result.stderr)")
    }

    @Test func strictFailsOnABadRowAndWritesNothing() async throws {
        let out = cli.folder.appendingPathComponent("out.csv")
        let result = try await cli.run(["events", "aggregate", Self.fixture("bad_rows.tsv"), "--strict", "--out", out.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("bad_rows.tsv:2: row: has 48 fields, expected 58"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        let lenient = try await cli.run(["events", "aggregate", Self.fixture("bad_rows.tsv"), "--quiet", "--max-malformed", "100", "--out", out.path])
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("bad_rows.tsv:3: GoldsteinScale: not a number"), "\(lenient.stderr)")
        #expect(!lenient.stderr.contains("Read 7 rows"))
        #expect(FileManager.default.fileExists(atPath: out.path))
    }

    @Test func importMakesEventEvidenceOnce() async throws {
        let first = try await cli.run(["events", "import", Self.fixture("gdelt1_sample.tsv"), "--quiet"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Imported 5 evidence rows"), "\(first.stdout)")
        let again = try await cli.run(["events", "import", Self.fixture("gdelt1_sample.tsv"), "--quiet"])
        #expect(again.status == 0)
        let evidence = try await cli.run(["evidence", "--dyad", "TKM-AFG", "--format", "csv"])
        let rows = evidence.stdout.split(separator: "\n").filter { $0.contains(",event,") }
        #expect(rows.count == 1, "\(evidence.stdout)")
        #expect(rows.first?.contains("AFG,TKM,political.dialogue,cooperation,event,2013-05") == true)
    }

    /// A copy of the GDELT 2.0 gzip fixture with its middle byte flipped.
    func flippedGzip() throws -> String {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Self.fixture("gdelt2_generated.tsv.gz"))))
        bytes[bytes.count / 2] ^= 0xFF
        let url = cli.folder.appendingPathComponent("flipped.export.CSV.gz")
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test func aGzipWithAFlippedByteImportsNothingAndExitsThree() async throws {
        let flipped = try flippedGzip()
        let result = try await cli.run(["events", "import", flipped, "--quiet"])
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("\(flipped): damaged at byte 183379: gzip: corrupt data (incorrect data check) (nothing of it used)"), "\(result.stderr)")
        #expect(result.stdout.contains("Imported nothing: every file was damaged"), "\(result.stdout)")
        let sources = try await cli.run(["sources", "--format", "csv"])
        let line = try #require(sources.stdout.split(separator: "\n").first { $0.contains("events/flipped.export.CSV.gz") })
        #expect(line.contains(",event,refused,true,flipped.export.CSV.gz,183383,"), "\(sources.stdout)")
        // Rows read, kept, malformed and stored: the rows before the damage were read, none kept.
        #expect(line.contains(",true,2000,0,1,0,"), "\(line)")
    }

    @Test func theGoodFilesAreImportedBesideADamagedOne() async throws {
        let flipped = try flippedGzip()
        let result = try await cli.run(["events", "import", Self.fixture("gdelt1_sample.tsv"), flipped, "--quiet", "--source", "mixed"])
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stdout.contains("Imported 5 evidence rows"), "\(result.stdout)")
        let accepted = try await cli.run(["events", "import", flipped, "--quiet", "--accept-damaged", "--source", "partial"])
        #expect(accepted.status == 3, "\(accepted.stderr)")
        #expect(accepted.stderr.contains("(its rows before the damage kept, marked)"), "\(accepted.stderr)")
        let sources = try await cli.run(["sources", "--format", "csv"])
        let outcomes = sources.stdout.split(separator: "\n").filter { $0.contains(",mixed,") || $0.contains(",partial,event,") }
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(10).dropFirst().joined(separator: ",") }
        let digests = #",[0-9a-f]{64},[0-9a-f]{32},"#
        #expect(outcomes.map { $0.replacingOccurrences(of: digests, with: ",sha256,md5,", options: .regularExpression) } == [
            "mixed,event,imported,true,gdelt1_sample.tsv,146002,sha256,md5,false",
            "mixed,event,imported,true,flipped.export.CSV.gz,183383,sha256,md5,true",
            "partial,event,partial,true,flipped.export.CSV.gz,183383,sha256,md5,true",
        ], "\(sources.stdout)")
    }

    @Test func aFileImportedBeforeIsNotReadAgain() async throws {
        let first = try await cli.run(["events", "import", Self.fixture("gdelt1_sample.tsv"), "--quiet"])
        #expect(first.status == 0, "\(first.stderr)")
        let again = try await cli.run(["events", "import", Self.fixture("gdelt1_sample.tsv"), "--quiet"])
        #expect(again.status == 0 && again.stdout.hasPrefix("Already imported: source events/gdelt1_sample.tsv holds these files"), "\(again.stdout)")
        let otherFocus = try await cli.run(["events", "import", Self.fixture("gdelt1_sample.tsv"), "--quiet", "--focus", "KAZ"])
        #expect(otherFocus.stdout.hasPrefix("Imported"), "\(otherFocus.stdout)")
        let ledger = try await cli.run(["sources", "--format", "json"])
        let imports = try JSONSerialization.jsonObject(with: Data(ledger.stdout.utf8)) as? [[String: Any]] ?? []
        let events = imports.filter { $0["sourceID"] as? String == "events/gdelt1_sample.tsv" }
        #expect(events.count == 2, "\(ledger.stdout)")
        #expect(events.first?["rowsRead"] as? Int == 400 && events.first?["rowsKept"] as? Int == 7 && events.first?["rowsMalformed"] as? Int == 0)
        let files = events.first?["files"] as? [[String: Any]]
        #expect(files?.first?["sha256"] as? String == (try coreutilsDigest("sha256sum", Self.fixture("gdelt1_sample.tsv"))))
        #expect(files?.first?["md5"] as? String == (try coreutilsDigest("md5sum", Self.fixture("gdelt1_sample.tsv"))))
        #expect(files?.first?["bytes"] as? Int == 146_002)
    }
}
