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

    @Test func russianAbbreviationsAndInitialsDoNotEndSentences() {
        #expect(split("В 2023 г. Ш. Мирзиёев посетил ул. Ленина, т.е. центр города. Объём составил 5 млрд. долл. США. Университет им. Абая открыл филиал.") == [
            "В 2023 г. Ш. Мирзиёев посетил ул. Ленина, т.е. центр города.", "Объём составил 5 млрд. долл. США.", "Университет им. Абая открыл филиал.",
        ])
        // "и т.д." and "и т.п." close a list, and usually the sentence with it.
        #expect(split("Они обсудили газ, нефть и т.д. Стороны довольны.") == ["Они обсудили газ, нефть и т.д.", "Стороны довольны."])
    }

    @Test func russianQuotesCloseWithTheirSentence() {
        #expect(split("«Мы согласны», — сказал он. «Хорошо.» Министр ушёл. Он ответил: „Да.“ Затем встреча закончилась.") == [
            "«Мы согласны», — сказал он.", "«Хорошо.»", "Министр ушёл.", "Он ответил: „Да.“", "Затем встреча закончилась.",
        ])
    }

    @Test func aFullStopBeforeALowerCaseRussianWordEndsNoSentence() {
        #expect(split("Рост составил 2.5 проц. по сравнению с прошлым годом.") == ["Рост составил 2.5 проц. по сравнению с прошлым годом."])
        #expect(split("Первая часть,\nвторая часть.") == ["Первая часть,\nвторая часть."])
    }
}
