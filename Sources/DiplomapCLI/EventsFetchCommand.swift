import ArgumentParser
import DiplomapFeed
import Foundation

/// `diplomap events fetch`: a period of the GDELT feed into the cache folder, each file checked.
struct EventsFetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Download a period of GDELT event files into the cache, each checked against its published size and MD5.",
        discussion: """
        Reads the feed's index (GDELT 2.0: gdeltv2/masterfilelist.txt; GDELT 1.0: events/md5sums and \
        events/filesizes) and downloads the event files whose names fall in the period. A file \
        already in the cache with the right size and MD5 is not downloaded again; an interrupted \
        download resumes where it stopped; a failed one is tried again after 1, 2, 4… seconds. A \
        file whose MD5 is wrong is deleted. Lists every file with what became of it; the exit \
        status is 1 when any file could not be fetched.

        Examples:
          diplomap events fetch --since 2024-01-01 --until 2024-01-01
          diplomap events fetch --dataset gdelt1 --since 2019-03 --until 2019-03 --format csv
          diplomap events fetch --since 2024-06-01T12:00 --base-url http://mirror.example.org/gdelt/
          diplomap events import ~/.local/share/diplomap/feed/gdelt2/20240101*.export.CSV.zip
        """
    )

    @OptionGroup var feed: FeedOptions

    @Option(help: ArgumentHelp("The first file kept, by the time in its name (YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM, UTC).", valueName: "date"))
    var since: String

    @Option(help: ArgumentHelp("The last file kept: the whole day, month or year named (default: the newest).", valueName: "date"))
    var until: String?

    @Option(help: "table, csv or json.")
    var format: ListFormat = .table

    func validate() throws {
        do {
            _ = try FeedPeriod(since: since, until: until)
        } catch {
            throw ValidationError("\(error)")
        }
    }

    func run() async throws {
        let fetcher = try feed.fetcher()
        let period = try FeedPeriod(since: since, until: until)
        let index = try await fetcher.index()
        for problem in index.problems.prefix(5) { Output.error("skipped: \(problem)") }
        let files = index.files.filter(period.contains)
        let results = try await feed.withProgress { progress, onResult in
            try await fetcher.fetch(files, progress: progress(files), onResult: onResult)
        }
        try FeedReport.list(results, format: format)
        if !feed.quiet { Output.error(FeedReport.summary(results) + " Cache: \(fetcher.cache.path)") }
        let failed = results.filter { !$0.isVerified }.count
        if failed > 0 { throw CommandError("\(failed) of \(results.count) files could not be fetched (listed above)") }
    }
}
