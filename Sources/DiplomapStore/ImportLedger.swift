import DiplomapCore
import Foundation
import GRDB

/// The import ledger's rows on SQLite: one `import_ledger` row an import, one `import_file` row each of its files.
enum ImportLedger {
    /// Inserts `record` and its files; returns the id SQLite gave it.
    static func insert(_ record: ImportRecord, into db: Database) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO import_ledger (source_id, kind, settings, rows_read, rows_kept, rows_malformed, evidence_rows, outcome, tool_version, imported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                record.sourceID, record.kind.rawValue, record.settings, record.rowsRead, record.rowsKept, record.rowsMalformed,
                record.evidenceRows, record.outcome.rawValue, record.toolVersion, record.importedAt.ISO8601Format(),
            ])
        let id = db.lastInsertedRowID
        for (position, file) in record.files.enumerated() {
            try db.execute(
                sql: "INSERT INTO import_file (import_id, position, name, bytes, sha256, md5, damaged) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [id, position, file.name, file.bytes, file.sha256, file.md5, file.damaged])
        }
        return id
    }

    /// The imports of one source or of all, oldest first, each with its files.
    static func fetch(_ db: Database, sourceID: String?) throws -> [ImportRecord] {
        let filter = sourceID == nil ? "" : "WHERE source_id = ?"
        let arguments: StatementArguments = sourceID.map { [$0] } ?? []
        var files: [Int64: [ImportRecord.File]] = [:]
        let fileRows = try Row.fetchCursor(db, sql: """
            SELECT import_id, name, bytes, sha256, md5, damaged FROM import_file
            WHERE import_id IN (SELECT id FROM import_ledger \(filter)) ORDER BY import_id, position
            """, arguments: arguments)
        while let row = try fileRows.next() {
            files[row["import_id"], default: []].append(ImportRecord.File(
                name: row["name"], bytes: row["bytes"], sha256: row["sha256"], md5: row["md5"], damaged: row["damaged"]))
        }
        return try Row.fetchAll(db, sql: """
            SELECT id, source_id, kind, settings, rows_read, rows_kept, rows_malformed, evidence_rows, outcome, tool_version, imported_at
            FROM import_ledger \(filter) ORDER BY id
            """, arguments: arguments).map { row in
            let id: Int64 = row["id"]
            return ImportRecord(
                id: id, sourceID: row["source_id"], kind: SourceKind(rawValue: row["kind"])!, files: files[id] ?? [], settings: row["settings"],
                rowsRead: row["rows_read"], rowsKept: row["rows_kept"], rowsMalformed: row["rows_malformed"], evidenceRows: row["evidence_rows"],
                outcome: ImportRecord.Outcome(rawValue: row["outcome"])!, toolVersion: row["tool_version"],
                importedAt: try Date(row["imported_at"] as String, strategy: .iso8601))
        }
    }

    /// Whether the rows `sourceID` holds came from an import that read a file with this SHA-256 and found it whole.
    static func hasImported(_ db: Database, sha256: String, sourceID: String) throws -> Bool {
        try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM source s JOIN import_file f ON f.import_id = s.import_id
                           WHERE s.id = ? AND f.sha256 = ? AND NOT f.damaged)
            """, arguments: [sourceID, sha256]) ?? false
    }
}
