import DiplomapCore
import Foundation
import PostgresNIO

/// The import ledger's rows on PostgreSQL: one `import_ledger` row an import, one `import_file` row each of its files.
enum PostgresImportLedger {
    /// Inserts `record` and its files on `connection`, inside the caller's transaction; returns the id given.
    static func insert(_ record: ImportRecord, on connection: PostgresConnection, logger: Logger) async throws -> Int64 {
        let sourceID = PostgresRows.text(record.sourceID), settings = PostgresRows.text(record.settings)
        let rows = try await connection.query("""
            INSERT INTO import_ledger (source_id, kind, settings, rows_read, rows_kept, rows_malformed, evidence_rows, outcome, tool_version, imported_at)
            VALUES (\(sourceID), \(record.kind.rawValue), \(settings), \(record.rowsRead), \(record.rowsKept), \(record.rowsMalformed),
                    \(record.evidenceRows), \(record.outcome.rawValue), \(record.toolVersion), \(record.importedAt.ISO8601Format()))
            RETURNING id
            """, logger: logger)
        var id: Int64 = 0
        for try await value in rows.decode(Int64.self) { id = value }
        for (position, file) in record.files.enumerated() {
            try await connection.query("""
                INSERT INTO import_file (import_id, position, name, bytes, sha256, md5, damaged)
                VALUES (\(id), \(position), \(PostgresRows.text(file.name)), \(file.bytes), \(file.sha256), \(file.md5), \(file.damaged))
                """, logger: logger)
        }
        return id
    }

    /// The imports of one source or of all, oldest first, each with its files.
    static func fetch(_ client: PostgresClient, sourceID: String?, logger: Logger) async throws -> [ImportRecord] {
        let filter = sourceID == nil ? "" : "WHERE source_id = $1"
        var binds = PostgresBindings()
        if let sourceID { binds.append(sourceID) }
        var files: [Int64: [ImportRecord.File]] = [:]
        let fileRows = try await client.query(PostgresQuery(unsafeSQL: """
            SELECT import_id, name, bytes, sha256, md5, damaged FROM import_file
            WHERE import_id IN (SELECT id FROM import_ledger \(filter)) ORDER BY import_id, position
            """, binds: binds), logger: logger)
        for try await (id, name, bytes, sha256, md5, damaged) in fileRows.decode((Int64, String, Int, String, String?, Bool).self) {
            files[id, default: []].append(ImportRecord.File(name: name, bytes: bytes, sha256: sha256, md5: md5, damaged: damaged))
        }
        let rows = try await client.query(PostgresQuery(unsafeSQL: """
            SELECT id, source_id, kind, settings, rows_read, rows_kept, rows_malformed, evidence_rows, outcome, tool_version, imported_at
            FROM import_ledger \(filter) ORDER BY id
            """, binds: binds), logger: logger)
        var records: [ImportRecord] = []
        for try await row in rows {
            let cells = row.makeRandomAccess()
            let id = try cells[0].decode(Int64.self)
            records.append(ImportRecord(
                id: id, sourceID: try cells[1].decode(String.self), kind: SourceKind(rawValue: try cells[2].decode(String.self))!,
                files: files[id] ?? [], settings: try cells[3].decode(String.self), rowsRead: try cells[4].decode(Int.self),
                rowsKept: try cells[5].decode(Int.self), rowsMalformed: try cells[6].decode(Int.self), evidenceRows: try cells[7].decode(Int.self),
                outcome: ImportRecord.Outcome(rawValue: try cells[8].decode(String.self))!, toolVersion: try cells[9].decode(String.self),
                importedAt: try Date(try cells[10].decode(String.self), strategy: .iso8601)))
        }
        return records
    }

    /// Whether the rows `sourceID` holds came from an import that read a file with this SHA-256 and found it whole.
    static func hasImported(_ client: PostgresClient, sha256: String, sourceID: String, logger: Logger) async throws -> Bool {
        let rows = try await client.query("""
            SELECT EXISTS (SELECT 1 FROM source s JOIN import_file f ON f.import_id = s.import_id
                           WHERE s.id = \(sourceID) AND f.sha256 = \(sha256) AND NOT f.damaged)
            """, logger: logger)
        var found = false
        for try await value in rows.decode(Bool.self) { found = value }
        return found
    }
}
