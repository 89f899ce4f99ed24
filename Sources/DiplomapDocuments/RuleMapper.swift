import DiplomapCore

/// What a whole document says about its sides: the pair named together most often and the document's focus.
struct DocumentContext: Sendable {
    /// The pair of sides named together in most sentences, first named first on ties.
    var main: [String]
    /// The region named together with others, else the side named together with others most often.
    var hub: String?
    /// In how many sentences each pair (sorted codes) is named together.
    var pairCounts: [[String]: Int]
    /// In how many sentences each issue is named, by `Issue.ordinal`.
    var issueCounts: [Int]
    /// The issues named in the sentences that name each pair (sorted codes) together, one bit per `Issue.ordinal`
    /// (a set of bits rather than a `Set`, whose order would change from run to run and with it the sums of the weights).
    var pairIssues: [[String]: UInt32]
}

/// The hand-written reading of which pairs a sentence relates and on which issues.
///
/// The learned model (`RelationModel`) takes these readings as features among others and decides
/// itself: sides named only within a clause and only through the clause's subject, each pair with
/// the issues of its clause (with several objects, those named nearest to it); a single side
/// completed by a venue or by the main pair; "the two countries" and sentences that name no state
/// but speak of a relation or of the region resolved to the main pair.
struct RuleMapper: Sendable {
    /// Group code → members, for regions such as C5.
    let members: [String: Set<String>]

    /// The main pair, the hub, and the pairs and issues named in a document's sentences.
    func context(_ readings: [SentenceReading]) -> DocumentContext {
        var counts: [[String]: Int] = [:]
        var order: [[String]] = []
        var issueCounts = [Int](repeating: 0, count: Issue.allCases.count)
        var pairIssues: [[String]: UInt32] = [:]
        for reading in readings {
            let issues = reading.issues.reduce(UInt32(0)) { $0 | 1 << $1.issue.ordinal }
            for issue in Issue.allCases where issues & 1 << issue.ordinal != 0 { issueCounts[issue.ordinal] += 1 }
            for (a, b) in related(reading.sides) {
                let key = [a, b].sorted()
                if counts[key] == nil { order.append(key) }
                counts[key, default: 0] += 1
                pairIssues[key, default: 0] |= issues
            }
        }
        // The main pair: named together most often, first named first on ties.
        let main = order.enumerated().max { x, y in
            counts[x.element]! < counts[y.element]! || (counts[x.element]! == counts[y.element]! && x.offset > y.offset)
        }?.element ?? []
        return DocumentContext(main: main, hub: hub(readings), pairCounts: counts, issueCounts: issueCounts, pairIssues: pairIssues)
    }

    /// The document's focus: a region named together with others if there is one (the focus of the
    /// map), else the side named together with others in the most sentences.
    private func hub(_ readings: [SentenceReading]) -> String? {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for reading in readings where reading.sides.count > 1 {
            for side in reading.sides {
                if counts[side] == nil { order.append(side) }
                counts[side, default: 0] += 1
            }
        }
        if let region = order.first(where: { members[$0] != nil }) { return region }
        return order.max { counts[$0]! < counts[$1]! || (counts[$0]! == counts[$1]! && order.firstIndex(of: $0)! > order.firstIndex(of: $1)!) }
    }

    /// The pairs the rules relate in a sentence.
    func pairs(_ reading: SentenceReading, context: DocumentContext) -> [(String, String)] {
        let main = context.main, hub = context.hub
        var sides = reading.sides
        if reading.anaphora {
            if !reading.compound.isEmpty {
                sides = reading.compound
            } else if !main.isEmpty {
                sides = main
            }
        }
        if sides.count == 1 {
            let side = sides[0]
            if members[side] != nil, reading.reflexive || reading.enumerated {
                return [(side, side)]
            } else if !reading.venues.isEmpty {
                sides += reading.venues
            } else if main.contains(side) {
                sides = main
            } else if let hub, hub != side, members[hub]?.contains(side) != true {
                sides.append(hub)
            }
        } else if sides.isEmpty, reading.relational {
            sides = main
        } else if sides.isEmpty, let region = reading.venues.first(where: { members[$0] != nil }),
                  let partner = main.contains(region) ? main.first(where: { $0 != region }) : hub, partner != region {
            // A sentence on the region that names no side ("peace across Central Asia") speaks of its partner in the document.
            sides = [partner, region]
        }
        // A coordinated list acts as one side: paired with the others, or with the focus when alone.
        if let list = reading.lists.first(where: { Set($0) == Set(sides) }), !reading.mutual,
           let hub, !list.contains(hub) {
            return related(list + [hub]).filter { $0.0 == hub || $0.1 == hub }
        }
        // A list acts together when another side is named in the clause that names the whole list.
        let together = reading.lists.filter { list in
            if reading.mutualLists.contains(list) { return false }
            let clauses = list.dropFirst().reduce(reading.clausesOf[list[0]] ?? []) { $0.intersection(reading.clausesOf[$1] ?? []) }
            return sides.contains { side in
                !list.contains(side) && reading.clausesOf[side].map { !$0.isDisjoint(with: clauses) } ?? true
            }
        }
        return related(sides).filter { a, b in !together.contains { $0.contains(a) && $0.contains(b) } }
    }

