import DiplomapCore

/// A relation the mapper found in a document: two sides, an issue, a polarity and the sentence that says so.
public struct ExtractedRelation: Sendable, Hashable, Codable {
    /// Actor codes: ISO3, or a region's group code such as `C5`.
    public var a: String
    public var b: String
    public var issue: Issue
    public var polarity: Polarity
    /// The sentence, an exact substring of the document's text.
    public var evidence: String
    /// Byte offsets of the sentence in the text's UTF-8.
    public var start: Int
    public var end: Int
    /// The model's probability that the sentence states this relation, in [0, 1].
    public var confidence: Double
    /// The language the document was read in, which the evidence is quoted in.
    public var language: Language

    public init(
        a: String, b: String, issue: Issue, polarity: Polarity, evidence: String, start: Int, end: Int, confidence: Double, language: Language = .english
    ) {
        self.a = a
        self.b = b
        self.issue = issue
        self.polarity = polarity
        self.evidence = evidence
        self.start = start
        self.end = end
        self.confidence = confidence
        self.language = language
    }
}
