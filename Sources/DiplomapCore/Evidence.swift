/// The kind of source a piece of evidence comes from.
///
/// The kinds differ in what one row means (a cited fact, a sentence, a month of
/// coded events, a year of votes), which the relation map weighs.
public enum SourceKind: String, Sendable, Codable, CaseIterable {
    case fact, document, event, vote
}

/// One piece of evidence of a relation: the common form every source becomes.
///
/// Side `a` and side `b` are actor codes: an ISO3 country code or a group code
/// such as `C5`. Everything downstream of the sources works on evidence alone.
public struct Evidence: Sendable, Hashable, Codable {
    public var kind: SourceKind
    public var a: String
    public var b: String
    public var issue: Issue
    public var polarity: Polarity
    /// How much this row counts: 1 for a fact or a sentence, the event count for an aggregate.
    public var weight: Double
    public var period: Period?
    public var citation: Citation

    public init(
        kind: SourceKind, a: String, b: String, issue: Issue, polarity: Polarity,
        weight: Double = 1, period: Period? = nil, citation: Citation
    ) {
        self.kind = kind
        self.a = a
        self.b = b
        self.issue = issue
        self.polarity = polarity
        self.weight = weight
        self.period = period
        self.citation = citation
    }

    /// The unordered pair of sides.
    public var dyad: Dyad { Dyad(a, b) }

    /// Weights a map counts exactly run from 0 up to (not including) 2⁴⁰, about 1.1 × 10¹² (see `ExactSum`).
    public static let weightLimit = 0x1p40

    /// Refuses evidence a map would miscount (a weight outside 0 ..< `weightLimit`, which no NaN or infinity is
    /// inside), before a store writes any of it: the error names the source and the row's place in the import,
    /// counted from 1 (not a line of a file: the rows come from whatever the source was read from).
    public static func checkWeights(_ evidence: [Evidence], source: String) throws {
        guard let index = evidence.firstIndex(where: { !($0.weight >= 0 && $0.weight < weightLimit) }) else { return }
        throw InputError(
            file: "source \(source)", field: "weight",
            message: "row \(index + 1) of the import: \(evidence[index].weight) is not a weight from 0 up to 2^40 (about 1.1e12)")
    }
}

/// One imported unit of evidence (a fact file, a document, an event file, the vote data).
///
/// Importing a source again replaces all of its rows, so its `id` must be stable:
/// for a fact file, its path under `Data/facts`.
public struct EvidenceSource: Sendable, Hashable, Codable {
    public var id: String
    public var kind: SourceKind
    /// A name for people, such as a file name.
    public var name: String
    /// SHA-256 of the source's bytes, to know when it changed and to reproduce a map.
    public var sha256: String

    public init(id: String, kind: SourceKind, name: String, sha256: String) {
        self.id = id
        self.kind = kind
        self.name = name
        self.sha256 = sha256
    }
}
