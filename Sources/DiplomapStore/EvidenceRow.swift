import DiplomapCore
import Foundation
import GRDB

/// The mapping between `Evidence` and a row of the `evidence` table.
enum EvidenceRow {
    static let insertSQL = """
        INSERT INTO evidence (source_id, ordinal, kind, side_a, side_b, issue, polarity, weight, start_date, end_date,
            citation_title, citation_publisher, citation_address, citation_published, citation_locator, citation_summary, citation_quote,
            citation_also)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    static func arguments(_ item: Evidence, sourceID: String, ordinal: Int) -> StatementArguments {
        let citation = item.citation
        return [
            sourceID, ordinal, item.kind.rawValue, item.a, item.b, item.issue.rawValue, item.polarity.rawValue, item.weight,
            item.period?.start.description, item.period?.end?.description,
            citation.title, citation.publisher, citation.address, citation.published?.description,
            citation.locator, citation.summary, citation.quote, also(citation.also),
        ]
    }

    /// A citation's further sources as a JSON list, or NULL when there are none (every row but a few facts').
    static func also(_ citations: [Citation]) -> String? {
        guard !citations.isEmpty else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try? String(decoding: encoder.encode(citations), as: UTF8.self)
    }

    /// The columns `evidence(_:)` reads, in the order it reads them by position.
    static let selectColumns = """
        kind, side_a, side_b, issue, polarity, weight, start_date, end_date,
        citation_title, citation_publisher, citation_address, citation_published, citation_locator, citation_summary, citation_quote,
        citation_also
        """

    /// Reads a row of `selectColumns` back; the schema's checks guarantee the codes are valid.
    ///
    /// Columns are read by position: looking them up by name costs more than
    /// the rest of the read when a map loads a million rows.
    static func evidence(_ row: Row, from first: Int = 0) -> Evidence {
        let start: String? = row[first + 6]
        let end: String? = row[first + 7]
        let published: String? = row[first + 11]
        let also: String? = row[first + 15]
        return Evidence(
            kind: SourceKind(rawValue: row[first])!,
            a: row[first + 1], b: row[first + 2],
            issue: Issue(rawValue: row[first + 3])!,
            polarity: Polarity(rawValue: row[first + 4])!,
            weight: row[first + 5],
            period: start.flatMap(PartialDate.init).flatMap { Period(start: $0, end: end.flatMap(PartialDate.init)) },
            citation: Citation(
                title: row[first + 8], publisher: row[first + 9], address: row[first + 10],
                published: published.flatMap(PartialDate.init), locator: row[first + 12],
                summary: row[first + 13], quote: row[first + 14],
                also: also.flatMap { try? JSONDecoder().decode([Citation].self, from: Data($0.utf8)) } ?? []
            )
        )
    }
}
