/// A light stemmer for Russian: the hash of a word without its inflectional ending.
///
/// Russian inflects nouns, adjectives and verbs for case, number, gender and tense ("торговля",
/// "торговли", "торговлей"), so a model that weighed whole words would spread one word's evidence
/// over a dozen forms. Cutting the longest ending of a fixed list (and a reflexive "-ся" before it)
/// gives one key to most forms of a word, cheaply and without a dictionary; it does not try to undo
/// derivation ("торговый" and "торговля" stay apart), which the lexicon's phrases cover.
enum RussianStem {
    /// Endings, written as they are cut: adjectival, nominal and verbal.
    private static let endingList = """
        ими ыми его ого ему ому ее ие ые ое ей ий ый ой ем им ым ом их ых ую юю ая яя ою ею \
        иями ями ами ией иям ием иях ев ов ье еи ии ям ам ах ях ию ью ия ья а е и й о у ы ь ю я \
        ала али ало ать ять ить еть уть ила или ило ил ал ял ел ет ит ут ют ат ят ешь ишь ете ите ла ли ло ть
        """
    /// The least number of letters a stem keeps.
    private static let minimumLetters = 3

    /// Endings by their last letter, longest first, each letter as its two folded UTF-8 bytes.
    private static let endings: [UInt16: [[UInt16]]] = {
        var byLast: [UInt16: [[UInt16]]] = [:]
        for ending in Set(endingList.split(whereSeparator: \.isWhitespace)) {
            let letters = letters(String(ending))
            byLast[letters.last!, default: []].append(letters)
        }
        return byLast.mapValues { $0.sorted { $0.count > $1.count || ($0.count == $1.count && $0.lexicographicallyPrecedes($1)) } }
    }()
    private static let reflexive: [[UInt16]] = [letters("ся"), letters("сь")]

    /// The letters of a word as folded two-byte codes.
    private static func letters(_ word: String) -> [UInt16] {
        let bytes = Array(word.utf8)
        return stride(from: 0, to: bytes.count, by: 2).map { i in
            let (lead, trail, _) = Tokenizer.foldCyrillic(bytes[i], bytes[i + 1])
            return UInt16(lead) << 8 | UInt16(trail)
        }
    }

    /// The folded Cyrillic letter whose two bytes end at `end`, or nil for any other character.
    @inline(__always)
    private static func letter(_ bytes: UnsafeBufferPointer<UInt8>, endingAt end: Int, from start: Int) -> UInt16? {
        guard end - 2 >= start, bytes[end - 2] == 0xD0 || bytes[end - 2] == 0xD1 else { return nil }
        let (lead, trail, _) = Tokenizer.foldCyrillic(bytes[end - 2], bytes[end - 1])
        return UInt16(lead) << 8 | UInt16(trail)
    }

    /// Whether the word `bytes[start..<end]` ends in `ending` and keeps enough letters before it.
    private static func cut(_ ending: [UInt16], _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard end - start >= 2 * (ending.count + minimumLetters) else { return false }
        var position = end
        for code in ending.reversed() {
            guard letter(bytes, endingAt: position, from: start) == code else { return false }
            position -= 2
        }
        return true
    }

    /// The folded hash of the word's stem.
    static func key(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var stemEnd = end
        if let ending = reflexive.first(where: { cut($0, bytes, start, stemEnd) }) { stemEnd -= 2 * ending.count }
        if let last = letter(bytes, endingAt: stemEnd, from: start), let candidates = endings[last],
           let ending = candidates.first(where: { cut($0, bytes, start, stemEnd) }) {
            stemEnd -= 2 * ending.count
        }
        var hash = Tokenizer.offsetBasis
        var i = start
        while i < stemEnd {
            if i + 1 < stemEnd, bytes[i] == 0xD0 || bytes[i] == 0xD1 {
                let (lead, trail, _) = Tokenizer.foldCyrillic(bytes[i], bytes[i + 1])
                hash = ((hash ^ UInt64(lead)) &* Tokenizer.prime ^ UInt64(trail)) &* Tokenizer.prime
                i += 2
            } else {
                var byte = bytes[i]
                if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
                hash = (hash ^ UInt64(byte)) &* Tokenizer.prime
                i += 1
            }
        }
        return hash
    }
}
