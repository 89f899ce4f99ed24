import DiplomapCore
import GRDB

/// The mapping between `Evidence` and a row of the `evidence` table.
enum EvidenceRow {
    static let insertSQL = """
        INSERT INTO evidence (source_id, ordinal, kind, side_a, side_b, issue, polarity, weight, start_date, end_date,
            citation_title, citation_publisher, citation_address, citation_published, citation_locator, citation_summary, citation_quote)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    static func arguments(_ item: Evidence, sourceID: String, ordinal: Int) -> StatementArguments {
        let citation = item.citation
        return [
            sourceID, ordinal, item.kind.rawValue, item.a, item.b, item.issue.rawValue, item.polarity.rawValue, item.weight,
            item.period?.start.description, item.period?.end?.description,
            citation.title, citation.publisher, citation.address, citation.published?.description,
            citation.locator, citation.summary, citation.quote,
        ]
    }

    /// Reads a row back; the schema's checks guarantee the codes are valid.
    static func evidence(_ row: Row) -> Evidence {
        let start: String? = row["start_date"]
        let end: String? = row["end_date"]
        let published: String? = row["citation_published"]
        return Evidence(
            kind: SourceKind(rawValue: row["kind"])!,
            a: row["side_a"], b: row["side_b"],
            issue: Issue(rawValue: row["issue"])!,
            polarity: Polarity(rawValue: row["polarity"])!,
            weight: row["weight"],
            period: start.flatMap(PartialDate.init).flatMap { Period(start: $0, end: end.flatMap(PartialDate.init)) },
            citation: Citation(
                title: row["citation_title"], publisher: row["citation_publisher"], address: row["citation_address"],
                published: published.flatMap(PartialDate.init), locator: row["citation_locator"],
                summary: row["citation_summary"], quote: row["citation_quote"]
            )
        )
    }
}
