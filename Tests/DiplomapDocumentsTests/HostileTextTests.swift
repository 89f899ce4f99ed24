@testable import DiplomapDocuments
import Foundation
import Testing

/// Inputs found by fuzzing the document readers (`Fuzz/run`), each once a hang or a crash.
struct HostileTextTests {
    /// Unclosed link brackets were each searched to the end of the text: 16 KB took 43 s under the fuzzer, so 200 KB
    /// would take hours and the time limit fails the test; linear, it reads them in a fraction of a second. (No
    /// comparison of timings: on a busy machine two runs of a linear reader can differ by more than any bound allows.)
    @Test(.timeLimit(.minutes(3)), arguments: ["[", "[a", "[a](", "[a]", "![", "[]("])
    func unclosedMarkdownLinksTakeLinearTime(unit: String) {
        let out = MarkdownText.text(String(repeating: unit, count: 200_000 / unit.count))
        #expect(!out.isEmpty || unit == "[]" || unit == "![")
    }

    /// Links still read as their text, wherever the brackets close.
    @Test func markdownLinksStillBecomeTheirText() {
        #expect(MarkdownText.text("See [the joint statement](https://example.org/a) and [more](b).") == "See the joint statement and more.")
        #expect(MarkdownText.text("[a [b](c) d") == "a [b d")
        #expect(MarkdownText.text("[x] then [y](z)") == "[x] then y")
        #expect(MarkdownText.text("![map](m.png) [unclosed") == "map [unclosed")
    }
}
