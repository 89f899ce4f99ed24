import DiplomapCore

/// Reads one sentence: the states it names and in which role, the issues and their polarity.
struct SentenceReader: Sendable {
    let gazetteer: Gazetteer
    let lexicon: Lexicon
    /// Group code → members, to fold a full enumeration of members into the group and to keep members apart from it.
    let members: [String: Set<String>]

    /// How many words before a cue a negation still reaches.
    private static let negationScope = 3
    /// Words that continue a list after a comma ("China, Russia, and Iran").
    private static let listJoiners: Set<UInt64> = Set(["and", "or", "и", "или"].map { Tokenizer.key(Substring($0)) })
    /// How many words (none of them a name) may come before a subordinate clause that still opens the sentence ("Thus, even if").
    private static let frontedReach = 2
    /// How many words from a conflict cue an issue still takes its polarity from.
    private static let conflictScope = 7
    /// Words that join the names of a coordinated list.
    private static let coordinators: Set<UInt64> = Set(
        ["and", "or", "both", "as", "well", "the", "also", "и", "или", "а", "также", "как"].map { Tokenizer.key(Substring($0)) })
    private static let theKey = Tokenizer.key("the")

    func read(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> SentenceReading {
        var reading = SentenceReading(range: range)
        let tokens = Tokenizer.tokens(bytes, in: range)
        guard !tokens.isEmpty else { return reading }
        reading.tokens = tokens
        let cues = lexicon.cues.matches(in: tokens)
        reading.cues = cues.map { ($0.value, $0.range.lowerBound) }
        let issueMatches = lexicon.issues.matches(in: tokens).compactMap { match in
            match.value.map { PhraseIndex<Issue>.Match(range: match.range, value: $0) }
        }

        var cueAt: [Int: Cue] = [:]
        var cueEndingAt: [Int: Cue] = [:]
        for cue in cues {
            cueAt[cue.range.lowerBound] = cue.value
            cueEndingAt[cue.range.upperBound] = cue.value
        }
        if cues.contains(where: { $0.value == .meta }) { return reading }
        reading.anaphora = cues.contains { $0.value == .anaphora }
        reading.mutual = cues.contains { $0.value == .mutual }
        reading.reflexive = cues.contains { $0.value == .reflexive }
        reading.mediation = cues.contains { $0.value == .mediation }

        // Clauses: a clause cue, a semicolon, or a relative word after a comma opens a new one; a
        // subordinate clause that opens the sentence ("Even if …, ") ends at the first comma not
        // followed by a name or a coordinating word.
        var clauseOf = [Int](repeating: 0, count: tokens.count + 1)
        var clause = 0
        var fronted = false
        let mentions = gazetteer.mentions(in: tokens)
        reading.names = mentions.map(\.range)
        for i in 0..<tokens.count {
            let gap = i > 0 ? bytes[tokens[i - 1].end..<tokens[i].start] : bytes[0..<0]
            let comma = gap.contains(UInt8(ascii: ","))
            if fronted, comma, !tokens[i].capitalised, !Self.listJoiners.contains(tokens[i].key) {
                clause += 1
                fronted = false
            } else if cueAt[i] == .clause || gap.contains(UInt8(ascii: ";")) || (cueAt[i] == .relative && comma) {
                clause += 1
            }
            if i <= Self.frontedReach, cueAt[i] == .clause || cueAt[i] == .subordinate,
               mentions.first.map({ $0.range.lowerBound > i }) ?? true {
                fronted = true
            }
            if i == 0, mentions.first?.range.lowerBound != 0, Self.isParticiple(bytes, tokens[0]) { fronted = true }
            clauseOf[i] = clause
        }

        // Sides and venues.
        var kept: [Mention] = []
        for mention in mentions {
            if cueAt[mention.range.upperBound] == .origin { continue }
            if members[mention.code] != nil, cueAt[mention.range.upperBound] == .singular { continue }
            if Self.isCurrency(bytes, after: tokens[mention.range.upperBound - 1].end) { continue }
            if issueMatches.contains(where: { $0.value == .afghanistan && $0.range.overlaps(mention.range) }) { continue }
            kept.append(mention)
        }
        var list: [String] = []
        var listMutual = false
        var subjectClause: Int?
        for (index, mention) in kept.enumerated() {
            let previous = index > 0 ? kept[index - 1] : nil
            let compound = previous.map { Self.isCompound(bytes, tokens[$0.range.upperBound - 1].end, tokens[mention.range.lowerBound].start) } ?? false
            let next = index + 1 < kept.count ? kept[index + 1] : nil
            let compoundHead = next.map { Self.isCompound(bytes, tokens[mention.range.upperBound - 1].end, tokens[$0.range.lowerBound].start) } ?? false
            let dateline = mention.range.lowerBound == 0 && Self.isDateline(bytes, tokens[mention.range])
            if dateline || cueEndingAt[mention.range.lowerBound] == .locative, !compound, !compoundHead {
                if !reading.venues.contains(mention.code) { reading.venues.append(mention.code) }
                continue
            }
            if !reading.sides.contains(mention.code) { reading.sides.append(mention.code) }
            reading.clausesOf[mention.code, default: []].insert(clauseOf[mention.range.lowerBound])
            reading.sideAt.append((mention.code, clauseOf[mention.range.lowerBound], mention.range.lowerBound))
            if let previous, compound, reading.compound.isEmpty, previous.code != mention.code {
                reading.compound = [previous.code, mention.code]
            }
            let joined = previous.map { compound || coordinated(tokens, $0.range.upperBound..<mention.range.lowerBound) } ?? false
            let clause = clauseOf[mention.range.lowerBound]
            if reading.subjects[clause] == nil {
                reading.subjects[clause] = [mention.code]
                subjectClause = clause
            } else if subjectClause == clause, joined {
                reading.subjects[clause]!.insert(mention.code)
            } else {
                subjectClause = nil
            }
            if let previous, !compound, coordinated(tokens, previous.range.upperBound..<mention.range.lowerBound) {
                if !list.contains(mention.code) { list.append(mention.code) }
            } else {
                if list.count > 1 { reading.lists.append(list) }
                if list.count > 1, listMutual { reading.mutualLists.append(list) }
                list = [mention.code]
                let start = mention.range.lowerBound
                listMutual = cueEndingAt[start] == .mutual || (start > 0 && tokens[start - 1].key == Self.theKey && cueEndingAt[start - 1] == .mutual)
            }
        }
        if list.count > 1 { reading.lists.append(list) }
        if list.count > 1, listMutual { reading.mutualLists.append(list) }
        reading.venues.removeAll { reading.sides.contains($0) }
        // In the order of their codes, not the dictionary's, which differs from process to process.
        for (group, memberSet) in members.sorted(by: { $0.key < $1.key }) where memberSet.isSubset(of: Set(reading.sides)) {
            reading.sides.removeAll { memberSet.contains($0) }
            if !reading.sides.contains(group) { reading.sides.append(group) }
            for (clause, subject) in reading.subjects where !subject.isDisjoint(with: memberSet) {
                reading.subjects[clause]!.insert(group)
            }
            reading.clausesOf[group, default: []].formUnion(memberSet.flatMap { reading.clausesOf[$0] ?? [] })
            reading.sideAt = reading.sideAt.map { memberSet.contains($0.side) ? (group, $0.clause, $0.position) : $0 }
            reading.lists = reading.lists.map { $0.filter { !memberSet.contains($0) } }.filter { $0.count > 1 }
            reading.enumerated = true
        }

        // Issues and polarity, clause by clause.
        reading.sidelessClauses = Set(0...clause).subtracting(reading.clausesOf.values.joined())
        func negated(_ start: Int) -> Bool {
            cues.contains { $0.value == .negation && $0.range.upperBound <= start && start - $0.range.upperBound < Self.negationScope }
        }
        var conflicts: [Int] = []
        var conflictClauses = Set<Int>(), relationalClauses = Set<Int>(), issueClauses = Set<Int>()
        for cue in cues where !negated(cue.range.lowerBound) {
            switch cue.value {
            case .conflict:
                conflictClauses.insert(clauseOf[cue.range.lowerBound])
                conflicts.append(cue.range.lowerBound)
                reading.relational = true
            case .relational:
                relationalClauses.insert(clauseOf[cue.range.lowerBound])
                reading.relational = true
                reading.mutual = true
            default: break
            }
        }
        for match in issueMatches where !negated(match.range.lowerBound) {
            let clause = clauseOf[match.range.lowerBound]
            issueClauses.insert(clause)
            reading.issueClauses[match.value, default: []].insert(clause)
            let neutral = cues.contains { $0.value == .neutral && $0.range.overlaps(match.range) }
            let inConflict = conflicts.contains { position in
                clauseOf[position] == clause && abs(position - match.range.lowerBound) <= Self.conflictScope
            }
            if !inConflict, cues.contains(where: { $0.value == .geographic && $0.range.lowerBound <= match.range.lowerBound && match.range.upperBound <= $0.range.upperBound }) { continue }
            let polarity: Polarity = inConflict ? .conflict : neutral ? .neutral : .cooperation
            append(IssuePolarity(issue: match.value, polarity: polarity), to: &reading)
            reading.issueAt.append((match.value, clause, match.range.lowerBound))
        }
        for clause in relationalClauses.subtracting(issueClauses) {
            reading.issueClauses[.dialogue, default: []].insert(clause)
            append(IssuePolarity(issue: .dialogue, polarity: conflictClauses.contains(clause) ? .conflict : .cooperation), to: &reading)
        }
        // Within one sentence, a conflict on an issue outweighs cooperation on the same issue.
        let conflicted = Set(reading.issues.filter { $0.polarity == .conflict }.map(\.issue))
        reading.issues.removeAll { $0.polarity != .conflict && conflicted.contains($0.issue) }
        if reading.issues.contains(where: { $0.issue == .multilateral }) {
            reading.issues.removeAll { $0.issue == .dialogue }
        }
        return reading
    }

    /// Only coordinating words (and commas) stand between two names.
    private func coordinated(_ tokens: [Token], _ between: Range<Int>) -> Bool {
        tokens[between].allSatisfy { Self.coordinators.contains($0.key) }
    }

    /// A word ending in "ed" or "ing" ("Encircled by …, the zone"), which opens a participle clause at the start of a sentence.
    private static func isParticiple(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token) -> Bool {
        let word = bytes[token.start..<token.end]
        guard word.count > 5, word.allSatisfy({ $0 < 0x80 }) else { return false }
        return word.suffix(2).elementsEqual("ed".utf8) || word.suffix(3).elementsEqual("ing".utf8)
    }

    /// Two names joined by a hyphen, dash or slash into one compound ("Kyrgyz-Tajik border", "U.S./China").
    private static func isCompound(_ bytes: UnsafeBufferPointer<UInt8>, _ end: Int, _ start: Int) -> Bool {
        let gap = bytes[end..<start]
        if gap.count == 1 { return gap.first == UInt8(ascii: "-") || gap.first == UInt8(ascii: "/") }
        if gap.elementsEqual([0x2E, 0x2F]) { return true } // "U.S./China"
        return gap.count == 3 && gap.first == 0xE2 && gap.dropFirst().first == 0x80 // en or em dash
    }

    /// A news dateline: a place in capitals opening the text, then a colon, bracket or dash ("MOSCOW (Agency) –"),
    /// or in Russian a comma ("АСТАНА, 5 марта. /ТАСС/.").
    private static func isDateline(_ bytes: UnsafeBufferPointer<UInt8>, _ words: ArraySlice<Token>) -> Bool {
        guard let last = words.last, words.allSatisfy(\.allCaps), last.end - words.first!.start > 3 else { return false }
        var i = last.end
        while i < bytes.count, bytes[i] == UInt8(ascii: " ") { i += 1 }
        guard i < bytes.count else { return false }
        if bytes[i] == UInt8(ascii: ","), last.cyrillic { return true }
        return bytes[i] == UInt8(ascii: ":") || bytes[i] == UInt8(ascii: "(") || bytes[i] == 0xE2 || bytes[i] == UInt8(ascii: "-")
    }

    /// A code followed by a currency sign, as in "US$ 10 million".
    private static func isCurrency(_ bytes: UnsafeBufferPointer<UInt8>, after end: Int) -> Bool {
        end < bytes.count && bytes[end] == UInt8(ascii: "$")
    }

    private func append(_ item: IssuePolarity, to reading: inout SentenceReading) {
        if !reading.issues.contains(item) { reading.issues.append(item) }
    }
}
