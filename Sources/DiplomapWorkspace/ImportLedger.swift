import DiplomapCore
import Foundation

extension Workspace {
    /// Stores an import with its record in the ledger, as the damage policy decided: a refused import is recorded and
    /// stores nothing; a partial one stores its evidence marked as coming from a damaged file. Returns the record with
    /// its ledger id and the evidence count.
    @discardableResult
    public func commit(_ source: EvidenceSource, evidence: [Evidence], record: ImportRecord) async throws -> ImportRecord {
        var record = record
        record.sourceID = StoredText.clean(source.id)
        record.evidenceRows = record.outcome == .refused ? 0 : evidence.count
        switch record.outcome {
        case .refused:
            record.id = try await store.record(record)
        case .imported:
            record.id = try await replace(source, with: evidence, recording: record)
        case .partial:
            let damaged = record.files.filter(\.damaged).map(\.name).joined(separator: ", ")
            let marked = evidence.map { item in
                var item = item
                item.citation.title += " (partly from a damaged file)"
                item.citation.summary = (item.citation.summary.map { $0 + " " } ?? "")
                    + "Read in part from a damaged file (\(damaged)): only its rows before the damage were kept, and they may be incomplete."
                return item
            }
            record.id = try await replace(source, with: marked, recording: record)
        }
        return record
    }

    /// The earlier import that reading `files` with `settings` into `sourceID` would repeat: the one the source's rows
    /// came from, when it read the same bytes (by SHA-256), found them whole, and had the same settings.
    public func unchangedImport(sourceID: String, files: [ImportRecord.File], settings: String) async throws -> ImportRecord? {
        guard try await store.sources().contains(where: { $0.source.id == sourceID }),
              let last = try await store.imports(sourceID: sourceID).last(where: { $0.outcome != .refused }),
              last.outcome == .imported, last.settings == settings, !last.damaged,
              Set(last.files.map(\.sha256)) == Set(files.map(\.sha256))
        else { return nil }
        return last
    }

    /// Every import the store's ledger holds, oldest first.
    public func imports() async throws -> [ImportRecord] {
        try await store.imports(sourceID: nil)
    }
}
