/// A word of a text: its byte range, a case-folded hash that phrases are matched by, and its letter case.
///
/// Matching works on hashes of lower-cased bytes rather than on `String`s, so that scanning
/// megabytes of text allocates nothing per word.
struct Token: Sendable {
    /// Byte offsets of the word in the text's UTF-8.
    var start: Int
    var end: Int
    /// FNV-1a hash of the word, ASCII and Cyrillic letters lower-cased, "ё" read as "е".
    var key: UInt64
    /// The hash of the word without its Russian inflectional ending ("торговли" → "торговл"), so that the
    /// forms of a Russian word share a weight and a `word*` of the lexicon; the same as `key` for other words.
    var stem: UInt64
    /// The first letter is upper case (or not a letter, as in "7th").
    var capitalised: Bool
    /// Every ASCII and Cyrillic letter of the word is upper case.
    var allCaps: Bool
    /// The word has Cyrillic letters: it is read as Russian.
    var cyrillic: Bool
}

/// Splits UTF-8 text into words: runs of letters and digits, where any non-ASCII character
/// outside general punctuation counts as a letter ("Türkiye" is one word, "’" is not).
enum Tokenizer {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x100_0000_01b3

    /// The words of `bytes[range]`.
    static func tokens(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity((range.count / 6) + 1)
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let width = wordCharacterWidth(bytes, at: i, end: end)
            if width == 0 {
                i += max(1, sequenceLength(bytes[i]))
                continue
            }
            let start = i
            var hash = offsetBasis
            var capitalised = true, allCaps = true, first = true, cyrillic = false
            var w = width
            while w > 0 {
                if w == 2, bytes[i] == 0xD0 || bytes[i] == 0xD1 {
                    let (lead, trail, upper) = foldCyrillic(bytes[i], bytes[i + 1])
                    cyrillic = true
                    if !upper {
                        allCaps = false
                        if first { capitalised = false }
                    }
                    hash = ((hash ^ UInt64(lead)) &* prime ^ UInt64(trail)) &* prime
                } else {
                    for k in i..<(i + w) {
                        var byte = bytes[k]
                        if byte >= 0x41 && byte <= 0x5A {
                            byte |= 0x20
                        } else if byte >= 0x61 && byte <= 0x7A {
                            allCaps = false
                            if first { capitalised = false }
                        }
                        hash = (hash ^ UInt64(byte)) &* prime
                    }
                }
                first = false
                i += w
                w = i < end ? wordCharacterWidth(bytes, at: i, end: end) : 0
            }
            let stem = cyrillic ? RussianStem.key(bytes, start, i) : hash
            tokens.append(Token(start: start, end: i, key: hash, stem: stem, capitalised: capitalised, allCaps: allCaps, cyrillic: cyrillic))
        }
        return tokens
    }

    /// A Cyrillic letter's two bytes lower-cased ("ё" as "е"), and whether it was a capital.
    @inline(__always)
    static func foldCyrillic(_ lead: UInt8, _ trail: UInt8) -> (UInt8, UInt8, upper: Bool) {
        if lead == 0xD0 {
            if trail >= 0x90 && trail <= 0x9F { return (0xD0, trail + 0x20, true) } // А–П
            if trail >= 0xA0 && trail <= 0xAF { return (0xD1, trail - 0x20, true) } // Р–Я
            if trail == 0x81 { return (0xD0, 0xB5, true) } // Ё
            return (lead, trail, trail < 0xB0)
        }
        if trail == 0x91 { return (0xD0, 0xB5, false) } // ё
        return (lead, trail, false)
    }

    /// The hash a single word of a phrase is stored under.
    static func key(_ word: Substring) -> UInt64 {
        words(String(word)).first?.key ?? offsetBasis
    }

    /// The words of a phrase written in a data file, split the same way as text, with their keys and stems.
    static func words(_ phrase: String) -> [(key: UInt64, stem: UInt64, text: Substring)] {
        var utf8 = Array(phrase.utf8)
        return utf8.withUnsafeMutableBufferPointer { buffer in
            let view = UnsafeBufferPointer(buffer)
            return tokens(view, in: 0..<view.count).map { token in
                let text = String(decoding: view[token.start..<token.end], as: UTF8.self)
                return (token.key, token.stem, Substring(text))
            }
        }
    }

    /// Bytes of the character at `i` when it belongs in a word, else 0.
    @inline(__always)
    private static func wordCharacterWidth(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Int {
        let byte = bytes[i]
        if byte < 0x80 {
            let isDigit = byte >= 0x30 && byte <= 0x39
            let isLetter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
            return isDigit || isLetter ? 1 : 0
        }
        let length = sequenceLength(byte)
        guard length > 1, i + length <= end else { return 0 }
        // U+00A0…U+00BF (no-break space, «, », ·) and U+2000…U+206F (dashes, quotes, spaces) separate words.
        if byte == 0xC2 { return 0 }
        if byte == 0xE2 && bytes[i + 1] == 0x80 || byte == 0xE2 && bytes[i + 1] == 0x81 { return 0 }
        return length
    }

    @inline(__always)
    static func sequenceLength(_ lead: UInt8) -> Int {
        if lead < 0x80 { return 1 }
        if lead >= 0xF0 { return 4 }
        if lead >= 0xE0 { return 3 }
        if lead >= 0xC0 { return 2 }
        return 1
    }
}
