import ArgumentParser
import DiplomapCore
import DiplomapWorkspace
import Foundation

/// `diplomap changes`: the cells whose score moved between two dates, with the evidence behind each move.
struct ChangesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changes",
        abstract: "List the cells whose score moved between two dates, largest move first, with the evidence that entered or left.",
        discussion: """
        Compares the map as it held on --from with the map as it held on --to (as `map --as-of` \
        reads a date: durable relations then in force, point evidence of the --window years \
        before). A cell is listed when its score moved by --min-delta or more, or when it turned \
        from cooperation to conflict or back. Each cell comes with the evidence counted on one \
        date and not the other. The web app shows the same list at /changes, and an Atom feed \
        of it at /changes.atom.

        Examples:
          diplomap changes --from 2023-01-01 --to 2024-01-01
          diplomap changes --from 2024-01 --to 2024-06 --min-delta 0.1 --partners CHN,RUS --format json
          diplomap changes --from 2020 --to 2024 --issues economy.trade,resources.water --format csv
        """
    )

    @OptionGroup var selection: MapSelection

    @Option(help: ArgumentHelp("The first date: the map as it held then (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "date"))
    var from: String

    @Option(help: ArgumentHelp("The second date.", valueName: "date"))
    var to: String

    @Option(name: .customLong("window"), help: ArgumentHelp("The years before each date that point evidence still counts (default \(TimeWindow.defaultLookBack)).", valueName: "years"))
    var lookBack: String?

    @Option(name: .customLong("min-delta"), help: ArgumentHelp("The smallest move of a score listed (scores run from -1 to 1).", valueName: "delta"))
    var minDelta = ChangesRequest.defaultMinDelta

    @Option(help: "table, csv or json (json has every piece of evidence in full).")
    var format: ListFormat = .table

    func validate() throws {
        _ = try request()
    }

    /// The request the options describe, read as the web page reads its URL parameters.
    func request() throws -> ChangesRequest {
        let parameters = selection.parameters.merging(["window": lookBack, "from": from, "to": to, "min-delta": String(minDelta)]) { $1 }
        do {
            return try ChangesRequest(parameters: parameters.compactMapValues { $0 }, today: Self.today)
        } catch {
            throw ValidationError("--\(error)")
        }
    }

    /// Today in UTC (both dates are required here, so it only stands in for the page's default).
    private static var today: PartialDate {
        let day = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        return PartialDate(year: day.year ?? 1970, month: day.month, day: day.day) ?? PartialDate(year: 1970)!
    }

    func run() async throws {
        let workspace = try await selection.store.open()
        let changes: [CellChange]
        do {
            changes = try await workspace.changes(try request())
        } catch {
            await workspace.close()
            throw error
        }
        await workspace.close()
        let registry = workspace.registry
        let header = ["pair", "issue", "before", "after", "delta", "turned", "entered", "left"]
        let rows = changes.map { change in
            [
                "\(change.focus)-\(change.partner)", change.issue.code, String(format: "%.2f", change.before), String(format: "%.2f", change.after),
                String(format: "%+.2f", change.delta), change.turned ? "yes" : "no", String(change.entered.count), String(change.left.count),
            ]
        }
        try Output.list(format, header: header, rows: rows, json: changes)
        if format == .table {
            for change in changes.prefix(10) where !(change.entered.isEmpty && change.left.isEmpty) {
                let name = "\(registry.displayName(change.focus))–\(registry.displayName(change.partner)), \(change.issue.code)"
                let lines = change.entered.prefix(3).map { "  + \($0.citation.title) <\($0.citation.address)>" }
                    + change.left.prefix(3).map { "  − \($0.citation.title) <\($0.citation.address)>" }
                try Output.print("\n\(name):\n" + lines.joined(separator: "\n") + "\n")
            }
        }
    }
}
