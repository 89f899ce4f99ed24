import DiplomapCore
import DiplomapEvents
import DiplomapFeed
import Foundation

/// What one update from a GDELT feed did: the files it fetched and imported, and those it could not.
public struct FeedUpdateReport: Sendable {
    /// Every file the update tried to fetch, with its outcome.
    public var fetched: [FetchResult] = []
    /// Files the feed lists, of the period looked at, whose MD5 the ledger already holds under another name or source:
    /// neither fetched nor imported.
    public var alreadyImported: [FeedFile] = []
    /// The files imported, oldest first, with their evidence row counts.
    public var imported: [(file: String, rows: Int)] = []
    /// Files fetched and verified but not imported whole, with the reason (an archive that fails its integrity check).
    public var unreadable: [(file: String, reason: String)] = []
    /// Lines of the feed's index that could not be read.
    public var indexProblems: [String] = []

    /// The files that could not be fetched, with the reason.
    public var failed: [(file: String, reason: String)] {
        fetched.compactMap { result in
            guard case .failed(let failure) = result.outcome else { return nil }
            return (result.file.name, failure.description)
        }
    }
}

extension Workspace {
    /// Where a feed's files are kept unless told: `feed/<dataset>` in the data directory.
    public static func defaultFeedCache(_ dataset: FeedDataset) -> URL {
        dataDirectory.appendingPathComponent("feed/\(dataset.rawValue)")
    }

    /// The source id under which a feed file's evidence is stored: one source per file, so that each import stands alone
    /// and the store's source list is the record of what was imported, with each file's SHA-256.
    static func feedSourceID(_ dataset: FeedDataset, file: String) -> String { "events/\(dataset.rawValue)/\(file)" }

    /// The names of the feed's files already imported, as the ledger records them: files whose source is in the store
    /// and whose import read them whole.
    public func importedFeedFiles(_ dataset: FeedDataset) async throws -> Set<String> {
        let prefix = Self.feedSourceID(dataset, file: "")
        let present = Set(try await sources().map(\.source.id).filter { $0.hasPrefix(prefix) })
        let whole = try await imports().filter { present.contains($0.sourceID) && $0.outcome == .imported && !$0.damaged }
        return Set(whole.map { String($0.sourceID.dropFirst(prefix.count)) })
    }

    /// The MD5s of the files whose rows the store holds, as the ledger records them: files read whole by an import whose
    /// source is in the store. A listed file with one of these MD5s is already imported, whatever its name.
    public func importedMD5s() async throws -> Set<String> {
        let present = Set(try await sources().map(\.source.id))
        let whole = try await imports().filter { present.contains($0.sourceID) && $0.outcome != .refused }
        return Set(whole.flatMap { $0.files.filter { !$0.damaged }.compactMap(\.md5) })
    }

    /// Fetches the feed's files that are new and imports them, one source a file, oldest first.
    ///
    /// Which files: those of `period` when one is given; otherwise, on a store with none of the feed's files, the newest
    /// file; otherwise none when the newest is imported, else every file from a day before the newest imported one on.
    /// Files already imported (by name, or by the MD5 the feed lists, which the ledger records of every imported file)
    /// are never fetched or imported again, so a second run changes nothing and a run that was
    /// stopped takes up where it stopped. A file that fails its size or MD5 is reported and not imported; one that
    /// passes them but fails its archive's integrity check is recorded in the ledger as refused and reported.
    /// `settings` (such as the focus) go into the ledger with each import.
    public func updateEvents(
        from fetcher: FeedFetcher, period: FeedPeriod? = nil, options: EventScanOptions, settings: String = "", progress: (@Sendable ([FeedFile]) -> FetchProgress?)? = nil,
        onResult: @escaping @Sendable (FetchResult) -> Void = { _ in }
    ) async throws -> FeedUpdateReport {
        var report = FeedUpdateReport()
        let imported = try await importedFeedFiles(fetcher.dataset)
        let md5s = try await importedMD5s()
        let candidates: [FeedFile]
        if let period {
            let index = try await fetcher.index()
            report.indexProblems = index.problems
            candidates = index.files.filter(period.contains)
        } else if let latest = try await fetcher.latest(), imported.isEmpty || imported.contains(latest.name) {
            candidates = [latest]
        } else {
            let index = try await fetcher.index()
            report.indexProblems = index.problems
            let newest = imported.map { FeedFile(size: 0, md5: "", url: URL(fileURLWithPath: $0)).stamp }.max()
            let from = newest.map(Self.dayBefore)
            candidates = from.map { from in index.files.filter { $0.stamp.padding(toLength: 14, withPad: "9", startingAt: 0) >= from } } ?? index.files.suffix(1)
        }
        let unseen = candidates.filter { !imported.contains($0.name) }
        report.alreadyImported = unseen.filter { md5s.contains($0.md5.lowercased()) }
        let new = unseen.filter { !md5s.contains($0.md5.lowercased()) }
        guard !new.isEmpty else { return report }
        report.fetched = try await fetcher.fetch(new, progress: progress?(new), onResult: onResult)
        for result in report.fetched where result.isVerified {
            try Task.checkCancellation()
            let (aggregate, scan) = try await scanEvents([result.path], options: options)
            let record = try await importEvents(
                aggregate, report: scan, files: [result.path], source: Self.feedSourceID(fetcher.dataset, file: result.file.name), settings: settings
            )
            if record.outcome == .imported && !record.damaged {
                report.imported.append((result.file.name, record.evidenceRows))
            } else {
                report.unreadable.append((result.file.name, scan.damaged.map(\.description).joined(separator: "; ")))
            }
        }
        return report
    }

    /// The 14-digit time one day before a file's name time, to look back for files that failed on an earlier run.
    private static func dayBefore(_ stamp: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMddHHmmss"
        guard let date = formatter.date(from: stamp.padding(toLength: 14, withPad: "0", startingAt: 0)) else { return stamp }
        return formatter.string(from: date.addingTimeInterval(-86_400))
    }
}
