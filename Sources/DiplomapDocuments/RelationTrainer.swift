import DiplomapCore
import Foundation

/// Fits the document mapper's model to annotated documents, the same weights from the same corpus on every run.
///
/// Each sentence's candidate pairs are labelled from the annotations whose evidence lies in that
/// sentence: a pair is related when every pair of states it stands for (a group expanded to its
/// members) is annotated there, on the issues annotated for all of them, with their most frequent
/// polarity. The three logistic models are fitted together by AdaGrad over a fixed number of
/// passes, in an order drawn from a fixed seed; features seen fewer than `minimumCount` times are
/// dropped. The threshold is chosen by an inner cross-validation on the training documents alone,
/// so that a cross-validated score never sees its test documents.
public struct RelationTrainer: Sendable {
    /// Passes over the training examples.
    public var epochs = 15
    /// AdaGrad's step size.
    public var learningRate = 0.05
    /// L2 penalty on the weights of the features an example has.
    public var regularization = 0.03
    /// Least number of examples a feature must occur in to get a weight.
    public var minimumCount = 3
    /// The thresholds tried, lowest first.
    public var thresholds: [Double] = stride(from: 0.05, through: 0.7, by: 0.05).map { ($0 * 100).rounded() / 100 }
    /// Folds of the inner cross-validation that chooses the threshold.
    public var thresholdFolds = 3

    private let extractor: RelationExtractor

    /// A trainer that reads documents as `extractor` does.
    public init(extractor: RelationExtractor) {
        self.extractor = extractor
    }

    /// The model fitted to `documents`.
    public func fit(_ documents: [AnnotatedDocument]) -> RelationModel {
        fit(documents.map(prepare))
    }

    /// Scores of `folds`-fold cross-validation by document: each fold predicted by a model fitted to
    /// the others (threshold included). Documents are assigned to folds by a hash of their id.
    public func crossValidate(_ documents: [AnnotatedDocument], folds: Int, alsoLearningFrom others: [AnnotatedDocument] = [], score: inout RelationScore) {
        let prepared = documents.map(prepare)
        let extra = others.map(prepare)
        for fold in 0..<folds {
            let model = fit(prepared.filter { Self.fold(of: $0.id, folds, salt: "") != fold } + extra)
            for document in prepared where Self.fold(of: document.id, folds, salt: "") == fold {
                score.add(gold: document.gold, predicted: predict(document, model, floor: model.threshold).map(AnnotatedDocument.Relation.init))
            }
        }
    }

    /// Scores of the candidates themselves: each document's candidate pairs stated with the issues and polarities
    /// their training labels give them, what weights that learned their labels perfectly would score. The model only
    /// decides among these candidates, so a pair the feature extractor never proposes no weights can find.
    public func ceiling(_ documents: [AnnotatedDocument], score: inout RelationScore) {
        for document in documents.map(prepare) {
            var stated: [AnnotatedDocument.Relation] = []
            for (instance, labels) in zip(document.instances, document.labels) {
                for (candidate, label) in zip(instance.candidates, labels) {
                    for (issue, polarity) in zip(label.issues, label.polarities) {
                        stated.append(.init(a: [candidate.a], b: [candidate.b], issue: issue.code, polarity: Polarity.allCases[polarity].rawValue))
                    }
                }
            }
            score.add(gold: document.gold, predicted: stated)
        }
    }

    // MARK: Examples

    /// A document read once: its sentences as the model sees them and the labels of their candidates.
    struct Prepared {
        var id: String
        var language: Language
        var bytes: [UInt8]
        var instances: [SentenceInstance]
        /// Per instance, per candidate.
        var labels: [[Label]]
        var gold: [AnnotatedDocument.Relation]
    }

    struct Label {
        var related: Bool
        var issues: [Issue]
        /// The most frequent polarity of each issue, by `Polarity.ordinal`.
        var polarities: [Int]
    }

    private struct Triple: Hashable {
        var pair: [String]
        var issue: Issue
        var polarity: Polarity
    }

    private func expand(_ code: String) -> [String] {
        extractor.features.rules.members[code].map { $0.sorted() } ?? [code]
    }

    /// The unordered pairs of states a pair of sides stands for.
    private func statePairs(_ a: [String], _ b: [String]) -> Set<[String]> {
        var pairs = Set<[String]>()
        for x in a.flatMap(expand) {
            for y in b.flatMap(expand) where x != y { pairs.insert([x, y].sorted()) }
        }
        return pairs
    }

