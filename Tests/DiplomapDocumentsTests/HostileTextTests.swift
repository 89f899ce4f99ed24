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
    /// megabyte would take hours. Linear now: four times the text takes about four times as long (a quadratic reader
    /// would take sixteen), compared on the faster of three runs each so that a busy machine slows both alike; the
    /// time limit only stops a reader that has become quadratic again (200 KB would then take hours).
    @Test(.timeLimit(.minutes(3)), arguments: ["[", "[a", "[a](", "[a]", "![", "[]("])
    func unclosedMarkdownLinksTakeLinearTime(unit: String) {
        func fastest(_ bytes: Int) -> (seconds: Double, out: String) {
            let text = String(repeating: unit, count: bytes / unit.count)
            var out = ""
            let best = (0..<3).map { _ in seconds { out = MarkdownText.text(text) } }.min()!
            return (best, out)
        }
        let small = fastest(50_000), large = fastest(200_000)
        #expect(large.seconds < 8 * small.seconds + 0.05, "\(unit): \(small.seconds) s for 50 KB, \(large.seconds) s for 200 KB")
        #expect(!large.out.isEmpty || unit == "[]" || unit == "![")
    }

    /// Links still read as their text, wherever the brackets close.
    @Test func markdownLinksStillBecomeTheirText() {
        #expect(MarkdownText.text("See [the joint statement](https://example.org/a) and [more](b).") == "See the joint statement and more.")
        #expect(MarkdownText.text("[a [b](c) d") == "a [b d")
        #expect(MarkdownText.text("[x] then [y](z)") == "[x] then y")
        #expect(MarkdownText.text("![map](m.png) [unclosed") == "map [unclosed")
    }
}
