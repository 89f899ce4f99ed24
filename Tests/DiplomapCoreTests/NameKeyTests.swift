@testable import DiplomapCore
import Testing

struct NameKeyTests {
    /// ASCII names take a path of their own; a name with "é" in it goes through Foundation's folding, and the key of
    /// a name followed by " é" must be the name's own key followed by "e", for every ASCII character in the name.
    @Test func asciiNamesFoldAsFoundationFoldsThem() {
        for byte in UInt8(0)..<0x80 {
            let character = Character(Unicode.Scalar(byte))
            for name in ["\(character)", "Ab\(character)Cd", "the\(character)X 9", "The \(character)Nur-Sultan"] {
                let expected = [NameKey.make(name), "e"].filter { !$0.isEmpty }.joined(separator: " ")
                #expect(NameKey.make(name + " é") == expected, "byte \(byte) in \(name.debugDescription)")
            }
        }
        #expect(NameKey.make("The Kyrgyz-Tajik  BORDER") == "kyrgyz tajik border")
        #expect(NameKey.make("Türkiye") == NameKey.make("TURKIYE"))
    }

    @Test func trimmingTakesOffSpacesAndTabsAtBothEndsOnly() {
        #expect(" \tSouth Korea \t ".trimmingSpaces == "South Korea")
        #expect("a b".trimmingSpaces == "a b")
        #expect(" \t ".trimmingSpaces.isEmpty && "".trimmingSpaces.isEmpty)
        #expect(" Türkiye\n".trimmingSpaces == "Türkiye\n")
        let list: Substring = "x, gzip ;q=1"
        #expect(list.dropFirst(2).trimmingSpaces == "gzip ;q=1")
    }
}
