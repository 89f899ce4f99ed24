import DiplomapCore

/// Text as every store can keep it: PostgreSQL refuses the NUL character in text, so it becomes U+FFFD on both
/// stores alike, and a posted document holding one is stored rather than failing, the same on SQLite and PostgreSQL.
enum StoredText {
    static func clean(_ text: String) -> String {
        text.utf8.contains(0) ? text.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}") : text
    }

    static func clean(_ text: String?) -> String? {
        text.map(clean)
    }

    static func clean(_ source: EvidenceSource) -> EvidenceSource {
        var source = source
        source.id = clean(source.id)
        source.name = clean(source.name)
        return source
    }

    /// The evidence with every text field clean; the same value when none holds a NUL (the usual case, checked first).
    static func clean(_ evidence: [Evidence]) -> [Evidence] {
        func dirty(_ item: Evidence) -> Bool {
            let citation = item.citation
            return [item.a, item.b, citation.title, citation.address].contains { $0.utf8.contains(0) }
                || [citation.publisher, citation.locator, citation.summary, citation.quote].contains { $0?.utf8.contains(0) == true }
        }
        guard evidence.contains(where: dirty) else { return evidence }
        return evidence.map { item in
            var item = item
            item.a = clean(item.a)
            item.b = clean(item.b)
            item.citation.title = clean(item.citation.title)
            item.citation.address = clean(item.citation.address)
            item.citation.publisher = clean(item.citation.publisher)
            item.citation.locator = clean(item.citation.locator)
            item.citation.summary = clean(item.citation.summary)
            item.citation.quote = clean(item.citation.quote)
            return item
        }
    }
}
