import DiplomapCore

/// A pair of sides that a sentence may relate, with what the model reads of the pair in that sentence.
struct Candidate: Sendable {
    var a: String
    var b: String
    var features: [UInt64]
}

/// One sentence as the model reads it: the features of the whole sentence and its candidate pairs.
struct SentenceInstance: Sendable {
    var range: Range<Int>
    var features: [UInt64]
    var candidates: [Candidate]
    /// The sentence's words (names left out) and cue kinds, which the polarity of each issue is read from.
    var polarityCues: [UInt64]

    /// The features of the polarity of one issue: the issue itself, and each word and cue kind together with it,
    /// so that the same words can weigh differently ("influence" is neutral on sovereignty, conflict elsewhere).
    func polarityFeatures(_ issue: Issue) -> [UInt64] {
        let i = UInt64(issue.ordinal)
        return [Feature.key(.issuePolarity, i)] + polarityCues.map { Feature.key(.issuePolarity, Feature.mix(i, $0)) }
    }
}

/// Turns the sentences of a document into what the model weighs: hashed features of the sentence
/// (its words beside the names of states, lexicon issues with their rule polarity, cue words,
/// the states it names, the issues of the sentence before and of the whole document) and, for every
/// pair of sides it may relate, features of the pair (its states, how it was found, what the rules say
/// of it, the issues of its own clauses and of the other sentences that name it, clause, list, distance
/// and the words between its names).
///
/// The document's issues matter because annotators read a sentence in its paragraph: "the two leaders
/// also discussed the situation" is about the issue the text is about.
///
/// Extraction and training call the same code, so the model is trained on exactly what it reads.
/// Features are 64-bit hashes of a template and a value, so that reading allocates no strings.
struct FeatureExtractor: Sendable {
    let rules: RuleMapper

    /// How far apart (in words) two names may stand for the words between them to be read.
    private static let betweenReach = 12

    func instances(_ readings: [SentenceReading], bytes: UnsafeBufferPointer<UInt8>) -> [SentenceInstance] {
        let context = rules.context(readings)
        return readings.enumerated().map { index, reading in
            let words = Self.stemsBesideNames(reading, bytes: bytes)
            return SentenceInstance(
                range: reading.range,
                features: sentenceFeatures(reading, words: words, index: index, before: index > 0 ? readings[index - 1] : nil, context: context),
                candidates: candidates(reading, previous: index > 0 ? readings[index - 1].sides : nil, context: context, bytes: bytes),
                polarityCues: words + reading.cues.map { Feature.key(.cue, UInt64($0.cue.index)) })
        }
    }

    // MARK: The sentence

    private func sentenceFeatures(
        _ reading: SentenceReading, words: [UInt64], index: Int, before: SentenceReading?, context: DocumentContext
    ) -> [UInt64] {
        var features: [UInt64] = [Feature.key(.bias, 0)]
        features.reserveCapacity(words.count + 16)
        // Words alone: pairs of words, fitted to the few documents each occurs in, scored lower on documents held out.
        for word in words { features.append(Feature.key(.word, word)) }
        for item in reading.issues {
            features.append(Feature.key(.lexicon, UInt64(item.issue.ordinal)))
            features.append(Feature.key(.lexiconPolarity, UInt64(item.issue.ordinal * 3 + item.polarity.ordinal)))
        }
        for cue in reading.cues { features.append(Feature.key(.cue, UInt64(cue.cue.index))) }
        features.append(Feature.key(.sides, UInt64(Self.sizeBucket(reading.sides.count))))
        features.append(Feature.key(.issues, UInt64(min(reading.issues.count, 3))))
        if !reading.venues.isEmpty { features.append(Feature.key(.venues, 1)) }
        if index == 0 { features.append(Feature.key(.first, 1)) }
        for code in reading.sides + reading.venues { features.append(Feature.key(.named, Feature.code(code))) }
        for item in before?.issues ?? [] { features.append(Feature.key(.previousIssue, UInt64(item.issue.ordinal))) }
        // Issues the document names in two sentences or more, by how often (2, 3–5, 6 or more).
        for (ordinal, count) in context.issueCounts.enumerated() where count >= 2 {
            features.append(Feature.key(.documentIssue, UInt64(ordinal * 4 + min(count, 8) / 3)))
        }
        return features
    }

    /// The word keys of a sentence, the names of states left out: which state a sentence names is a feature of its own.
    private static func stemsBesideNames(_ reading: SentenceReading, bytes: UnsafeBufferPointer<UInt8>) -> [UInt64] {
        var words: [UInt64] = []
        words.reserveCapacity(reading.tokens.count)
        var names = reading.names.makeIterator()
        var name = names.next()
        var i = 0
        while i < reading.tokens.count {
            if let range = name, range.lowerBound == i {
                i = range.upperBound
                name = names.next()
                continue
            }
            words.append(Feature.stem(bytes, reading.tokens[i]))
            i += 1
        }
        return words
    }

    // MARK: The pairs