    func prepare(_ document: AnnotatedDocument) -> Prepared {
        var bytes = Array(document.text.utf8)
        let instances = bytes.withUnsafeMutableBufferPointer { extractor.instances(UnsafeBufferPointer($0)) }
        // Each annotated relation, where its evidence lies in the text, as triples of states.
        var located: [(range: Range<Int>, triples: [Triple])] = []
        for relation in document.relations where relation.evidence != nil {
            guard let issue = Issue(rawValue: relation.issue), let polarity = Polarity(rawValue: relation.polarity),
                  let range = Self.find(Array(relation.evidence!.utf8), in: bytes) else { continue }
            located.append((range, statePairs(relation.a, relation.b).map { Triple(pair: $0, issue: issue, polarity: polarity) }))
        }
        let labels = instances.map { instance in
            let gold = Set(located.filter { $0.range.overlaps(instance.range) }.flatMap(\.triples))
            return instance.candidates.map { label(statePairs([$0.a], [$0.b]), gold: gold) }
        }
        return Prepared(id: document.id, language: document.language, bytes: bytes, instances: instances, labels: labels, gold: document.relations)
    }

    private func label(_ pairs: Set<[String]>, gold: Set<Triple>) -> Label {
        guard !pairs.isEmpty, pairs.isSubset(of: Set(gold.map(\.pair))) else { return Label(related: false, issues: [], polarities: []) }
        let mine = gold.filter { pairs.contains($0.pair) }
        let issues = Issue.allCases.filter { issue in pairs.allSatisfy { pair in mine.contains { $0.pair == pair && $0.issue == issue } } }
        let polarities = issues.map { issue in
            var counts = [Int](repeating: 0, count: Polarity.allCases.count)
            for triple in mine where triple.issue == issue { counts[triple.polarity.ordinal] += 1 }
            return counts.firstIndex(of: counts.max()!)!
        }
        return Label(related: !issues.isEmpty, issues: issues, polarities: polarities)
    }

