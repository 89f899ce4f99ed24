import DiplomapCore
import Foundation
import GRDB
import GRDBSQLite

/// The mapping between `Evidence` and a row of the `evidence` table.
enum EvidenceRow {
    static let insertColumns = """
        source_id, ordinal, kind, side_a, side_b, issue, polarity, weight, start_date, end_date,
        citation_title, citation_publisher, citation_address, citation_published, citation_locator, citation_summary, citation_quote,
        citation_also
        """
    static let insertColumnCount = 18

    /// An insert of `rows` rows in one statement.
    static func insertSQL(rows: Int) -> String {
        let row = "(" + repeatElement("?", count: insertColumnCount).joined(separator: ", ") + ")"
        return "INSERT INTO evidence (\(insertColumns)) VALUES " + repeatElement(row, count: rows).joined(separator: ", ")
    }

    /// Rows inserted by one statement: each run of a statement has a fixed cost (starting its program, updating the
    /// table's AUTOINCREMENT counter, resetting), which a million one-row inserts paid a million times.
    static let rowsPerStatement = 64

    /// Inserts every row through prepared statements of `rowsPerStatement` rows, binding values straight to SQLite.
    ///
    /// A million rows are imported at once: building `StatementArguments` (an array of boxed values) per row cost
    /// more than SQLite's own work, so values are bound with `sqlite3_bind_*` and text copied once by SQLite.
    static func insert(_ evidence: [Evidence], sourceID: String, into db: Database) throws {
        // Fewer where the SQLite linked allows fewer variables a statement (999 before 3.32).
        let variables = Int(sqlite3_limit(db.sqliteConnection, SQLITE_LIMIT_VARIABLE_NUMBER, -1))
        let perStatement = max(1, min(rowsPerStatement, variables / insertColumnCount))
        let full = evidence.count / perStatement * perStatement
        try insert(evidence[..<full], sourceID: sourceID, rowsPerStatement: perStatement, into: db)
        try insert(evidence[full...], sourceID: sourceID, rowsPerStatement: evidence.count - full, into: db)
    }

    private static func insert(_ evidence: ArraySlice<Evidence>, sourceID: String, rowsPerStatement rows: Int, into db: Database) throws {
        guard !evidence.isEmpty else { return }
        let sql = insertSQL(rows: rows)
        let statement = try db.makeStatement(sql: sql)
        let handle = statement.sqliteStatement
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        /// Binds UTF-8 bytes as text, copied by SQLite.
        func bind(_ index: Int32, bytes: UnsafeBufferPointer<UInt8>) {
            // An empty buffer may have no address, which SQLite would bind as NULL.
            guard let base = bytes.baseAddress, !bytes.isEmpty else {
                sqlite3_bind_text(handle, index, "", 0, transient)
                return
            }
            base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { _ = sqlite3_bind_text(handle, index, $0, Int32(bytes.count), transient) }
        }
        func bind(_ index: Int32, _ text: String?) {
            guard var text else {
                sqlite3_bind_null(handle, index)
                return
            }
            text.withUTF8 { bind(index, bytes: $0) }
        }
        func bind(_ index: Int32, _ date: PartialDate?) {
            guard let date else {
                sqlite3_bind_null(handle, index)
                return
            }
            date.withASCII { bind(index, bytes: $0) }
        }
        defer { sqlite3_reset(handle) }
        for (ordinal, item) in zip(evidence.indices, evidence) {
            let citation = item.citation
            let base = Int32((ordinal - evidence.startIndex) % rows * insertColumnCount)
            bind(base + 1, sourceID)
            sqlite3_bind_int64(handle, base + 2, Int64(ordinal))
            bind(base + 3, item.kind.rawValue)
            bind(base + 4, item.a)
            bind(base + 5, item.b)
            bind(base + 6, item.issue.rawValue)
            bind(base + 7, item.polarity.rawValue)
            sqlite3_bind_double(handle, base + 8, item.weight)
            bind(base + 9, item.period?.start)
            bind(base + 10, item.period?.end)
            bind(base + 11, citation.title)
            bind(base + 12, citation.publisher)
            bind(base + 13, citation.address)
            bind(base + 14, citation.published)
            bind(base + 15, citation.locator)
            bind(base + 16, citation.summary)
            bind(base + 17, citation.quote)
            bind(base + 18, citation.alsoJSON)
            guard (ordinal - evidence.startIndex) % rows == rows - 1 else { continue }
            let code = sqlite3_step(handle)
            guard code == SQLITE_DONE else {
                let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
                sqlite3_reset(handle)
                // The statement of many rows is not shown: the rows it held are.
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "\(message) (inserting evidence rows \(ordinal - rows + 1)–\(ordinal))")
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