    /// Every pair the sentence may relate: the sides and venues it names with each other, each side
    /// with the main pair and the hub, the main pair where it speaks of "the two countries" or names
    /// no side, and the pairs the rules relate.
    private func candidates(
        _ reading: SentenceReading, previous: [String]?, context: DocumentContext, bytes: UnsafeBufferPointer<UInt8>
    ) -> [Candidate] {
        var found: [(String, String, origin: UInt64)] = []
        func add(_ a: String, _ b: String, _ origin: Origin) {
            guard a != b || rules.members[a] != nil else { return }
            if rules.members[a]?.contains(b) == true || rules.members[b]?.contains(a) == true { return }
            if let index = found.firstIndex(where: { ($0.0 == a && $0.1 == b) || ($0.0 == b && $0.1 == a) }) {
                found[index].origin |= origin.rawValue
            } else {
                found.append((a, b, origin.rawValue))
            }
        }
        for (a, b) in rules.related(reading.sides) { add(a, b, .named) }
        for venue in reading.venues {
            for side in reading.sides { add(side, venue, .venue) }
        }
        let completions = context.main + (context.hub.map { [$0] } ?? [])
        for side in reading.sides where reading.sides.count == 1 {
            for other in completions where other != side { add(side, other, .completed) }
        }
        if context.main.count == 2, reading.anaphora || reading.sides.isEmpty {
            add(context.main[0], context.main[1], reading.anaphora ? .anaphora : .unnamed)
        }
        if reading.sides.isEmpty, let previous, previous.count > 2 {
            for (a, b) in rules.related(previous) { add(a, b, .previous) }
        }
        let rulePairs = rules.pairs(reading, context: context)
        for (a, b) in rulePairs { add(a, b, .rule) }
        return found.map { a, b, origin in
            Candidate(a: a, b: b, features: pairFeatures(a, b, origin: origin, reading: reading, context: context, bytes: bytes))
        }
    }

    private func pairFeatures(
        _ a: String, _ b: String, origin: UInt64, reading: SentenceReading, context: DocumentContext, bytes: UnsafeBufferPointer<UInt8>
    ) -> [UInt64] {
        var features: [UInt64] = []
        for bit in Origin.allCases where origin & bit.rawValue != 0 { features.append(Feature.key(.origin, bit.rawValue)) }
        features.append(Feature.key(.originSet, origin))
        for item in reading.issues { features.append(Feature.key(.originIssue, origin &* 64 &+ UInt64(item.issue.ordinal))) }
        // The issues of the clauses the pair shares: as the rules read them for a pair they relate, and for every pair.
        let clauseIssues = rules.issues(of: a, b, in: reading)
        if origin & Origin.rule.rawValue != 0, let clauseIssues {
            for item in clauseIssues {
                features.append(Feature.key(.ruleIssue, UInt64(item.issue.ordinal)))
                features.append(Feature.key(.ruleIssuePolarity, UInt64(item.issue.ordinal * 3 + item.polarity.ordinal)))
            }
        }
        for item in clauseIssues ?? [] {
            features.append(Feature.key(.pairIssue, UInt64(item.issue.ordinal)))
            features.append(Feature.key(.pairIssuePolarity, UInt64(item.issue.ordinal * 3 + item.polarity.ordinal)))
        }
        if clauseIssues == nil { features.append(Feature.key(.pairIssue, UInt64(Issue.allCases.count))) }
        features.append(Feature.key(.pairState, Feature.code(a)))
        features.append(Feature.key(.pairState, Feature.code(b)))
        if a == b { features.append(Feature.key(.reflexive, 1)) }
        if rules.members[a] != nil || rules.members[b] != nil { features.append(Feature.key(.group, 1)) }
        let key = [a, b].sorted()
        let documentIssues = context.pairIssues[key] ?? 0
        for issue in Issue.allCases where documentIssues & 1 << issue.ordinal != 0 {
            features.append(Feature.key(.pairDocumentIssue, UInt64(issue.ordinal)))
        }
        if key == context.main { features.append(Feature.key(.main, 1)) }
        if let hub = context.hub, a == hub || b == hub { features.append(Feature.key(.hub, 1)) }
        features.append(Feature.key(.together, UInt64(min(context.pairCounts[key] ?? 0, 4))))
        if let x = reading.clausesOf[a], let y = reading.clausesOf[b] {
            let shared = x.intersection(y)
            features.append(Feature.key(.sameClause, shared.isEmpty ? 0 : 1))
            if shared.contains(where: { reading.subjects[$0].map { $0.contains(a) != $0.contains(b) } ?? false }) {
                features.append(Feature.key(.subject, 1))
            }
        }
        if let list = reading.lists.first(where: { $0.contains(a) && $0.contains(b) }) {
            features.append(Feature.key(.list, 1))
            features.append(Feature.key(.listSize, UInt64(Self.sizeBucket(list.count))))
        }
        if reading.mutualLists.contains(where: { $0.contains(a) && $0.contains(b) }) { features.append(Feature.key(.list, 2)) }
        if reading.compound == [a, b] || reading.compound == [b, a] { features.append(Feature.key(.compound, 1)) }
        // The nearest two names of the pair: their distance, and the words between them.
        let pa = reading.sideAt.filter { $0.side == a }.map(\.position)
        let pb = reading.sideAt.filter { $0.side == b }.map(\.position)
        var best: (Int, Int)?
        for x in pa {
            for y in pb where best == nil || abs(x - y) < abs(best!.0 - best!.1) { best = (x, y) }
        }
        if let (x, y) = best {
            let distance = abs(x - y)
            features.append(Feature.key(.distance, UInt64(distance <= 2 ? 0 : distance <= 5 ? 1 : distance <= 10 ? 2 : distance <= 20 ? 3 : 4)))
            if distance > 1, distance <= Self.betweenReach {
                for i in (min(x, y) + 1)..<max(x, y) where !reading.names.contains(where: { $0.contains(i) }) {
                    features.append(Feature.key(.between, Feature.stem(bytes, reading.tokens[i])))
                }
            }
        } else {
            features.append(Feature.key(.distance, 5))
        }
        // The words just before and after each name of the pair ("with", "between", "'s").
        for position in pa + pb {
            for offset in [-2, -1, 1, 2] {
                let i = position + offset
                guard i >= 0, i < reading.tokens.count, !reading.names.contains(where: { $0.contains(i) }) else { continue }
                features.append(Feature.key(.near, Feature.mix(UInt64(offset + 2), Feature.stem(bytes, reading.tokens[i]))))
            }
        }
        return features
    }

