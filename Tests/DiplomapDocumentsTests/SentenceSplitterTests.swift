@testable import DiplomapDocuments
import Testing

struct SentenceSplitterTests {
    private func split(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            SentenceSplitter.sentences(buffer).map { String(decoding: buffer[$0], as: UTF8.self) }
        }
    }

    @Test func abbreviationsInitialsAndNumbersDoNotEndSentences() {
        #expect(split("Mr. Abe met the U.S. envoy on Jan. 5 in Tokyo. Trade rose by 2.5 percent.") == [
            "Mr. Abe met the U.S. envoy on Jan. 5 in Tokyo.", "Trade rose by 2.5 percent.",
        ])
    }

    @Test func quotesCloseWithTheirSentence() {
        #expect(split("\"We agree.\" The minister left. He said: \"Good.\"") == [
            "\"We agree.\"", "The minister left.", "He said: \"Good.\"",
        ])
    }

    @Test func headingsAndListItemsStandAloneButWrappedLinesJoin() {
        #expect(split("A Title Line\n\nFirst part,\nsecond part.\n- item one\n- item two") == [
            "A Title Line", "First part,\nsecond part.", "item one", "item two",
        ])
    }
}
