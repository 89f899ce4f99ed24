@testable import DiplomapBytes
import DiplomapCore
import Foundation
import Testing

/// The inflater's two paths, ISA-L and zlib, read the same bytes and report the same damage at the same byte, whichever
/// one a file takes; ISA-L hands damaged data over to zlib.
@Suite struct InflaterTests {
    /// A text of about 90 KB, mixed enough that its deflate stream has several blocks.
    static let text = Array(
        (0..<3000).map { "\($0)\t2024010\($0 % 10)\tKAZ\tUZB\t0\($0 % 20 + 1)\t\($0 * 7 % 97)\n" }.joined().utf8)

    /// What reading a whole stream gives: the bytes before any error, and the error.
    struct Outcome: Equatable {
        var bytes: [UInt8]
        var error: String?
    }

    /// Reads in pieces of `piece` bytes, handing `progress` the compressed bytes read after each.
    static func readAll(_ inflater: Inflater, piece: Int = 4096, progress: (Int) -> Void = { _ in }) -> Outcome {
        var outcome = Outcome(bytes: [])
        var chunk = [UInt8](repeating: 0, count: piece)
        do {
            while true {
                let count = try chunk.withUnsafeMutableBufferPointer { try inflater.read(into: $0.baseAddress!, count: $0.count) }
                progress(inflater.compressedBytes)
                if count == 0 { return outcome }
                outcome.bytes += chunk[0..<count]
            }
        } catch {
            outcome.error = "\(error)"
            return outcome
        }
    }

    static func gzip(_ bytes: [UInt8]) throws -> [UInt8] { try #require(Gzip.compress(bytes)) }

    /// Whether this build and this system read through ISA-L.
    static let hasISAL = (try? Inflater(gzip: gzip(text), file: "probe.gz")).map { readAll($0) == Outcome(bytes: text) && $0.readByISAL } ?? false

    /// Reads `compressed` both ways; returns the outcome and whether ISA-L read it to the end.
    static func bothWays(gzip compressed: [UInt8]) throws -> (Outcome, byISAL: Bool) {
        let fast = try Inflater(gzip: compressed, file: "votes.csv.gz")
        let outcome = readAll(fast)
        #expect(outcome == readAll(try Inflater(gzip: compressed, file: "votes.csv.gz", accelerated: false)))
        return (outcome, fast.readByISAL)
    }

    struct Damage: Sendable, CustomStringConvertible {
        var description: String
        var apply: @Sendable (inout [UInt8]) -> Void
    }

    static let gzipDamage = [
        Damage(description: "cut in half") { $0.removeLast($0.count / 2) },
        Damage(description: "a byte flipped in the middle") { $0[$0.count / 2] ^= 0xFF },
        Damage(description: "the CRC-32 changed") { $0[$0.count - 8] ^= 1 },
        Damage(description: "the length changed") { $0[$0.count - 4] ^= 1 },
        Damage(description: "bytes after the member") { $0 += Array("not gzip".utf8) },
        Damage(description: "a reserved header flag, which zlib refuses") { $0[3] |= 0x20 },
        Damage(description: "a header checksum that does not match") {
            // Flag FHCRC, and two bytes after the ten of the header that are not its CRC-16.
            $0[3] |= 0x02
            $0.insert(contentsOf: [0x12, 0x34], at: 10)
        },
    ]

    @Test(.enabled(if: hasISAL)) func gzipMembersAreReadByISAL() throws {
        let member = try Self.gzip(Self.text)
        let (outcome, byISAL) = try Self.bothWays(gzip: member)
        #expect(outcome == Outcome(bytes: Self.text) && byISAL)
        let (two, twoByISAL) = try Self.bothWays(gzip: member + member)
        #expect(two == Outcome(bytes: Self.text + Self.text) && twoByISAL)
    }

    @Test(arguments: gzipDamage) func damagedGzipIsReportedAlikeBothWays(damage: Damage) throws {
        var bytes = try Self.gzip(Self.text)
        damage.apply(&bytes)
        let (outcome, byISAL) = try Self.bothWays(gzip: bytes)
        #expect(outcome.error?.hasPrefix("votes.csv.gz: damaged at byte ") == true, "\(outcome.error ?? "no error")")
        #expect(!byISAL)
    }

    /// ISA-L finds the damage after it has handed out text in small reads: zlib drops that much and goes on.
    @Test(.enabled(if: hasISAL)) func damageFoundLateIsReportedAfterTheSameText() throws {
        var bytes = try Self.gzip(Self.text + Self.text)
        bytes[bytes.count - 8] ^= 1
        let fast = Self.readAll(try Inflater(gzip: bytes, file: "votes.csv.gz"), piece: 1000)
        #expect(fast == Self.readAll(try Inflater(gzip: bytes, file: "votes.csv.gz", accelerated: false), piece: 1000))
        #expect(fast.bytes == Self.text + Self.text && fast.error?.contains("incorrect data check") == true)
    }

    /// CI builds with ISA-L and says so: there the tests above must not pass by skipping.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["DIPLOMAP_EXPECT_ISAL"] != nil)) func theBuildReadsThroughISAL() {
        #expect(Self.hasISAL)
    }

