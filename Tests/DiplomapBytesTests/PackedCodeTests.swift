import DiplomapBytes
import Testing

@Suite struct PackedCodeTests {
    @Test func codesSortAsTheirTextDoes() throws {
        let texts = ["USA", "US", "KAZ", "KAZGOV", "190", "19", "20190601"]
        let codes = try texts.map { try #require(PackedCode($0)) }
        #expect(codes.sorted().map(\.description) == texts.sorted())
        #expect(PackedCode("123456789") == nil)
    }

    @Test func everyAlpha3CodeHasItsOwnSlotBelow32768() throws {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        var seen = Set<Int>()
        for a in letters {
            for b in letters {
                for c in letters {
                    let slot = try #require(PackedCode(String([a, b, c]))?.alpha3Slot)
                    #expect(slot >= 0 && slot < 1 << 15)
                    seen.insert(slot)
                }
            }
        }
        #expect(seen.count == 26 * 26 * 26)
    }

    @Test func onlyThreeUpperCaseLettersHaveASlot() {
        for text in ["KA", "KAZA", "kaz", "KA1", "K@Z", "K[Z", ""] {
            #expect(PackedCode(text)?.alpha3Slot == nil, "\(text)")
        }
    }
}
