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

    /// The columns `evidence(_:)` reads, in the order it reads them by position.
    static let selectColumns = """
        kind, side_a, side_b, issue, polarity, weight, start_date, end_date,
        citation_title, citation_publisher, citation_address, citation_published, citation_locator, citation_summary, citation_quote
        """

    /// Reads a row of `selectColumns` back; the schema's checks guarantee the codes are valid.
    ///
    /// Columns are read by position: looking them up by name costs more than
    /// the rest of the read when a map loads a million rows.
    static func evidence(_ row: Row) -> Evidence {
        let start: String? = row[6]
        let end: String? = row[7]
        let published: String? = row[11]
        return Evidence(
            kind: SourceKind(rawValue: row[0])!,
            a: row[1], b: row[2],
            issue: Issue(rawValue: row[3])!,
            polarity: Polarity(rawValue: row[4])!,
            weight: row[5],
            period: start.flatMap(PartialDate.init).flatMap { Period(start: $0, end: end.flatMap(PartialDate.init)) },
            citation: Citation(
                title: row[8], publisher: row[9], address: row[10],
                published: published.flatMap(PartialDate.init), locator: row[12],
                summary: row[13], quote: row[14]
            )
        )
    }
}