    /// 0 to 5 for 0, 1, 2, 3, 4–6 and 7 or more.
    private static func sizeBucket(_ count: Int) -> Int {
        count <= 3 ? count : count <= 6 ? 4 : 5
    }

    /// How a candidate pair was found; a pair found several ways carries every bit.
    enum Origin: UInt64, CaseIterable {
        case named = 1, venue = 2, completed = 4, anaphora = 8, unnamed = 16, rule = 32, previous = 64
    }
}

/// The hashing of features: a template and a value mixed into 64 bits.
enum Feature {
    /// What a feature describes; the raw value is part of its hash, so never reorder these (3 was word pairs).
    enum Template: UInt64 {
        case bias = 1, word, lexicon = 4, lexiconPolarity, cue, sides, issues, venues, first
        case origin, originSet, ruleIssue, ruleIssuePolarity, reflexive, group, main, hub, together
        case sameClause, subject, list, compound, distance, between, listSize, originIssue, issuePolarity, near
        case named, pairState, pairIssue, pairIssuePolarity, documentIssue, previousIssue, pairDocumentIssue
    }

    /// A state's or group's code (at most eight letters) as a number.
    static func code(_ code: String) -> UInt64 {
        code.utf8.reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// The word that stands for any number.
    static let number: UInt64 = 0x6e75_6d

    static func key(_ template: Template, _ value: UInt64) -> UInt64 {
        mix(template.rawValue &* 0x9E37_79B9_7F4A_7C15, value)
    }

    /// SplitMix64's finaliser over two values: a well-spread hash, the same on every platform and run.
    static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var z = a ^ (b &+ 0x9E37_79B9_7F4A_7C15 &+ (a << 6) &+ (a >> 2))
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A word's key with letters lower-cased and a plural or verb ending cut ("pipelines" → "pipeline",
    /// "signed" → "sign"), so that the forms of a word share their weight; every number is one word.
    /// A Russian word's key is the stem the tokenizer cut (`RussianStem`).
    static func stem(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token) -> UInt64 {
        let first = bytes[token.start]
        if first >= 0x30 && first <= 0x39 { return number }
        if token.cyrillic { return token.stem }
        var end = token.end
        let length = end - token.start
        func endsWith(_ suffix: StaticString) -> Bool {
            let n = suffix.utf8CodeUnitCount
            guard length > n + 2 else { return false }
            for k in 0..<n where bytes[end - n + k] | 0x20 != suffix.utf8Start[k] { return false }
            return true
        }
        if endsWith("ing") { end -= 3 } else if endsWith("ies") { end -= 2 } else if endsWith("ed") { end -= 2 }
        else if endsWith("es") && !endsWith("ses") { end -= 1 } else if endsWith("s") && !endsWith("ss") { end -= 1 }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for k in token.start..<end {
            var byte = bytes[k]
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash
    }
}

extension Cue {
    /// The cue's place in `allCases`, part of its feature hash.
    var index: Int {
        switch self {
        case .conflict: 0
        case .neutral: 1
        case .negation: 2
        case .hedge: 3
        case .relational: 4
        case .locative: 5
        case .origin: 6
        case .mutual: 7
        case .meta: 8
        case .anaphora: 9
        case .reflexive: 10
        case .clause: 11
        case .singular: 12
        case .relative: 13
        case .geographic: 14
        case .mediation: 15
        case .subordinate: 16
        }
    }
}
