import DiplomapCore
@testable import DiplomapVotes
import Testing

/// Vote files found by fuzzing the loader (`Fuzz/run`, target votes-csv), each once a crash.
struct HostileVoteFileTests {
    private static let rollCallHeader = "rcid,session,importantvote,date,unres,amend,para,short,descr\n"
    private static let issues = "rcid,short_name,issue\n3,nu,Nuclear weapons\n"
    private static let votes = "rcid,country,country_code,iso3,vote\n3,Japan,JP,JPN,yes\n3,Kazakhstan,KZ,KAZ,no\n"

    private func load(rollCalls: String, issues: String = issues, votes: String = votes) throws -> VoteData {
        try VoteLoader.load(
            rollCalls: ("roll_calls.csv.gz", gzip(rollCalls)), issues: ("issues.csv.gz", gzip(issues)), votes: ("votes.csv.gz", gzip(votes)),
            registry: Support.registry)
    }

    /// A roll call listed twice left its id pointing past the roll calls read, and the issue or vote rows of that
    /// id then indexed out of range: a crash instead of the error naming the line.
    @Test func aRollCallListedTwiceIsAnErrorNotACrash() throws {
        let rollCalls = Self.rollCallHeader + "3,47,0,1992-10-01,R/47/1,0,0,A,a\n3,47,0,1992-10-02,R/47/2,0,0,B,b\n"
        let errors = try #require(throws: InputErrors.self) { try load(rollCalls: rollCalls) }
        #expect(errors.errors.map(\.line) == [3])
        #expect(errors.errors.first?.message.contains("listed twice") == true)
    }

    /// An id of eighteen digits made the loader ask for an array of that many entries.
    @Test func aHugeRollCallIdIsAnErrorNotAnAllocation() throws {
        let rollCalls = Self.rollCallHeader + "3,47,0,1992-10-01,R/47/1,0,0,A,a\n999999999999999999,47,0,1992-10-01,R/47/1,0,0,A,a\n"
        let errors = try #require(throws: InputErrors.self) { try load(rollCalls: rollCalls) }
        #expect(errors.errors.map(\.field) == ["rcid"])
        #expect(errors.errors.first?.message.contains("above the largest") == true)
    }

    @Test func theSameFilesWithoutTheFaultsLoad() throws {
        let data = try load(rollCalls: Self.rollCallHeader + "3,47,0,1992-10-01,R/47/1,0,0,A,a\n")
        #expect(data.states == ["JPN", "KAZ"])
        #expect(data.rollCalls.map(\.rcid) == [3])
    }

    /// The bytes in one gzip member of stored (uncompressed) blocks, as the loader reads them.
    private func gzip(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        var out: [UInt8] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]
        var offset = 0
        repeat {
            let count = min(65_535, bytes.count - offset)
            out += [offset + count == bytes.count ? 1 : 0, UInt8(count & 0xff), UInt8(count >> 8), UInt8(~count & 0xff), UInt8((~count >> 8) & 0xff)]
            out += bytes[offset..<(offset + count)]
            offset += count
        } while offset < bytes.count
        var crc: UInt32 = 0xffff_ffff
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (crc & 1 == 1 ? 0xedb8_8320 : 0) }
        }
        for value in [~crc, UInt32(truncatingIfNeeded: bytes.count)] {
            out += [UInt8(value & 0xff), UInt8((value >> 8) & 0xff), UInt8((value >> 16) & 0xff), UInt8(value >> 24)]
        }
        return out
    }
}