    /// The byte range of the first occurrence of `needle` in `haystack`.
    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return start..<(start + needle.count) }
        }
        return nil
    }

    /// A stable fold number for a document id (FNV-1a of the id and a salt).
    static func fold(of id: String, _ folds: Int, salt: String) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in (salt + id).utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(hash % UInt64(folds))
    }

    // MARK: Fitting

    private func fit(_ documents: [Prepared]) -> RelationModel {
        fitWeights(documents, threshold: chooseThreshold(documents))
    }

    private func predict(_ document: Prepared, _ model: RelationModel, floor: Double) -> [ExtractedRelation] {
        document.bytes.withUnsafeBufferPointer { extractor.relations(document.instances, bytes: $0, model: model, floor: floor, language: document.language) }
    }

    /// The threshold with the best mean strict F1 per document over an inner cross-validation of
    /// `documents`: each document counts alike, so that a few texts with long lists of states (whose
    /// pairs multiply) do not set the threshold for all.
    private func chooseThreshold(_ documents: [Prepared]) -> Double {
        let members = extractor.features.rules.members
        var totals = [Double](repeating: 0, count: thresholds.count)
        for fold in 0..<thresholdFolds {
            let model = fitWeights(documents.filter { Self.fold(of: $0.id, thresholdFolds, salt: "threshold") != fold }, threshold: thresholds[0])
            for document in documents where Self.fold(of: document.id, thresholdFolds, salt: "threshold") == fold {
                let predicted = predict(document, model, floor: thresholds[0])
                for (index, threshold) in thresholds.enumerated() {
                    var score = RelationScore(expand: { members[$0].map { $0.sorted() } ?? [$0] })
                    score.add(gold: document.gold, predicted: predicted.filter { $0.confidence >= threshold }.map(AnnotatedDocument.Relation.init))
                    totals[index] += score.strict.f1
                }
            }
        }
        let best = totals.indices.max { totals[$0] < totals[$1] || (totals[$0] == totals[$1] && $0 > $1) }!
        return thresholds[best]
    }

    /// One example: the rows of its features and its label, and for each of its issues the rows of that issue's polarity features.
    private struct Example {
        var rows: [Int]
        var label: Label
        var polarityRows: [[Int]]
    }

    private func fitWeights(_ documents: [Prepared], threshold: Double) -> RelationModel {
        // The features kept, numbered in ascending hash order.
        var counts: [UInt64: Int] = [:]
        for document in documents {
            for instance in document.instances where !instance.candidates.isEmpty {
                for feature in Set(instance.features) { counts[feature, default: 0] += instance.candidates.count }
                for candidate in instance.candidates {
                    for feature in Set(candidate.features) { counts[feature, default: 0] += 1 }
                }
            }
            for (instance, labels) in zip(document.instances, document.labels) {
                for label in labels {
                    for issue in label.issues {
                        for feature in Set(instance.polarityFeatures(issue)) { counts[feature, default: 0] += 1 }
                    }
                }
            }
        }
        let kept = counts.filter { $0.value >= minimumCount }.keys.sorted()
        var rows: [UInt64: Int] = [:]
        for (row, feature) in kept.enumerated() { rows[feature] = row }
        var examples: [Example] = []
        for document in documents {
            for (instance, labels) in zip(document.instances, document.labels) {
                let sentence = instance.features.compactMap { rows[$0] }
                for (candidate, label) in zip(instance.candidates, labels) {
                    examples.append(Example(
                        rows: sentence + candidate.features.compactMap { rows[$0] }, label: label,
                        polarityRows: label.issues.map { instance.polarityFeatures($0).compactMap { rows[$0] } }))
                }
            }
        }

        let heads = RelationModel.heads
        var weights = [Double](repeating: 0, count: kept.count * heads)
        var squares = [Double](repeating: 0, count: kept.count * heads)
        var order = Array(examples.indices)
        var random = SeededRandom(seed: 20261206)
        var scores = [Double](repeating: 0, count: heads)
        var gradient = [Double](repeating: 0, count: heads)
        /// One AdaGrad step on the heads a gradient reaches, for every row of an example.
        func update(_ rows: [Int], _ gradient: [Double]) {
            for row in rows {
                for head in 0..<heads where gradient[head] != 0 {
                    let w = row * heads + head
                    let g = gradient[head] + regularization * weights[w]
                    squares[w] += g * g
                    weights[w] -= learningRate * g / (squares[w].squareRoot() + 1e-8)
                }
            }
        }
        for _ in 0..<epochs {
            random.shuffle(&order)
            for index in order {
                let example = examples[index]
                for head in 0..<heads { scores[head] = 0 }
                for row in example.rows {
                    for head in 0..<heads { scores[head] += weights[row * heads + head] }
                }
                for head in 0..<heads { gradient[head] = 0 }
                gradient[RelationModel.relateHead] = sigmoid(scores[RelationModel.relateHead]) - (example.label.related ? 1 : 0)
                if example.label.related {
                    for issue in Issue.allCases {
                        let head = RelationModel.issueHead + issue.ordinal
                        gradient[head] = sigmoid(scores[head]) - (example.label.issues.contains(issue) ? 1 : 0)
                    }
                }
                // The polarity of each issue: the sentence's and pair's features with the issue's own.
                let polarity = RelationModel.polarityHead
                for (issueRows, label) in zip(example.polarityRows, example.label.polarities) {
                    var logits = (0..<3).map { scores[polarity + $0] }
                    for row in issueRows {
                        for k in 0..<3 { logits[k] += weights[row * heads + polarity + k] }
                    }
                    let top = logits.max()!
                    let total = logits.reduce(0.0) { $0 + exp($1 - top) }
                    var issueGradient = [Double](repeating: 0, count: heads)
                    for k in 0..<3 {
                        issueGradient[polarity + k] = (exp(logits[k] - top) / total - (k == label ? 1 : 0))
                        gradient[polarity + k] += issueGradient[polarity + k]
                    }
                    update(issueRows, issueGradient)
                }
                update(example.rows, gradient)
            }
        }
        // Rounded as the text form writes them, so that the fitted model and the file are one; rows of zeros dropped.
        var finalRows: [UInt64: Int] = [:]
        var finalWeights: [Double] = []
        for (row, feature) in kept.enumerated() {
            let values = (0..<heads).map { Double(RelationModel.format(weights[row * heads + $0]))! }
            guard values.contains(where: { $0 != 0 }) else { continue }
            finalRows[feature] = finalRows.count
            finalWeights += values
        }
        return RelationModel(rows: finalRows, weights: finalWeights, threshold: threshold)
    }
}
