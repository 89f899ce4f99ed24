import ArgumentParser
import DiplomapCore
import DiplomapWorkspace
import Foundation

/// `diplomap sources`: the store's import ledger, every import with its files and counts.
struct SourcesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources",
        abstract: "List every import the store has had: its files with size, SHA-256 and MD5, rows read, kept and malformed, damage.",
        discussion: """
        One row per file of each import (an import of no file, such as the embedded vote pairs \
        computed from the vote data, has one row with no file). The outcome is imported (the \
        source's rows were replaced; a damaged file among several gave none), partial \
        (--accept-damaged kept a damaged file's rows before the damage, their evidence marked) \
        or refused (every file was damaged: nothing was stored). Sources imported before the \
        ledger existed show one import each, of tool version "before the ledger". The table \
        shortens SHA-256 and MD5 to their first 12 digits; CSV and JSON give them whole. A file \
        recorded before the ledger kept MD5s has none: an empty md5 \
        field, no md5 key in JSON.

        Examples:
          diplomap sources
          diplomap sources --source events/20240101.export.CSV.zip
          diplomap sources --format csv > ledger.csv
        """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("Only the imports of this source id.", valueName: "id"))
    var source: String?

    @Option(help: "table, json or csv.")
    var format: ListFormat = .table

    func run() async throws {
        let workspace = try await store.open()
        let imports = try await workspace.imports().filter { source == nil || $0.sourceID == source }
        let header = [
            "import", "source", "kind", "outcome", "damaged", "file", "bytes", "sha256", "md5", "file_damaged", "rows_read", "rows_kept", "rows_malformed",
            "evidence_rows", "settings", "version", "imported_at",
        ]
        let rows = imports.flatMap { record -> [[String]] in
            let files: [ImportRecord.File?] = record.files.isEmpty ? [nil] : record.files
            return files.map { file in
                [
                    record.id.map(String.init) ?? "", record.sourceID, record.kind.rawValue, record.outcome.rawValue, String(record.damaged),
                    file?.name ?? "", file.map { String($0.bytes) } ?? "",
                    file.map { digest($0.sha256) } ?? "", file?.md5.map(digest) ?? "", file.map { String($0.damaged) } ?? "",
                    String(record.rowsRead), String(record.rowsKept), String(record.rowsMalformed), String(record.evidenceRows), record.settings,
                    record.toolVersion, record.importedAt.ISO8601Format(),
                ]
            }
        }
        try Output.list(format, header: header, rows: rows, json: imports)
    }

    /// A checksum as the format shows it: its first 12 digits in the table, whole otherwise.
    private func digest(_ hex: String) -> String {
        format == .table ? String(hex.prefix(12)) : hex
    }
}
