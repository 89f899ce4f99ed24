import ArgumentParser
import DiplomapFeed
import DiplomapWorkspace
import Foundation
import Logging
import NIOConcurrencyHelpers

extension FeedDataset: ExpressibleByArgument {}

/// The options of the commands that read the GDELT feed: which feed, from where, into which folder, how.
struct FeedOptions: ParsableArguments {
    @Option(help: "gdelt2 (a file every 15 minutes since February 2015) or gdelt1 (a file a day since April 2013, monthly and yearly before).")
    var dataset: FeedDataset = .gdelt2

    @Option(name: .customLong("base-url"), help: ArgumentHelp("A mirror laid out as \(FeedDataset.defaultBaseURL.absoluteString) is (default: that address).", valueName: "url"))
    var baseURL: String?

    @Option(help: ArgumentHelp("Where the downloaded files are kept (default: feed/<dataset> in $XDG_DATA_HOME/diplomap or ~/.local/share/diplomap).", valueName: "folder"))
    var cache: String?

    @Option(help: "The most downloads at once.")
    var connections = 4

    @Option(help: "Tries per file before it is reported as failed; the wait between tries starts at one second and doubles.")
    var attempts = 4

    @Flag(name: .shortAndLong, help: "No progress and no summary; failures are still reported.")
    var quiet = false

    func validate() throws {
        guard (1...32).contains(connections) else { throw ValidationError("--connections must be from 1 to 32") }
        guard (1...20).contains(attempts) else { throw ValidationError("--attempts must be from 1 to 20") }
        _ = try base
    }

    /// The feed's base address: the mirror, or GDELT's own.
    var base: URL {
        get throws {
            guard let baseURL else { return FeedDataset.defaultBaseURL }
            guard let url = URL(string: baseURL), ["http", "https"].contains(url.scheme?.lowercased()), url.host != nil else {
                throw ValidationError("--base-url \(baseURL): give an http or https address, such as \(FeedDataset.defaultBaseURL.absoluteString)")
            }
            return url
        }
    }

    /// The fetcher these options describe, logging retries unless quiet or drawing a progress bar (whose line they would break).
    func fetcher() throws -> FeedFetcher {
        var logger = Logger(label: "diplomap.feed")
        logger.logLevel = quiet || isatty(STDERR_FILENO) != 0 ? .error : .info
        return FeedFetcher(
            dataset: dataset, base: try base, cache: cache.map { URL(fileURLWithPath: $0) } ?? Workspace.defaultFeedCache(dataset),
            options: FetchOptions(connections: connections, attempts: attempts), logger: logger
        )
    }

    /// Runs a fetch with a progress bar on a terminal, or a line per finished file otherwise.
    func withProgress<Value>(_ work: (_ progress: @escaping @Sendable ([FeedFile]) -> FetchProgress?, _ onResult: @escaping @Sendable (FetchResult) -> Void) async throws -> Value) async throws -> Value {
        let terminal = !quiet && isatty(STDERR_FILENO) != 0
        let bars = BarSlot()
        let progress: @Sendable ([FeedFile]) -> FetchProgress? = { files in
            guard terminal else { return nil }
            let progress = FetchProgress(files: files)
            bars.start(ProgressBar(progress: progress))
            return progress
        }
        let quiet = quiet
        let onResult: @Sendable (FetchResult) -> Void = { result in
            guard !terminal, !quiet else { return }
            Output.error("\(result.file.name): \(FeedReport.outcome(result.outcome))")
        }
        do {
            let value = try await work(progress, onResult)
            await bars.stop()
            return value
        } catch {
            await bars.stop()
            throw error
        }
    }
}

/// The progress bar of a fetch, once the files to fetch are known.
private final class BarSlot: Sendable {
    private let bar = NIOLockedValueBox<ProgressBar?>(nil)

    func start(_ new: ProgressBar) { bar.withLockedValue { $0 = new } }

    func stop() async { await bar.withLockedValue { $0 }?.stop() }
}

/// How fetch results are said: in a table, CSV or JSON, and in the summary line.
enum FeedReport {
    /// One word for an outcome, then the reason of a failure.
    static func outcome(_ outcome: FetchOutcome) -> String {
        switch outcome {
        case .downloaded: "downloaded"
        case .alreadyVerified: "cached"
        case .failed(let failure): "failed: \(failure)"
        }
    }

    /// Prints the results as a listing: file, bytes, MD5, outcome and where the verified file is.
    static func list(_ results: [FetchResult], format: ListFormat) throws {
        let rows = results.map { Row(file: $0.file.name, bytes: $0.file.size, md5: $0.file.md5, outcome: outcome($0.outcome), path: $0.isVerified ? $0.path : nil) }
        try Output.list(
            format, header: ["file", "bytes", "md5", "outcome", "path"],
            rows: rows.map { [$0.file, String($0.bytes), $0.md5, $0.outcome, $0.path ?? ""] }, json: rows
        )
    }

    /// One file of a fetch as the JSON listing gives it.
    struct Row: Encodable {
        var file: String
        var bytes: Int
        var md5: String
        var outcome: String
        var path: String?
    }

    /// The summary line on standard error.
    static func summary(_ results: [FetchResult]) -> String {
        let downloaded = results.filter { $0.outcome == .downloaded }.count, cached = results.filter { $0.outcome == .alreadyVerified }.count
        return "\(results.count) \(results.count == 1 ? "file" : "files"): \(downloaded) downloaded, \(cached) already in the cache, \(results.count - downloaded - cached) failed."
    }
}
