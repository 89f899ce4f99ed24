import DiplomapCore

/// Reads the `citation:` mapping that facts and groups share.
enum CitationFields {
    private static let fields: Set<String> = ["title", "publisher", "address", "published", "locator", "summary"]

    /// The citation under `citation:`; every field but `published` is required, so a reader can find and check the source.
    static func read(_ parent: inout YAMLFields) -> Citation? {
        guard var fields = parent.nested("citation") else { return nil }
        fields.rejectUnknownKeys(Self.fields)
        let title = fields.text("title")
        let publisher = fields.text("publisher")
        let address = fields.text("address")
        let published = fields.date("published", required: false)
        let locator = fields.text("locator")
        let summary = fields.text("summary")
        parent.absorb(fields)
        guard let title, let publisher, let address, let locator, let summary else { return nil }
        return Citation(title: title, publisher: publisher, address: address, published: published, locator: locator, summary: summary)
    }
}
