import DiplomapCore
import Yams

/// Reads the citations of facts (`citations:`, a list) and of groups (`citation:`, one mapping).
enum CitationFields {
    private static let fields: Set<String> = ["title", "publisher", "address", "published", "locator", "summary"]

    /// The citation under `citation:`; every field but `published` is required, so a reader can find and check the source.
    static func read(_ parent: inout YAMLFields) -> Citation? {
        guard var fields = parent.nested("citation") else { return nil }
        let citation = citation(&fields)
        parent.absorb(fields)
        return citation
    }

    /// The citations under `citations:`: a non-empty list, each item checked as `read` checks one, its errors
    /// named `citations[n].field` (counting from 1) so that a fact with several sources says which is at fault.
    static func readList(_ parent: inout YAMLFields) -> [Citation]? {
        if parent.mapping["citation"] != nil {
            parent.failAtKey("citation", "a fact lists its sources under `citations:`, a list of one or more mappings")
        }
        guard let value = parent.mapping["citations"], value.null == nil else {
            if parent.mapping["citation"] == nil { parent.fail("citations", "missing: a fact cites at least one source") }
            return nil
        }
        guard let items = value.sequence else {
            parent.fail("citations", "must be a list of citations, each a mapping of title, publisher, address, locator, summary")
            return nil
        }
        guard !items.isEmpty else {
            parent.fail("citations", "is empty: a fact cites at least one source")
            return nil
        }
        var citations: [Citation] = []
        var complete = true
        for (index, item) in items.enumerated() {
            let name = "citations[\(index + 1)]"
            var itemErrors: [InputError] = []
            guard var fields = YAMLFields(item, file: parent.file, what: "a citation", field: name, errors: &itemErrors) else {
                parent.absorb(itemErrors)
                complete = false
                continue
            }
            let citation = citation(&fields)
            parent.absorb(fields.errors.map { error in
                var error = error
                error.field = error.field.map { "\(name).\($0)" } ?? name
                return error
            })
            if let citation { citations.append(citation) } else { complete = false }
        }
        return complete ? citations : nil
    }

    /// The fields of one citation mapping; `nil`, with the errors in `fields`, when one is missing or malformed.
    private static func citation(_ fields: inout YAMLFields) -> Citation? {
        fields.rejectUnknownKeys(Self.fields)
        let title = fields.text("title")
        let publisher = fields.text("publisher")
        let address = fields.text("address")
        let published = fields.date("published", required: false)
        let locator = fields.text("locator")
        let summary = fields.text("summary")
        guard let title, let publisher, let address, let locator, let summary else { return nil }
        return Citation(title: title, publisher: publisher, address: address, published: published, locator: locator, summary: summary)
    }
}
