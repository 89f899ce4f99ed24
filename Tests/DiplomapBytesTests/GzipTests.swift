import DiplomapBytes
import DiplomapCore
import Testing

@Suite struct GzipTests {
    let text = Array(String(repeating: "rcid,country,country_code,iso3,vote\n3,Kazakhstan,KZ,KAZ,yes\n", count: 2000).utf8)

    @Test func whatIsCompressedInflatesToTheSameBytes() throws {
        let packed = try #require(Gzip.compress(text))
        #expect(packed.count < text.count / 10)
        #expect(try Gzip.decompress(packed, file: "votes.csv.gz") == text)
    }

    @Test func membersOneAfterAnotherAreReadAsOneText() throws {
        let first = try #require(Gzip.compress(Array(text[..<1000]))), second = try #require(Gzip.compress(Array(text[1000...])))
        #expect(try Gzip.decompress(first + second, file: "votes.csv.gz") == text)
    }

    @Test func aTruncatedStreamNamesTheByteWhereItEnds() throws {
        let packed = try #require(Gzip.compress(text))
        let cut = Array(packed.prefix(packed.count / 2))
        let damage = try #require(throws: DamagedFile.self) { try Gzip.decompress(cut, file: "votes.csv.gz") }
        #expect(damage.file == "votes.csv.gz" && damage.offset == cut.count)
        #expect(damage.reason.hasPrefix("gzip: the file ends in the middle of the compressed data (truncated)"))
    }

    @Test func bytesThatAreNotGzipAreCorrupt() throws {
        let damage = try #require(throws: DamagedFile.self) { try Gzip.decompress(Array("rcid,vote\n".utf8), file: "votes.csv.gz") }
        #expect(damage.reason.hasPrefix("gzip: corrupt data"), "\(damage)")
        let empty = try #require(throws: DamagedFile.self) { try Gzip.decompress([], file: "votes.csv.gz") }
        #expect(empty.offset == 0 && empty.reason == "the file is empty, not gzip data")
    }
}
