import DiplomapCore
import Foundation
import GRDB
import GRDBSQLite

/// The mapping between `Evidence` and a row of the `evidence` table.
enum EvidenceRow {
    static let insertSQL = """
        INSERT INTO evidence (source_id, ordinal, kind, side_a, side_b, issue, polarity, weight, start_date, end_date,
            citation_title, citation_publisher, citation_address, citation_published, citation_locator, citation_summary, citation_quote,
            citation_also)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// Inserts every row through one prepared statement, binding values straight to SQLite.
    ///
    /// A million rows are imported at once: building `StatementArguments` (an array of boxed values) per row cost
    /// more than SQLite's own work, so values are bound with `sqlite3_bind_*` and text copied once by SQLite.
    static func insert(_ evidence: [Evidence], sourceID: String, into db: Database) throws {
        let statement = try db.makeStatement(sql: insertSQL)
        let handle = statement.sqliteStatement
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        func bind(_ index: Int32, _ text: String?) {
            guard var text else {
                sqlite3_bind_null(handle, index)
                return
            }
            text.withUTF8 { bytes in
                // An empty buffer may have no address, which SQLite would bind as NULL.
                guard let base = bytes.baseAddress, !bytes.isEmpty else {
                    sqlite3_bind_text(handle, index, "", 0, transient)
                    return
                }
                base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { _ = sqlite3_bind_text(handle, index, $0, Int32(bytes.count), transient) }
            }
        }
        defer { sqlite3_reset(handle) }
        bind(1, sourceID)
        for (ordinal, item) in evidence.enumerated() {
            let citation = item.citation
            sqlite3_bind_int64(handle, 2, Int64(ordinal))
            bind(3, item.kind.rawValue)
            bind(4, item.a)
            bind(5, item.b)
            bind(6, item.issue.rawValue)
            bind(7, item.polarity.rawValue)
            sqlite3_bind_double(handle, 8, item.weight)
            bind(9, item.period?.start.description)
            bind(10, item.period?.end?.description)
            bind(11, citation.title)
            bind(12, citation.publisher)
            bind(13, citation.address)
            bind(14, citation.published?.description)
            bind(15, citation.locator)
            bind(16, citation.summary)
            bind(17, citation.quote)
            bind(18, citation.alsoJSON)
            let code = sqlite3_step(handle)
            guard code == SQLITE_DONE else {
                let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
                sqlite3_reset(handle)
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: insertSQL)
            }
            sqlite3_reset(handle)
        }
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
                also: Citation.also(json: also)
            )
        )
    }
}
