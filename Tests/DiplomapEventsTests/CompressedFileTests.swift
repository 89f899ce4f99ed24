import DiplomapCore
import DiplomapEvents
import Foundation
import Testing

/// Zip entries and gzip members go through one inflater that checks each entry's CRC-32 and length as it reads, and
/// several compressed files are read at once without changing the result.
struct CompressedFileTests {
    /// Stored and deflated entries, a folder entry, and the ZIP64 layout all read as the plain file does.
    @Test(arguments: ["gdelt2_two_entries.zip", "gdelt2_zip64.zip"])
    func everyZipLayoutReadsAsThePlainFile(file: String) async throws {
        let (csv, report) = try await Fixture.aggregate([file])
        #expect(csv == (try Fixture.text("gdelt2_generated.expected.csv")))
        #expect(report.rowsRead == 2000 && report.damaged.isEmpty)
    }

    /// Small buffers put the end of an inflate call in the middle of rows, and of the stored entry's copy.
    @Test(arguments: ["gdelt2_generated.tsv.gz", "gdelt2_generated.zip", "gdelt2_two_entries.zip"])
    func smallBuffersDoNotChangeTheResult(file: String) async throws {
        let (csv, report) = try await Fixture.aggregate([file], bufferSize: 4096)
        #expect(csv == (try Fixture.text("gdelt2_generated.expected.csv")))
        #expect(report.rowsRead == 2000)
    }

    /// Sets the CRC-32 that the central directory gives for the zip's first entry to the wrong value.
    static func wrongDirectoryCRC(_ bytes: inout [UInt8]) {
        let signature: [UInt8] = [0x50, 0x4B, 0x01, 0x02]
        let at = (0..<(bytes.count - 4)).first { Array(bytes[$0..<($0 + 4)]) == signature }!
        bytes[at + 16] ^= 0x01
    }

    @Test func anEntryWhoseTextDoesNotMatchItsCRCIsDamaged() async throws {
        let url = try Fixture.damagedCopy(of: "gdelt2_generated.zip", as: "crc.zip", Self.wrongDirectoryCRC)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let (csv, report) = try await Fixture.aggregate([url.path])
        let damage = try #require(report.damaged.first)
        #expect(damage.reason == "zip: entry 20190301000000.export.CSV is damaged: its CRC-32 does not match its data")
        #expect(csv == DamagedFileTests.header && report.rowsRead == 2000)
    }

    /// A directory whose numbers point past the end of the file is damage, not a crash or a huge read.
    @Test func anEntrySizeOutsideTheFileIsDamage() async throws {
        let url = try Fixture.damagedCopy(of: "gdelt2_generated.zip", as: "size.zip") { bytes in
            let signature: [UInt8] = [0x50, 0x4B, 0x01, 0x02]
            let at = (0..<(bytes.count - 4)).first { Array(bytes[$0..<($0 + 4)]) == signature }!
            bytes.replaceSubrange((at + 20)..<(at + 24), with: [0xF0, 0xFF, 0xFF, 0x7F])
        }
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let (_, report) = try await Fixture.aggregate([url.path])
        let damage = try #require(report.damaged.first)
        #expect(damage.reason.hasPrefix("zip: the central directory is damaged (entry 20190301000000.export.CSV has sizes or an offset outside the file)"))
    }

    /// Compressed files read at once, between plain and damaged ones, give what reading them one at a time gives,
    /// in the order of the files.
    @Test(arguments: [2, 3, 8])
    func compressedFilesReadAtOnceGiveTheSameResult(threads: Int) async throws {
        let damaged = try Fixture.damagedCopy(of: "gdelt2_generated.zip", as: "crc.zip", Self.wrongDirectoryCRC)
        defer { try? FileManager.default.removeItem(at: damaged.deletingLastPathComponent()) }
        let files = [
            "gdelt2_generated.tsv.gz", damaged.path, "gdelt1_sample.tsv", "gdelt2_generated.zip", "truncated.tsv.gz", "gdelt2_two_entries.zip",
            "gdelt2_zip64.zip",
        ]
        let (one, oneReport) = try await Fixture.aggregate(files, threads: 1)
        let (many, manyReport) = try await Fixture.aggregate(files, threads: threads)
        #expect(many == one)
        #expect(manyReport.rowsRead == oneReport.rowsRead && manyReport.rowsKept == oneReport.rowsKept)
        #expect(manyReport.damaged == oneReport.damaged)
        #expect(manyReport.damaged.map { URL(fileURLWithPath: $0.file).lastPathComponent } == ["crc.zip", "truncated.tsv.gz"])
    }
}
