import DiplomapCore
import GRDB
import GRDBSQLite

/// Counts rows of the `evidence` table into a map builder straight from SQLite's column buffers.
///
/// Its columns are those of the `evidence_for_map` index, so that SQLite
/// answers from the index alone and never reads a citation; codes and dates
/// are matched and parsed from the column bytes, so that no string is made.
enum MapScan {
    static let selectColumns = "id, kind, side_a, side_b, issue, polarity, weight, start_date, end_date"

    static func run(_ db: Database, sql: String, arguments: StatementArguments, window: TimeWindow, into builder: inout RelationMapBuilder) throws {
        let statement = try db.makeStatement(sql: sql)
        try statement.setArguments(arguments)
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        var counter = MapRowCounter(builder: builder, window: window)
        func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(start: sqlite3_column_text(handle, column), count: Int(sqlite3_column_bytes(handle, column)))
        }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
            }
            counter.count(
                id: sqlite3_column_int64(handle, 0), weight: sqlite3_column_double(handle, 6), kind: bytes(1), a: bytes(2), b: bytes(3),
                issue: bytes(4), polarity: bytes(5), start: bytes(7), end: { bytes(8) }, into: &builder)
        }
    }
}
