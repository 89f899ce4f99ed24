import DiplomapBytes
import DiplomapCore
import Foundation

/// Events per directed dyad, month, issue and polarity, with a few source URLs: what the store imports as evidence.
public struct EvidenceAggregate: EventSink, Sendable {
    struct Key: Sendable, Hashable {
        var source: PackedCode
        var target: PackedCode
        var month: PackedCode
        var issue: Issue
        var polarity: Polarity
    }

    struct Totals: Sendable, Hashable {
        var events = 0
        var goldsteinSum = 0.0
        var mentions = 0
        var codes: [String: Int] = [:]
        var urls: [String] = []

        mutating func merge(_ other: Totals) {
            events += other.events
            goldsteinSum += other.goldsteinSum
            mentions += other.mentions
            codes.merge(other.codes, uniquingKeysWith: +)
            for url in other.urls where urls.count < EvidenceAggregate.urlLimit && !urls.contains(url) { urls.append(url) }
        }
    }

    /// Source URLs kept per cell, so that an analyst can read the news behind it.
    static let urlLimit = 3

    private let map: IssueMap
    private let plover: PloverMap
    private var cells: [Key: Totals] = [:]
    private var issues: [IssueCacheKey: Issue] = [:]
    /// PLOVER issues by type, modes, contexts and sectors, as the file writes them.
    private var ploverIssues: [String: Issue] = [:]

    private struct IssueCacheKey: Hashable {
        var code: PackedCode
        var sourceType: PackedCode
        var targetType: PackedCode
    }

    /// `map` gives CAMEO-coded events (GDELT, ICEWS) their issues and polarity, `plover` PLOVER-coded ones (POLECAT).
    public init(map: IssueMap, plover: PloverMap = .standard) {
        self.map = map
        self.plover = plover
    }

    /// Cells with evidence.
    public var count: Int { cells.count }

    public mutating func add(_ row: EventRow) {
        if row.coding == .plover { return addPlover(row) }
        let code = PackedCode(row.eventCode), sourceType = PackedCode(row.sourceType), targetType = PackedCode(row.targetType)
        let cacheKey = IssueCacheKey(code: code, sourceType: sourceType, targetType: targetType)
        let issue: Issue
        if let known = issues[cacheKey] {
            issue = known
        } else {
            issue = map.issue(code: code.description, actorTypes: [sourceType.description, targetType.description].filter { !$0.isEmpty })
            issues[cacheKey] = issue
        }
        let key = Key(source: row.source, target: row.target, month: row.month, issue: issue, polarity: map.polarity(root: row.root.description))
        var totals = Totals(events: 1, goldsteinSum: row.goldstein ?? 0, mentions: row.mentions ?? 0, codes: [code.description: 1])
        if row.url.count > 0 { totals.urls = [String(decoding: row.url, as: UTF8.self)] }
        cells[key, default: Totals()].merge(totals)
    }

    /// A POLECAT event: its issue from its type, modes, contexts and sectors, its polarity from its type's quad category.
    private mutating func addPlover(_ row: EventRow) {
        let fields = [row.eventCode, row.modes, row.contexts, row.sourceType, row.targetType].map { String(decoding: $0, as: UTF8.self) }
        let type = fields[0].uppercased()
        let cacheKey = fields.joined(separator: "\t")
        let issue: Issue
        if let known = ploverIssues[cacheKey] {
            issue = known
        } else {
            issue = plover.issue(eventType: type, modes: fields[1], contexts: fields[2], sectors: [fields[3], fields[4]])
            ploverIssues[cacheKey] = issue
        }
        // The scanner keeps only the rows whose type PLOVER defines.
        let polarity = plover.eventType(type)?.polarity ?? .neutral
        let key = Key(source: row.source, target: row.target, month: row.month, issue: issue, polarity: polarity)
        cells[key, default: Totals()].merge(Totals(events: 1, goldsteinSum: row.goldstein ?? 0, mentions: row.mentions ?? 0, codes: [type: 1]))
    }

    public mutating func merge(_ other: EvidenceAggregate) {
        for (key, totals) in other.cells { cells[key, default: Totals()].merge(totals) }
    }

    /// The cells as evidence between registry actors; cells whose CAMEO codes name no state (regions, the USSR) are left out.
    /// A cell's citation quotes its most frequent CAMEO codes, or PLOVER event types for POLECAT's.
    ///
    /// The weight grows with the event count but slowly (1 + log2 of the count), so that a
    /// busy month of news counts more than a quiet one without drowning the cited facts.
    public func evidence(dataset: String, files: [String], iso3: (String) -> String?) -> [Evidence] {
        // Sorted on codes as text, polarity last, so that the order is the same on every run and the Spark job can give it too.
        cells.sorted {
            ($0.key.source, $0.key.target, $0.key.month, $0.key.issue.code, $0.key.polarity.rawValue)
                < ($1.key.source, $1.key.target, $1.key.month, $1.key.issue.code, $1.key.polarity.rawValue)
        }
            .compactMap { key, totals -> Evidence? in
                guard let a = iso3(key.source.description), let b = iso3(key.target.description), a != b else { return nil }
                let monthText = key.month.description
                guard let year = Int(monthText.prefix(4)), let month = Int(monthText.suffix(2)),
                      let date = PartialDate(year: year, month: month) else { return nil }
                let codes = totals.codes.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(5)
                    .map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")
                let vocabulary = totals.codes.keys.allSatisfy { $0.allSatisfy(\.isNumber) } ? "CAMEO codes" : "PLOVER event types"
                var summary = "\(totals.events) \(totals.events == 1 ? "event" : "events") of \(key.polarity.rawValue) from \(a) to \(b) in \(date), "
                summary += "Goldstein sum \(DyadMonthAggregate.oneDecimal(totals.goldsteinSum)), \(totals.mentions) mentions."
                if !totals.urls.isEmpty { summary += " Reports: " + totals.urls.joined(separator: " ") }
                let citation = Citation(
                    title: "\(dataset) events \(a)→\(b), \(date)", publisher: dataset, address: files.joined(separator: ", "),
                    published: date, locator: "month \(monthText), \(vocabulary) \(codes)", summary: summary
                )
                return Evidence(
                    kind: .event, a: a, b: b, issue: key.issue, polarity: key.polarity,
                    weight: 1 + log2(Double(totals.events)), period: Period(start: date), citation: citation
                )
            }
    }
}
