@testable import DiplomapBytes
import DiplomapCore
import Foundation
import Testing

/// The inflater's two paths, libdeflate on the whole text and zlib in pieces, read the same bytes and report the same
/// damage at the same byte, whichever one a file takes.
@Suite struct InflaterTests {
    /// A text of about 90 KB, mixed enough that its deflate stream has several blocks.
    static let text = Array(
        (0..<3000).map { "\($0)\t2024010\($0 % 10)\tKAZ\tUZB\t0\($0 % 20 + 1)\t\($0 * 7 % 97)\n" }.joined().utf8)

    /// What reading a whole stream gives: the bytes before any error, and the error.
    struct Outcome: Equatable {
        var bytes: [UInt8]
        var error: String?
    }

    static func readAll(_ inflater: Inflater) -> Outcome {
        var outcome = Outcome(bytes: [])
        var chunk = [UInt8](repeating: 0, count: 4096)
        do {
            while true {
                let count = try chunk.withUnsafeMutableBufferPointer { try inflater.read(into: $0.baseAddress!, count: $0.count) }
                if count == 0 { return outcome }
                outcome.bytes += chunk[0..<count]
            }
        } catch {
            outcome.error = "\(error)"
            return outcome
        }
    }

    static func gzip(_ bytes: [UInt8]) throws -> [UInt8] { try #require(Gzip.compress(bytes)) }

    /// Reads `compressed` both ways; returns the outcome and whether the default inflater took the text whole.
    static func bothWays(gzip compressed: [UInt8]) throws -> (Outcome, whole: Bool) {
        let fast = try Inflater(gzip: compressed, file: "votes.csv.gz")
        let outcome = readAll(fast)
        #expect(outcome == readAll(try Inflater(gzip: compressed, file: "votes.csv.gz", wholeLimit: 0)))
        return (outcome, fast.whole != nil)
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
        Damage(description: "a header checksum that does not match") {
            // Flag FHCRC, and two bytes after the ten of the header that are not its CRC-16.
            $0[3] |= 0x02
            $0.insert(contentsOf: [0x12, 0x34], at: 10)
        },
    ]

    @Test(.enabled(if: Libdeflate.shared != nil)) func aWholeGzipMemberIsTakenWhole() throws {
        let (outcome, whole) = try Self.bothWays(gzip: Self.gzip(Self.text))
        #expect(outcome == Outcome(bytes: Self.text) && whole)
    }

    @Test func aTextOverTheLimitOrInSeveralMembersStreams() throws {
        let small = try Inflater(gzip: Self.gzip(Self.text), file: "votes.csv.gz", wholeLimit: Self.text.count - 1)
        #expect(Self.readAll(small) == Outcome(bytes: Self.text) && small.whole == nil)
        // Two members of the same text: the last one's length is the first one's, so only the bytes left over tell.
        let member = try Self.gzip(Self.text)
        let (outcome, whole) = try Self.bothWays(gzip: member + member)
        #expect(outcome == Outcome(bytes: Self.text + Self.text) && !whole)
    }

    @Test(arguments: gzipDamage) func damagedGzipIsReportedAlikeBothWays(damage: Damage) throws {
        var bytes = try Self.gzip(Self.text)
        damage.apply(&bytes)
        let (outcome, whole) = try Self.bothWays(gzip: bytes)
        #expect(outcome.error?.hasPrefix("votes.csv.gz: damaged at byte ") == true, "\(outcome.error ?? "no error")")
        #expect(!whole)
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

    /// Reads a zip's one entry both ways; returns the outcome and whether the default inflater took the text whole.
    static func bothWays(zip bytes: [UInt8]) throws -> (Outcome, whole: Bool) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("inflater-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("events.zip").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let entry = try #require(try ZipDirectory.read(path).entries.first)
        let fast = try Inflater(path: path, source: .zipEntry(entry))
        let outcome = readAll(fast)
        #expect(outcome == readAll(try Inflater(path: path, source: .zipEntry(entry), wholeLimit: 0)))
        return (outcome, fast.whole != nil)
    }

    @Test(.enabled(if: Libdeflate.shared != nil)) func aWholeZipEntryIsTakenWhole() throws {
        let (outcome, whole) = try Self.bothWays(zip: Self.zipArchive(Self.text))
        #expect(outcome == Outcome(bytes: Self.text) && whole)
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
        let (outcome, whole) = try Self.bothWays(zip: bytes)
        #expect(outcome.error?.contains(": damaged at byte ") == true, "\(outcome.error ?? "no error")")
        #expect(!whole)
    }
}
