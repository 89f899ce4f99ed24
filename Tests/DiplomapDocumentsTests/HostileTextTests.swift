@testable import DiplomapDocuments
import Foundation
import Testing

/// Inputs found by fuzzing the document readers (`Fuzz/run`), each once a hang or a crash.
struct HostileTextTests {
    /// How long `body` takes, in seconds.
    private func seconds(_ body: () -> Void) -> Double {
        let elapsed = ContinuousClock().measure(body)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }

    /// Unclosed link brackets were each searched to the end of the text: 16 KB took 43 s under the fuzzer, a
    /// megabyte would take hours. Linear now: a megabyte of any of these in well under the limit.
    @Test(.timeLimit(.minutes(1)), arguments: ["[", "[a", "[a](", "[a]", "![", "[]("])
    func unclosedMarkdownLinksTakeLinearTime(unit: String) {
        let text = String(repeating: unit, count: 1_000_000 / unit.count)
        var out = ""
        let took = seconds { out = MarkdownText.text(text) }
        #expect(took < 10, "\(unit): \(took) s")
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