    /// A gzip member with a file name (flag FNAME) and, where given, a comment (FCOMMENT) in its header.
    static func member(_ text: [UInt8], name: [UInt8], comment: [UInt8]? = nil) throws -> [UInt8] {
        var bytes = try gzip(text)
        bytes[3] |= comment == nil ? 0x08 : 0x18
        bytes.insert(contentsOf: name + [0] + (comment.map { $0 + [0] } ?? []), at: 10)
        return bytes
    }

    /// `bytes` written to a file of a new folder, for `body` to read; the folder is removed after.
    static func onDisk<Result>(_ bytes: [UInt8], name: String, _ body: (String) throws -> Result) throws -> Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("inflater-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return try body(path)
    }

    /// Reads a gzip file from disk both ways in pieces of 1,000 bytes; returns the outcome, the default inflater's
    /// progress after each piece, and whether ISA-L read it to the end.
    static func bothWays(gzipFile bytes: [UInt8]) throws -> (Outcome, progress: [Int], byISAL: Bool) {
        try onDisk(bytes, name: "events.gz") { path in
            let fast = try Inflater(path: path, source: .gzip)
            var progress: [Int] = []
            let outcome = readAll(fast, piece: 1000) { progress.append($0) }
            #expect(outcome == readAll(try Inflater(path: path, source: .gzip, accelerated: false), piece: 1000))
            return (outcome, progress, fast.readByISAL)
        }
    }

    /// Two members in a file, the second one's header cut by the end of the inflater's first 256 KiB of compressed
    /// bytes in the middle of its comment, a comment that is itself deflate data: a reader that lost the header's
    /// flags there would inflate the comment as text.
    @Test func aGzipHeaderCutBetweenTwoReadsIsReadWhole() throws {
        let first = try Self.member(Self.text, name: [])
        // One final stored block of 257 bytes (length 0x0101, its complement 0xFEFE): deflate data with no zero byte.
        let fake = [0x01, 0x01, 0x01, 0xFE, 0xFE] + Array(String(repeating: "FAKE\tROW\n", count: 29).utf8.prefix(257))
        // The first member is padded by its name so that the second starts 40 bytes before the cut.
        let padded = try Self.member(Self.text, name: Array(repeating: UInt8(ascii: "n"), count: (1 << 18) - 40 - first.count))
        #expect(padded.count == (1 << 18) - 40)
        let (outcome, progress, byISAL) = try Self.bothWays(gzipFile: padded + Self.member(Self.text, name: Array("x.csv".utf8), comment: fake))
        #expect(outcome == Outcome(bytes: Self.text + Self.text))
        #expect(progress == progress.sorted())
        // ISA-L 2.30 does not keep the flags of a header it reads in two calls: such a file is left to zlib.
        #expect(!byISAL)
    }

