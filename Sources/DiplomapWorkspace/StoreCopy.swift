import DiplomapCore
import Logging

/// What `copy(from:to:)` moved.
public struct StoreCopyReport: Sendable, Hashable {
    public var sources = 0
    public var rows = 0
    /// Sources the target held that the origin does not, removed so that the target matches.
    public var removed = 0
}

extension StoreLocation {
    /// Copies every source of one store into another, SQLite or PostgreSQL either way: each source replaced in the
    /// target in one transaction, and sources the origin lacks removed, so that the target holds what the origin holds.
    public static func copy(from origin: StoreLocation, to target: StoreLocation, logger: Logger) async throws -> StoreCopyReport {
        let from = try await origin.open(logger: logger)
        let to: any EvidenceStore
        do {
            to = try await target.open(logger: logger)
        } catch {
            await from.close()
            throw error
        }
        let result: Result<StoreCopyReport, any Error>
        do { result = .success(try await copy(from: from, to: to)) } catch { result = .failure(error) }
        await from.close()
        await to.close()
        return try result.get()
    }

    /// Copies every source of `from` into `to` (see `copy(from:to:logger:)`).
    public static func copy(from: any EvidenceStore, to: any EvidenceStore) async throws -> StoreCopyReport {
        var report = StoreCopyReport()
        let sources = try await from.sources()
        for stored in sources {
            let evidence = try await from.evidence(sourceID: stored.source.id)
            try await to.replace(stored.source, with: evidence)
            report.sources += 1
            report.rows += evidence.count
        }
        let kept = Set(sources.map(\.source.id))
        for stored in try await to.sources() where !kept.contains(stored.source.id) {
            try await to.remove(sourceID: stored.source.id)
            report.removed += 1
        }
        return report
    }
}
