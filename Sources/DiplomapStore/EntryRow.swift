import DiplomapCore
import GRDB

/// The mapping between a row of the `evidence` table and the `EvidenceEntry` the map aggregates.
///
/// Its columns are those of the `evidence_for_map` index, so that SQLite
/// answers from the index alone and never reads a citation.
enum EntryRow {
    static let selectColumns = "id, kind, side_a, side_b, issue, polarity, weight, start_date, end_date"

    /// Reads rows of `selectColumns`, parsing each distinct date text once.
    struct Reader {
        private var dates: [String: PartialDate] = [:]

        mutating func entry(_ row: Row) -> EvidenceEntry {
            let start: String? = row[7]
            let end: String? = row[8]
            return EvidenceEntry(
                id: row[0], kind: SourceKind(rawValue: row[1])!, a: row[2], b: row[3],
                issue: Issue(rawValue: row[4])!, polarity: Polarity(rawValue: row[5])!, weight: row[6],
                period: date(start).flatMap { Period(start: $0, end: date(end)) }
            )
        }

        private mutating func date(_ text: String?) -> PartialDate? {
            guard let text else { return nil }
            if let date = dates[text] { return date }
            let date = PartialDate(text)
            dates[text] = date
            return date
        }
    }
}
