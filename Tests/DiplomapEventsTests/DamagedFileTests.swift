import DiplomapCore
import DiplomapEvents
import Foundation
import Testing

/// A file that fails its integrity check gives nothing, is named with the byte where the damage was found, and does not
/// stop the good files; `acceptDamaged` keeps its rows before the damage.
struct DamagedFileTests {
    static let header = "source,target,month,root,events,goldstein_sum,mentions\n"

    /// Flips every bit of the byte in the middle of the file.
    static func flipMiddle(_ bytes: inout [UInt8]) { bytes[bytes.count / 2] ^= 0xFF }

    /// Breaks the signature of the zip's last central directory entry.
    static func breakDirectory(_ bytes: inout [UInt8]) {
        let signature: [UInt8] = [0x50, 0x4B, 0x01, 0x02]
        let at = stride(from: bytes.count - 4, through: 0, by: -1).first { Array(bytes[$0..<($0 + 4)]) == signature }!
        bytes[at + 2] = 0x7F
    }

    struct Case: Sendable, CustomStringConvertible {
        var fixture: String
        var copy: String
        var damage: @Sendable (inout [UInt8]) -> Void
        var reason: String
        var description: String { copy }
    }

    static let cases = [
        Case(fixture: "truncated.tsv.gz", copy: "truncated.tsv.gz", damage: { _ in }, reason: "gzip: the file ends in the middle of the compressed data (truncated)"),
        Case(fixture: "gdelt2_generated.tsv.gz", copy: "flipped.tsv.gz", damage: flipMiddle, reason: "gzip: corrupt data"),
        Case(fixture: "truncated.zip", copy: "truncated.zip", damage: { _ in }, reason: "zip: no end-of-central-directory record at the end of the file"),
        Case(fixture: "gdelt2_generated.zip", copy: "broken-directory.zip", damage: breakDirectory, reason: "zip: the central directory is damaged"),
        Case(fixture: "gdelt2_generated.zip", copy: "flipped.zip", damage: flipMiddle, reason: "zip: entry 20190301000000.export.CSV is damaged"),
    ]

    @Test(arguments: cases)
    func aDamagedFileGivesNothingAndIsNamedWithItsByte(damaged: Case) async throws {
        let url = try Fixture.damagedCopy(of: damaged.fixture, as: damaged.copy, damaged.damage)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let (csv, report) = try await Fixture.aggregate([url.path, "gdelt1_sample.tsv"])
        let damage = try #require(report.damaged.first)
        #expect(report.damaged.count == 1)
        #expect(damage.file == url.path && damage.offset != nil)
        #expect(damage.reason.hasPrefix(damaged.reason), "\(damage)")
        #expect("\(damage)".hasPrefix("\(url.path): damaged at byte \(damage.offset!): "))
        // Only the good file's rows are in the output.
        #expect(csv == (try Fixture.text("gdelt1_sample.expected.csv")))
        #expect(!report.keptDamaged && report.rowsKept == 7)
    }

    @Test func theDamageOfAGzipIsFoundWhereZlibStops() async throws {
        let url = try Fixture.damagedCopy(of: "truncated.tsv.gz", as: "t.gz") { _ in }
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let (_, report) = try await Fixture.aggregate([url.path])
        #expect(report.damaged.first?.offset == 91_691)
    }

    @Test func acceptingDamageKeepsTheRowsBeforeIt() async throws {
        let (csv, report) = try await Fixture.aggregate(["truncated.tsv.gz"], damage: DamagePolicy(acceptDamaged: true))
        #expect(report.damaged.count == 1 && report.keptDamaged)
        #expect(report.rowsRead > 500 && report.rowsRead < 2000)
        #expect(report.rowsKept > 0 && csv.count > Self.header.count)
        let (refused, refusedReport) = try await Fixture.aggregate(["truncated.tsv.gz"])
        #expect(refused == Self.header && refusedReport.rowsKept == 0 && refusedReport.rowsRead == report.rowsRead)
    }

    @Test func aFileOverTheMalformedShareIsDamaged() async throws {
        // 5 of bad_rows.tsv's 7 rows are malformed.
        let (csv, report) = try await Fixture.aggregate(["bad_rows.tsv"])
        #expect(csv == Self.header)
        let damage = try #require(report.damaged.first)
        #expect(damage.offset == nil)
        #expect(damage.reason == "5 of 7 rows are malformed (71.43 %), more than the 1 % allowed (--max-malformed)")
        #expect(report.rowsSkipped == 5 && report.problems.count == 5)
        let (within, withinReport) = try await Fixture.aggregate(["bad_rows.tsv"], damage: DamagePolicy(maxMalformed: 0.75))
        #expect(withinReport.damaged.isEmpty && within != Self.header)
    }
}
