/// Phrases of one or more words, found in a run of tokens by their first word, longest first.
///
/// `Value` is what a phrase stands for: an actor code, an issue, a cue kind.
struct PhraseIndex<Value: Sendable>: Sendable {
    /// One phrase: its word hashes and what it stands for.
    struct Entry: Sendable {
        var keys: [UInt64]
        /// Which words are matched by their stem (a Russian `word*`) rather than as written.
        var stemmed: [Bool]
        var value: Value
        /// The phrase is all capitals in its source ("US", "PRC"), so the text must be too.
        var allCaps: Bool
    }

    /// A phrase found in the text: its token range and value.
    struct Match: Sendable {
        var range: Range<Int>
        var value: Value
    }

    private var byFirst: [UInt64: [Entry]] = [:]

    /// Whether no phrase has been added.
    var isEmpty: Bool { byFirst.isEmpty }

    /// Adds a phrase as written in a data file; a trailing `*` on a word also adds it with common English
    /// endings, or, on a Russian word, matches every word of the same stem (`RussianStem`).
    mutating func add(_ phrase: String, _ value: Value, caseSensitive: Bool = false) {
        for variant in Self.expand(phrase) {
            let words = Tokenizer.words(variant.replacingOccurrences(of: "*", with: ""))
            guard !words.isEmpty else { continue }
            // A starred Russian word is matched by its stem; in a hyphenated one ("Южно-Китайское*"), its last part.
            let stemmed = variant.split(separator: " ").flatMap { written in
                let parts = Tokenizer.words(String(written.filter { $0 != "*" })).count
                return [Bool](repeating: false, count: max(parts - 1, 0)) + (parts > 0 ? [written.hasSuffix("*")] : [])
            }
            guard stemmed.count == words.count else { continue }
            let keys = zip(words, stemmed).map { $1 ? $0.stem : $0.key }
            let caps = caseSensitive && words.allSatisfy { $0.text.allSatisfy { !$0.isLowercase } } && variant.contains(where: \.isUppercase)
            byFirst[keys[0], default: []].append(Entry(keys: keys, stemmed: stemmed, value: value, allCaps: caps))
            byFirst[keys[0]]!.sort { $0.keys.count > $1.keys.count }
        }
    }

    /// The longest phrase that starts at token `i`, if any, that `accept` agrees to.
    func longest(at i: Int, in tokens: [Token], accept: (Entry, Range<Int>) -> Bool = { _, _ in true }) -> Match? {
        let token = tokens[i]
        let exact = longest(byFirst[token.key], at: i, in: tokens, accept: accept)
        guard token.stem != token.key, let stemmed = longest(byFirst[token.stem], at: i, in: tokens, accept: accept) else { return exact }
        return stemmed.range.count > (exact?.range.count ?? 0) ? stemmed : exact
    }

    /// The longest of `entries` that matches at token `i`.
    private func longest(_ entries: [Entry]?, at i: Int, in tokens: [Token], accept: (Entry, Range<Int>) -> Bool) -> Match? {
        guard let entries else { return nil }
        for entry in entries where i + entry.keys.count <= tokens.count {
            var same = true
            for k in 0..<entry.keys.count where (entry.stemmed[k] ? tokens[i + k].stem : tokens[i + k].key) != entry.keys[k] {
                same = false
                break
            }
            let range = i..<(i + entry.keys.count)
            if same, accept(entry, range) { return Match(range: range, value: entry.value) }
        }
        return nil
    }

    /// Every non-overlapping phrase in `tokens`, scanning left to right, longest first.
    func matches(in tokens: [Token], accept: (Entry, Range<Int>) -> Bool = { _, _ in true }) -> [Match] {
        var found: [Match] = []
        var i = 0
        while i < tokens.count {
            if let match = longest(at: i, in: tokens, accept: accept) {
                found.append(match)
                i = match.range.upperBound
            } else {
                i += 1
            }
        }
        return found
    }

    /// The phrase with each `word*` replaced by the word and its endings.
    static func expand(_ phrase: String) -> [String] {
        var variants = [""]
        for word in phrase.split(separator: " ") {
            let russian = word.unicodeScalars.contains { (0x400...0x4FF).contains($0.value) }
            let stems = word.hasSuffix("*") && !russian ? phraseEndings.map { word.dropLast() + $0 } : [String(word)]
            variants = variants.flatMap { prefix in stems.map { prefix.isEmpty ? $0 : prefix + " " + $0 } }
        }
        return variants
    }
}

/// The endings a `word*` of the lexicon stands for.
private let phraseEndings = ["", "s", "es", "e", "ed", "d", "ing", "ion", "ions", "ive", "ment", "ments", "er", "ers", "or", "ors", "al", "ies", "y"]
