/// Splits a text into sentences by byte ranges of its UTF-8.
///
/// A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets) before a space and a
/// capital, digit or quote, unless the word before the full stop is an abbreviation ("Mr.",
/// "Jan.") or an initial ("U.S."); at a blank line; and at a line break after a heading or
/// before a list item. A line break inside a sentence ("However,\nin recent years") is not an end.
enum SentenceSplitter {
    private static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "sen", "rep", "gov", "st", "jr", "sr",
        "no", "nos", "vol", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "inc", "ltd", "co", "corp", "vs", "approx", "est", "rev", "hon", "pres", "amb", "dept", "univ", "ai", "eg", "ie",
    ]

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
        if first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z") { return false }
        return true
    }

    private static func isClosing(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let byte = bytes[i]
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") { return true }
        // ” (E2 80 9D) and ’ (E2 80 99)
        return byte == 0xE2 && i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0x9D || bytes[i + 2] == 0x99)
    }

    private static func closingWidth(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int { bytes[i] == 0xE2 ? 3 : 1 }

    private static func startsSentence(_ bytes: UnsafeBufferPointer<UInt8>, after i: Int) -> Bool {
        var next = i
        while next < bytes.count, bytes[next] == UInt8(ascii: " ") || bytes[next] == UInt8(ascii: "\t") { next += 1 }
        guard next < bytes.count else { return true }
        let byte = bytes[next]
        if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") { return false }
        return byte != UInt8(ascii: ",") && byte != UInt8(ascii: ";") && byte != UInt8(ascii: ")")
    }

    private static func isAbbreviation(_ bytes: UnsafeBufferPointer<UInt8>, before dot: Int) -> Bool {
        var start = dot
        while start > 0, isWordByte(bytes[start - 1]) || bytes[start - 1] == UInt8(ascii: ".") { start -= 1 }
        let word = bytes[start..<dot].filter { $0 != UInt8(ascii: ".") }
        if word.count == 1, word[0] >= UInt8(ascii: "A") && word[0] <= UInt8(ascii: "Z") { return true }
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