    /// The issues a pair takes: those named in a clause that names both sides, one of them its subject
    /// unless both are of one list (or one side, when the other comes from outside the sentence), or in a clause without sides that follows one of theirs;
    /// nil when the two sides share no such clause. A pair whose clauses name no issue takes all of the sentence's.
    func issues(of a: String, _ b: String, in reading: SentenceReading) -> [IssuePolarity]? {
        var shared: Set<Int>
        switch (reading.clausesOf[a], reading.clausesOf[b]) {
        case let (x?, y?):
            shared = x.intersection(y)
            if !reading.lists.contains(where: { $0.contains(a) && $0.contains(b) }) {
                shared = shared.filter { reading.subjects[$0].map { $0.contains(a) || $0.contains(b) } ?? true }
            }
        case let (x?, nil), let (nil, x?): shared = x
        case (nil, nil): return reading.issues
        }
        if shared.isEmpty { return nil }
        // A clause without sides modifies the nearest clause before it that has sides.
        shared.formUnion(reading.sidelessClauses.filter { clause in
            guard let host = (0..<clause).last(where: { !reading.sidelessClauses.contains($0) }) else { return false }
            return shared.contains(host)
        })
        var own = reading.issues.filter { reading.issueClauses[$0.issue]?.isDisjoint(with: shared) == false }
        if own.isEmpty { own = reading.issues }
        if case let (x?, y?) = (reading.clausesOf[a], reading.clausesOf[b]) {
            for clause in x.intersection(y) {
                guard let subject = reading.subjects[clause], subject.contains(a) != subject.contains(b) else { continue }
                let object = subject.contains(a) ? b : a
                own = own.filter { nearest($0.issue, object: object, clause: clause, subject: subject, in: reading) }
            }
        }
        return own
    }

    /// Whether, of the objects a clause's subject is related to, `object` (with its list) is named
    /// nearest to a mention of the issue in that clause; true for an issue the clause does not name
    /// or names before all objects.
    private func nearest(_ issue: Issue, object: String, clause: Int, subject: Set<String>, in reading: SentenceReading) -> Bool {
        let positions = reading.issueAt.filter { $0.issue == issue && $0.clause == clause }.map(\.position)
        guard !positions.isEmpty else { return true }
        let unit = reading.lists.first { $0.contains(object) }.map(Set.init) ?? [object]
        let others = reading.sideAt.filter { $0.clause == clause && !subject.contains($0.side) && !unit.contains($0.side) }
        let own = reading.sideAt.filter { $0.clause == clause && unit.contains($0.side) }
        guard !others.isEmpty, !own.isEmpty else { return true }
        // An issue named before every object ("plans a pipeline to A and B") is the subject's, for all of them.
        let first = min(own.map(\.position).min()!, others.map(\.position).min()!)
        // Distance in words, a name after the issue winning a tie ("a uranium deal with Kazakhstan").
        func distance(_ position: Int, _ p: Int) -> Int { position >= p ? 2 * (position - p) : 2 * (p - position) + 1 }
        return positions.contains { p in
            p < first || own.map { distance($0.position, p) }.min()! <= others.map { distance($0.position, p) }.min()!
        }
    }

    /// Every unordered pair of distinct sides, leaving out a group with one of its own members.
    func related(_ sides: [String]) -> [(String, String)] {
        var pairs: [(String, String)] = []
        for i in sides.indices {
            for j in sides.indices where j > i {
                let a = sides[i], b = sides[j]
                if members[a]?.contains(b) == true || members[b]?.contains(a) == true { continue }
                pairs.append((a, b))
            }
        }
        return pairs
    }
}
