/// Splits a text into sentences by byte ranges of its UTF-8.
///
/// A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets) before a space and a
/// capital, digit or quote, unless the word before the full stop is an abbreviation ("Mr.",
/// "Jan.", "г.", "млрд.", "т.е.") or an initial ("U.S.", "Ш. Мирзиёев"); at a blank line; and at a line break after a heading or
/// before a list item. A line break inside a sentence ("However,\nin recent years") is not an end.
enum SentenceSplitter {
    private static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "sen", "rep", "gov", "st", "jr", "sr",
        "no", "nos", "vol", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "inc", "ltd", "co", "corp", "vs", "approx", "est", "rev", "hon", "pres", "amb", "dept", "univ", "ai", "eg", "ie",
        // Russian: year(s), named after, street, million, billion, thousand, dollars, roubles, and the like.
        "г", "гг", "им", "ул", "млн", "млрд", "трлн", "тыс", "долл", "руб", "сум", "тенге", "пр", "др", "см", "ст", "стр",
        "обл", "респ", "просп", "пл", "д", "кв", "км", "проф", "акад", "ген", "тел", "рис", "табл", "вв", "т", "е", "н", "э",
    ]

    /// Abbreviations that close a list ("и т.д.", "и т.п."): before a capital they end the sentence too.
    private static let listEnders: Set<String> = ["тд", "тп"]

    /// The trimmed byte ranges of the sentences of `bytes`.
    static func sentences(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var i = 0
        let n = bytes.count
        func close(at end: Int) {
            if let range = trimmed(bytes, start..<end) { ranges.append(range) }
            start = end
        }
        while i < n {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\n") {
                if breaksAtLineEnd(bytes, at: i, from: start) { close(at: i) }
                i += 1
            } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") {
                var end = i + 1
                while end < n, isClosing(bytes, at: end) { end += closingWidth(bytes, at: end) }
                if end < n, bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\t"),
                   startsSentence(bytes, after: end), !(byte == UInt8(ascii: ".") && isAbbreviation(bytes, before: i)) {
                    close(at: end)
                }
                i = end
            } else {
                i += 1
            }
        }
        close(at: n)
        return ranges
    }

    private static func breaksAtLineEnd(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, from start: Int) -> Bool {
        var next = i + 1
        while next < bytes.count, bytes[next] == UInt8(ascii: " ") || bytes[next] == UInt8(ascii: "\r") || bytes[next] == UInt8(ascii: "\t") { next += 1 }
        guard next < bytes.count else { return true }
        if bytes[next] == UInt8(ascii: "\n") { return true }
        if "-*#=>".utf8.contains(bytes[next]) { return true }
        var previous = i - 1
        while previous >= start, bytes[previous] == UInt8(ascii: " ") || bytes[previous] == UInt8(ascii: "\r") { previous -= 1 }
        guard previous >= start else { return true }
        let last = bytes[previous], first = bytes[next]
        if last >= UInt8(ascii: "a") && last <= UInt8(ascii: "z") || ",;-(".utf8.contains(last) { return false }
        if previous > start, isCyrillicLowercase(bytes[previous - 1], last) { return false }
        if first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z") { return false }
        if next + 1 < bytes.count, isCyrillicLowercase(first, bytes[next + 1]) { return false }
        return true
    }

    private static func isClosing(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let byte = bytes[i]
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") { return true }
        // » (C2 BB), which closes «…»
        if byte == 0xC2 { return i + 1 < bytes.count && bytes[i + 1] == 0xBB }
        // ” (E2 80 9D), ’ (E2 80 99) and “ (E2 80 9C), which closes „…“
        return byte == 0xE2 && i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0x9D || bytes[i + 2] == 0x99 || bytes[i + 2] == 0x9C)
    }

    private static func closingWidth(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int { bytes[i] == 0xE2 ? 3 : bytes[i] == 0xC2 ? 2 : 1 }

    /// The two bytes are a lower-case Russian letter (а–я, ё).
    private static func isCyrillicLowercase(_ lead: UInt8, _ trail: UInt8) -> Bool {
        lead == 0xD0 && trail >= 0xB0 && trail <= 0xBF || lead == 0xD1 && (trail >= 0x80 && trail <= 0x8F || trail == 0x91)
    }

    /// The two bytes are a capital Russian letter (А–Я, Ё).
    private static func isCyrillicCapital(_ lead: UInt8, _ trail: UInt8) -> Bool {
        lead == 0xD0 && (trail >= 0x90 && trail <= 0xAF || trail == 0x81)
    }

    private static func startsSentence(_ bytes: UnsafeBufferPointer<UInt8>, after i: Int) -> Bool {
        var next = i
        while next < bytes.count, bytes[next] == UInt8(ascii: " ") || bytes[next] == UInt8(ascii: "\t") { next += 1 }
        guard next < bytes.count else { return true }
        let byte = bytes[next]
        if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") { return false }
        if next + 1 < bytes.count, isCyrillicLowercase(bytes[next], bytes[next + 1]) { return false }
        return byte != UInt8(ascii: ",") && byte != UInt8(ascii: ";") && byte != UInt8(ascii: ")")
    }

    private static func isAbbreviation(_ bytes: UnsafeBufferPointer<UInt8>, before dot: Int) -> Bool {
        var start = dot
        while start > 0 {
            if isWordByte(bytes[start - 1]) || bytes[start - 1] == UInt8(ascii: ".") {
                start -= 1
            } else if start > 1, bytes[start - 2] == 0xD0 || bytes[start - 2] == 0xD1, (0x80...0xBF).contains(bytes[start - 1]) {
                start -= 2
            } else {
                break
            }
        }
        let word = bytes[start..<dot].filter { $0 != UInt8(ascii: ".") }
        if listEnders.contains(String(decoding: word, as: UTF8.self).lowercased()) { return false }
        if word.count == 1, word[0] >= UInt8(ascii: "A") && word[0] <= UInt8(ascii: "Z") { return true }
        if word.count == 2, isCyrillicCapital(word[0], word[1]) { return true }
        if bytes[start..<dot].contains(UInt8(ascii: ".")) && word.count <= 4 { return true }
        return abbreviations.contains(String(decoding: word, as: UTF8.self).lowercased())
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    /// The range without surrounding white space and list or heading markers; `nil` when nothing is left.
    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int>? {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, " \t\r\n-*#=>".utf8.contains(bytes[lower]) { lower += 1 }
        while upper > lower, " \t\r\n=#".utf8.contains(bytes[upper - 1]) { upper -= 1 }
        return lower < upper ? lower..<upper : nil
    }
}
