import DiplomapCore
import Foundation

/// The document mapper: finds the relations a text states between states, issue by issue.
///
/// It reads each sentence (sides, venues, issues, cue words, clause by clause), gathers the pairs
/// of sides the sentence may relate, and lets a model fitted to an annotated corpus decide which
/// pairs it relates, on which issues and with which polarity (`RelationModel`). Every relation
/// carries the model's probability; those below `minimumConfidence` are left out.
///
/// One design serves every language: the lexicon holds each language's words, and each language
/// has weights of its own, fitted to documents in it; a text is read with the weights of its language.
public struct RelationExtractor: Sendable {
    private let reader: SentenceReader
    let features: FeatureExtractor
    /// The fitted weights of each language the mapper reads; English is always there.
    public let models: [Language: RelationModel]
    /// The least probability of a relation that is returned: the threshold of the text's model unless set.
    public var minimumConfidence: Double?

    /// The English weights.
    public var model: RelationModel { models[.english]! }

    /// Builds the mapper from the registry (names, demonyms, capitals, regions), the lexicon and the fitted
    /// models: `model` for English, `others` for other languages (a language without weights is read with English's).
    public init(registry: CountryRegistry, lexicon: Lexicon, model: RelationModel, others: [Language: RelationModel] = [:]) {
        var members: [String: Set<String>] = [:]
        for group in registry.groups where group.kind == .region { members[group.code] = Set(group.members) }
        reader = SentenceReader(gazetteer: Gazetteer(registry: registry, lexicon: lexicon), lexicon: lexicon, members: members)
        features = FeatureExtractor(rules: RuleMapper(members: members))
        models = others.merging([.english: model]) { _, english in english }
    }

    /// The weights a text in `language` is read with.
    public func model(for language: Language) -> RelationModel {
        models[language] ?? model
    }

    /// The relations stated in `text`, in order of their sentences, read as `language` (detected when nil).
    public func extract(_ text: String, language: Language? = nil) -> [ExtractedRelation] {
        var utf8 = Array(text.utf8)
        return utf8.withUnsafeMutableBufferPointer { buffer in
            extract(UnsafeBufferPointer(buffer), language: language)
        }
    }

    /// The relations stated in UTF-8 text, read as `language` (detected when nil).
    public func extract(_ bytes: UnsafeBufferPointer<UInt8>, language: Language? = nil) -> [ExtractedRelation] {
        let language = language ?? Language.detect(bytes)
        let model = model(for: language)
        return relations(instances(bytes), bytes: bytes, model: model, floor: minimumConfidence ?? model.threshold, language: language)
    }

    /// The model's view of every sentence of the text.
    func instances(_ bytes: UnsafeBufferPointer<UInt8>) -> [SentenceInstance] {
        let readings = SentenceSplitter.sentences(bytes).map { reader.read(bytes, range: $0) }
        return features.instances(readings, bytes: bytes)
    }

    /// Every relation of the instances whose probability under `model` reaches `floor`.
    func relations(
        _ instances: [SentenceInstance], bytes: UnsafeBufferPointer<UInt8>, model: RelationModel, floor: Double, language: Language
    ) -> [ExtractedRelation] {
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
                        start: instance.range.lowerBound, end: instance.range.upperBound, confidence: confidence, language: language))
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
