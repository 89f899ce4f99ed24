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
        var sides = CodeTable(builder.sides), firstSides = sides
        // `allCases` makes a new array on every call: read once, outside the loop.
        let allKinds = SourceKind.allCases, allIssues = Issue.allCases, allPolarities = Polarity.allCases
        var kinds = CodeTable(allKinds.map(\.rawValue)), issues = CodeTable(allIssues.map(\.rawValue))
        var polarities = CodeTable(allPolarities.map(\.rawValue))
        func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(start: sqlite3_column_text(handle, column), count: Int(sqlite3_column_bytes(handle, column)))
        }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
            }
            // The schema's checks guarantee valid kinds, issues and polarities; sides outside the map are skipped.
            guard let a = firstSides.position(of: bytes(2)), let b = sides.position(of: bytes(3)),
                  let kind = kinds.position(of: bytes(1)), let issue = issues.position(of: bytes(4)),
                  let polarity = polarities.position(of: bytes(5))
            else { continue }
            let start = PartialDate(ascii: bytes(7))
            if !window.isUnbounded {
                let period = start.flatMap { Period(start: $0, end: PartialDate(ascii: bytes(8))) }
                guard window.contains(period, kind: allKinds[kind]) else { continue }
            }
            builder.add(
                id: sqlite3_column_int64(handle, 0), kind: allKinds[kind], a: a, b: b, issue: allIssues[issue],
                polarity: allPolarities[polarity], weight: sqlite3_column_double(handle, 6), start: start
            )
        }
    }
}
