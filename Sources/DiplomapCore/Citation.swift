import Foundation
/// Where a piece of evidence comes from: enough to find the original and check it.
///
/// A fact cites a page with a summary in our own words; a document relation
/// quotes its sentence and gives its offsets; an event or a vote names its
/// file, record or roll call in `locator`.
public struct Citation: Sendable, Hashable, Codable {
    public var title: String
    public var publisher: String?
    /// A URL, a file name or a data set's identifier.
    public var address: String
    /// When the source was published, if it says.
    public var published: PartialDate?
    /// Where in the source: paragraph, page, sentence offsets, record id, roll call.
    public var locator: String?
    /// What the source says in support of the evidence, in our own words.
    public var summary: String?
    /// An exact quote, for evidence found in a document's own text.
    public var quote: String?
    /// Further sources of the same evidence (a fact's second and later citations): shown with it, never counted apart.
    public var also: [Citation]

    public init(
        title: String, publisher: String? = nil, address: String, published: PartialDate? = nil,
        locator: String? = nil, summary: String? = nil, quote: String? = nil, also: [Citation] = []
    ) {
        self.title = title
        self.publisher = publisher
        self.address = address
        self.published = published
        self.locator = locator
        self.summary = summary
        self.quote = quote
        self.also = also
    }

    /// This citation and its further sources, in order.
    public var all: [Citation] {
        var first = self
        first.also = []
        return [first] + also
    }

    private enum CodingKeys: String, CodingKey {
        case title, publisher, address, published, locator, summary, quote, also
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        title = try container.decode(String.self, forKey: .title)
        publisher = try container.decodeIfPresent(String.self, forKey: .publisher)
        address = try container.decode(String.self, forKey: .address)
        published = try container.decodeIfPresent(PartialDate.self, forKey: .published)
        locator = try container.decodeIfPresent(String.self, forKey: .locator)
        summary = try container.decodeIfPresent(String.self, forKey: .summary)
        quote = try container.decodeIfPresent(String.self, forKey: .quote)
        also = try container.decodeIfPresent([Citation].self, forKey: .also) ?? []
    }

    /// Writes `also` only when there are further sources, so a single-source citation reads as before.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(title, forKey: .title)
        try container.encodeIfPresent(publisher, forKey: .publisher)
        try container.encode(address, forKey: .address)
        try container.encodeIfPresent(published, forKey: .published)
        try container.encodeIfPresent(locator, forKey: .locator)
        try container.encodeIfPresent(summary, forKey: .summary)
        try container.encodeIfPresent(quote, forKey: .quote)
        if !also.isEmpty { try container.encode(also, forKey: .also) }
    }
}

extension Citation {
    /// The further sources as a JSON list, as both stores keep them in one column; nil when there are none.
    public var alsoJSON: String? {
        guard !also.isEmpty else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try? String(decoding: encoder.encode(also), as: UTF8.self)
    }

    /// Further sources read back from `alsoJSON`; none for nil or a column that cannot be read.
    public static func also(json: String?) -> [Citation] {
        json.flatMap { try? JSONDecoder().decode([Citation].self, from: Data($0.utf8)) } ?? []
    }
}
