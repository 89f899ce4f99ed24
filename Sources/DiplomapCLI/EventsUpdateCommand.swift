import ArgumentParser
import DiplomapFeed
import DiplomapWorkspace
import Foundation

/// `diplomap events update`: what the GDELT feed has published since the last update, fetched and imported.
struct EventsUpdateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Fetch the GDELT files published since the last update and import only those.",
        discussion: """
        Each file is imported as a source of its own, events/<dataset>/<file name>, recorded in \
        the store's import ledger with its size, SHA-256 and MD5 (the MD5 is checked against the \
        feed's index before); a file already imported, by name or by the MD5 the index lists \
        (the same bytes imported under another name or by `events import`), is never fetched or \
        imported again, so a second run changes nothing and an interrupted run takes up where it stopped. Without --since, a \
        store with none of the feed's files gets the newest file only; afterwards every file \
        from a day before the newest imported one on is looked for, so a file that failed \
        is tried again on the next runs. Give --since to fill in a longer past.

        Only events with a side in the focus are kept (as with `events import`), and each file \
        gives one piece of evidence per dyad, month, issue and polarity; the map adds up the \
        files of a month. The exit status is 1 when any file could not be fetched or read.

        Examples:
          diplomap events update                       # the newest file, then every 15 minutes from cron
          diplomap events update --since 2024-01-01    # fill in from that day on
          diplomap events update --dataset gdelt1 --since 2024-01 --focus KAZ,UZB
        """
    )

    @OptionGroup var feed: FeedOptions
    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("Look for files from this time on (YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM, UTC).", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("With --since: the last file kept.", valueName: "date"))
    var until: String?

    @Option(help: "Keep events with at least one side here: a group or comma-separated states, as codes or names.")
    var focus = "C5"

    func validate() throws {
        if until != nil && since == nil { throw ValidationError("--until needs --since") }
        do {
            _ = try FeedPeriod(since: since, until: until)
        } catch {
            throw ValidationError("\(error)")
        }
    }

    func run() async throws {
        let workspace = try await store.open()
        do {
            try await update(workspace)
        } catch {
            await workspace.close()
            throw error
        }
        await workspace.close()
    }

    private func update(_ workspace: Workspace) async throws {
        let fetcher = try feed.fetcher()
        let period = since == nil ? nil : try FeedPeriod(since: since, until: until)
        let options = try EventFocus.scanOptions(focus, registry: workspace.registry)
        let report = try await feed.withProgress { progress, onResult in
            try await workspace.updateEvents(from: fetcher, period: period, options: options, settings: "--focus \(focus)", progress: progress, onResult: onResult)
        }
        for problem in report.indexProblems.prefix(5) { Output.error("skipped: \(problem)") }
        for (file, reason) in report.failed + report.unreadable { Output.error("\(file): \(reason)") }
        if !feed.quiet {
            for file in report.alreadyImported { try Output.print("\(file.name): already imported (MD5 \(file.md5) is in the ledger)\n") }
            let rows = report.imported.reduce(0) { $0 + $1.rows }
            try Output.print(report.imported.isEmpty && report.fetched.isEmpty
                ? "Up to date: no new \(feed.dataset.rawValue) files.\n"
                : "Imported \(report.imported.count) new files (\(rows) evidence rows)" + (report.imported.last.map { "; the newest is \($0.file)" } ?? "") + ".\n")
        }
        let bad = report.failed.count + report.unreadable.count
        if bad > 0 { throw CommandError("\(bad) files could not be fetched or read (listed above); the next update tries them again") }
    }
}
