/// Precision, recall and F1 of a mapper against annotations, as the evaluation contract defines them.
///
/// Every relation becomes the set of (unordered country pair, issue, polarity) triples, groups
/// expanded to their members and a state never paired with itself; counts are micro-averaged
/// over documents. The loose score ignores polarity.
public struct RelationScore: Sendable {
    /// True positives, false positives and false negatives, with the measures they give.
    public struct Counts: Sendable, Equatable {
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0

        public init() {}

        public var precision: Double { ratio(truePositives, truePositives + falsePositives) }
        public var recall: Double { ratio(truePositives, truePositives + falseNegatives) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

        private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
    }

    /// Counts over all issues, strict (with polarity) and loose (without).
    public private(set) var strict = Counts()
    public private(set) var loose = Counts()
    /// Counts per issue code.
    public private(set) var strictByIssue: [String: Counts] = [:]
    public private(set) var looseByIssue: [String: Counts] = [:]
    /// Triples stated with the pair and issue annotated but with a polarity annotated for neither: strict false
    /// positives that the loose score counts as found, overall and per issue code. They show how much of the gap
    /// between the two scores is polarity.
    public private(set) var wrongPolarity = 0
    public private(set) var wrongPolarityByIssue: [String: Int] = [:]

    private let expand: @Sendable (String) -> [String]

    /// A score that expands group codes with `expand` (C5 → its five members).
    public init(expand: @escaping @Sendable (String) -> [String]) {
        self.expand = expand
    }

    /// Adds one document's annotated and predicted relations.
    public mutating func add(gold: [AnnotatedDocument.Relation], predicted: [AnnotatedDocument.Relation]) {
        let strictGold = triples(gold, true), strictStated = triples(predicted, true), looseGold = triples(gold, false)
        for triple in strictStated.subtracting(strictGold) {
            var pairAndIssue = triple
            pairAndIssue.polarity = ""
            guard looseGold.contains(pairAndIssue) else { continue }
            wrongPolarity += 1
            wrongPolarityByIssue[triple.issue, default: 0] += 1
        }
        for (strictMode, g, p) in [(true, strictGold, strictStated), (false, looseGold, triples(predicted, false))] {
            for issue in Set(g.map(\.issue)).union(p.map(\.issue)) {
                let gi = g.filter { $0.issue == issue }, pi = p.filter { $0.issue == issue }
                var counts = Counts()
                counts.truePositives = gi.intersection(pi).count
                counts.falsePositives = pi.subtracting(gi).count
                counts.falseNegatives = gi.subtracting(pi).count
                if strictMode {
                    strict.add(counts)
                    strictByIssue[issue, default: Counts()].add(counts)
                } else {
                    loose.add(counts)
                    looseByIssue[issue, default: Counts()].add(counts)
                }
            }
        }
    }

    private struct Triple: Hashable {
        var first: String, second: String, issue: String, polarity: String
    }

    private func triples(_ relations: [AnnotatedDocument.Relation], _ withPolarity: Bool) -> Set<Triple> {
        var found = Set<Triple>()
        for relation in relations {
            for a in relation.a.flatMap(expand) {
                for b in relation.b.flatMap(expand) where a != b {
                    found.insert(Triple(first: min(a, b), second: max(a, b), issue: relation.issue, polarity: withPolarity ? relation.polarity : ""))
                }
            }
        }
        return found
    }
}

extension RelationScore.Counts {
    mutating func add(_ other: Self) {
        truePositives += other.truePositives
        falsePositives += other.falsePositives
        falseNegatives += other.falseNegatives
    }
}