    /// ISA-L finds a wrong CRC-32 at the end of three blocks of compressed bytes: zlib reads the file again from the
    /// first, gives the same text and names the damage, and the progress shown does not go back.
    @Test func damageFoundLateOnDiskIsReportedAlike() throws {
        var state: UInt32 = 1
        let noise = (0..<700_000).map { _ in
            state = state &* 1_664_525 &+ 1_013_904_223
            return UInt8(truncatingIfNeeded: state >> 24)
        }
        var bytes = try Self.gzip(noise)
        #expect(bytes.count > 2 << 18)
        bytes[bytes.count - 8] ^= 1
        let (outcome, progress, _) = try Self.bothWays(gzipFile: bytes)
        #expect(outcome.bytes == noise && outcome.error?.contains("incorrect data check") == true)
        #expect(progress == progress.sorted() && progress.last == bytes.count)
    }

    // MARK: Zip entries

    /// A zip of one deflated entry holding `text`, whose directory says `crc` and `size` where given.
    static func zipArchive(_ text: [UInt8], crc: UInt32? = nil, size: Int? = nil, damage: (inout [UInt8]) -> Void = { _ in }) throws -> [UInt8] {
        let member = try gzip(text)
        // A gzip member from zlib: a 10-byte header, the raw deflate stream, the CRC-32 and length.
        var data = Array(member[10..<(member.count - 8)])
        damage(&data)
        let sum = crc ?? member[(member.count - 8)...].prefix(4).enumerated().reduce(0) { $0 | UInt32($1.element) << (8 * $1.offset) }
        let name = Array("20240101000000.export.CSV".utf8)
        func le(_ value: Int, _ bytes: Int) -> [UInt8] { (0..<bytes).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        let common = le(20, 2) + le(0, 2) + le(8, 2) + le(0, 4) + le(Int(sum), 4) + le(data.count, 4) + le(size ?? text.count, 4)
            + le(name.count, 2) + le(0, 2)
        let local = le(0x0403_4B50, 4) + common + name
        let central = le(0x0201_4B50, 4) + le(20, 2) + common + le(0, 2) + le(0, 2) + le(0, 2) + le(0, 4) + le(0, 4) + name
        let end = le(0x0605_4B50, 4) + le(0, 4) + le(1, 2) + le(1, 2) + le(central.count, 4) + le(local.count + data.count, 4) + le(0, 2)
        return local + data + central + end
    }

    /// Reads a zip's one entry both ways; returns the outcome and whether ISA-L read it to the end.
    static func bothWays(zip bytes: [UInt8]) throws -> (Outcome, byISAL: Bool) {
        try onDisk(bytes, name: "events.zip") { path in
            let entry = try #require(try ZipDirectory.read(path).entries.first)
            let fast = try Inflater(path: path, source: .zipEntry(entry))
            let outcome = readAll(fast)
            #expect(outcome == readAll(try Inflater(path: path, source: .zipEntry(entry), accelerated: false)))
            return (outcome, fast.readByISAL)
        }
    }

    @Test(.enabled(if: hasISAL)) func aZipEntryIsReadByISAL() throws {
        let (outcome, byISAL) = try Self.bothWays(zip: Self.zipArchive(Self.text))
        #expect(outcome == Outcome(bytes: Self.text) && byISAL)
    }

    static let zipDamage = [
        Damage(description: "a CRC-32 the text does not have") { $0 = (try? zipArchive(text, crc: 0x1234_5678)) ?? [] },
        Damage(description: "a length one byte longer") { $0 = (try? zipArchive(text, size: text.count + 1)) ?? [] },
        Damage(description: "a length one byte shorter") { $0 = (try? zipArchive(text, size: text.count - 1)) ?? [] },
        Damage(description: "a byte flipped in the data") { $0 = (try? zipArchive(text) { $0[$0.count / 2] ^= 0xFF }) ?? [] },
    ]

    @Test(arguments: zipDamage) func damagedZipEntriesAreReportedAlikeBothWays(damage: Damage) throws {
        var bytes: [UInt8] = []
        damage.apply(&bytes)
        let (outcome, byISAL) = try Self.bothWays(zip: bytes)
        #expect(outcome.error?.contains(": damaged at byte ") == true, "\(outcome.error ?? "no error")")
        #expect(!byISAL)
    }
}
