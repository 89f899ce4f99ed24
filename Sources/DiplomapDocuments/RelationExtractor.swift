import DiplomapCore
import Foundation

/// The document mapper: finds the relations a text states between states, issue by issue.
///
/// It reads each sentence (sides, venues, issues, cue words, clause by clause), gathers the pairs
/// of sides the sentence may relate, and lets a model fitted to an annotated corpus decide which
/// pairs it relates, on which issues and with which polarity (`RelationModel`). Every relation
/// carries the model's probability; those below `minimumConfidence` are left out.
public struct RelationExtractor: Sendable {
    private let reader: SentenceReader
    let features: FeatureExtractor
    /// The fitted weights.
    public let model: RelationModel
    /// The least probability of a relation that is returned: the model's threshold unless set.
    public var minimumConfidence: Double

    /// Builds the mapper from the registry (names, demonyms, capitals, regions), the lexicon and the fitted model.
    public init(registry: CountryRegistry, lexicon: Lexicon, model: RelationModel) {
        var members: [String: Set<String>] = [:]
        for group in registry.groups where group.kind == .region { members[group.code] = Set(group.members) }
        reader = SentenceReader(gazetteer: Gazetteer(registry: registry, lexicon: lexicon), lexicon: lexicon, members: members)
        features = FeatureExtractor(rules: RuleMapper(members: members))
        self.model = model
        minimumConfidence = model.threshold
    }

    /// The same mapper with other weights (a model being trained or cross-validated).
    func with(_ model: RelationModel) -> RelationExtractor {
        RelationExtractor(reader: reader, features: features, model: model)
    }

    private init(reader: SentenceReader, features: FeatureExtractor, model: RelationModel) {
        self.reader = reader
        self.features = features
        self.model = model
        minimumConfidence = model.threshold
    }

    /// The relations stated in `text`, in order of their sentences.
    public func extract(_ text: String) -> [ExtractedRelation] {
        var utf8 = Array(text.utf8)
        return utf8.withUnsafeMutableBufferPointer { buffer in
            extract(UnsafeBufferPointer(buffer))
        }
    }

    /// The relations stated in UTF-8 text.
    public func extract(_ bytes: UnsafeBufferPointer<UInt8>) -> [ExtractedRelation] {
        relations(instances(bytes), bytes: bytes, floor: minimumConfidence)
    }

    /// The model's view of every sentence of the text.
    func instances(_ bytes: UnsafeBufferPointer<UInt8>) -> [SentenceInstance] {
        let readings = SentenceSplitter.sentences(bytes).map { reader.read(bytes, range: $0) }
        return features.instances(readings, bytes: bytes)
    }

    /// Every relation of the instances whose probability reaches `floor`.
    func relations(_ instances: [SentenceInstance], bytes: UnsafeBufferPointer<UInt8>, floor: Double) -> [ExtractedRelation] {
        var relations: [ExtractedRelation] = []
        let heads = RelationModel.heads
        for instance in instances where !instance.candidates.isEmpty {
            var sentence = [Double](repeating: 0, count: heads)
            model.add(instance.features, to: &sentence)
            var evidence: String?
            for candidate in instance.candidates {
                var scores = sentence
                model.add(candidate.features, to: &scores)
                let relate = sigmoid(scores[RelationModel.relateHead])
                guard relate >= floor else { continue }
                for issue in Issue.allCases {
                    let stated = relate * sigmoid(scores[RelationModel.issueHead + issue.ordinal])
                    guard stated >= floor else { continue }
                    var issueScores = scores
                    model.add(instance.polarityFeatures(issue), to: &issueScores)
                    let (polarity, polarityProbability) = Self.polarity(issueScores)
                    let confidence = stated * polarityProbability
                    guard confidence >= floor else { continue }
                    if evidence == nil { evidence = String(decoding: bytes[instance.range], as: UTF8.self) }
                    relations.append(ExtractedRelation(
                        a: candidate.a, b: candidate.b, issue: issue, polarity: polarity, evidence: evidence!,
                        start: instance.range.lowerBound, end: instance.range.upperBound, confidence: confidence))
                }
            }
        }
        return relations
    }

    /// The most probable polarity and its probability, by the softmax of the polarity heads.
    private static func polarity(_ scores: [Double]) -> (Polarity, Double) {
        let logits = Polarity.allCases.map { scores[RelationModel.polarityHead + $0.ordinal] }
        let top = logits.max()!
        let total = logits.reduce(0) { $0 + exp($1 - top) }
        let best = logits.firstIndex(of: top)!
        return (Polarity.allCases[best], 1 / total)
    }
}
