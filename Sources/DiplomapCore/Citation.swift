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

    public init(
        title: String, publisher: String? = nil, address: String, published: PartialDate? = nil,
        locator: String? = nil, summary: String? = nil, quote: String? = nil
    ) {
        self.title = title
        self.publisher = publisher
        self.address = address
        self.published = published
        self.locator = locator
        self.summary = summary
        self.quote = quote
    }
}
