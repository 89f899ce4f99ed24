import DiplomapBytes
import Testing

@Suite struct ByteScanTests {
    func integer(_ text: String) -> Int? { Array(text.utf8).withUnsafeBufferPointer { ByteScan.integer($0.baseAddress!, count: $0.count) } }
    func decimal(_ text: String) -> Double? { Array(text.utf8).withUnsafeBufferPointer { ByteScan.decimal($0.baseAddress!, count: $0.count) } }

    @Test func integersAreSignedDecimalOfAtMostEighteenDigits() {
        #expect(integer("42") == 42 && integer("-42") == -42 && integer("+7") == 7)
        #expect(integer("999999999999999999") == 999_999_999_999_999_999)
        for text in ["-", "4 2", "1e3", "0x10", "9999999999999999999"] { #expect(integer(text) == nil, "\(text)") }
    }

    @Test func decimalsAreTheNearestDouble() {
        #expect(decimal("-7.2") == -7.2 && decimal("4") == 4 && decimal(".5") == 0.5 && decimal("10.") == 10)
        for text in ["", "-", "1.2.3", "1,5", "nan"] { #expect(decimal(text) == nil, "\(text)") }
    }

    @Test func separatorsMarkEveryTabAndNewlineInAWord() {
        let word = Array("a\tb\ncd\t\n".utf8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
        let marks = ByteScan.separators(word)
        let positions = (0..<8).filter { marks >> (8 * UInt64($0) + 7) & 1 == 1 }
        #expect(positions == [1, 3, 6, 7])
    }
}
