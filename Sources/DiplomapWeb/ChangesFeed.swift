import DiplomapCore
import DiplomapReport
import DiplomapWorkspace

/// The changes as an Atom feed (RFC 4287, The Atom Syndication Format, IETF, https://www.rfc-editor.org/rfc/rfc4287):
/// one entry per cell that moved, so that a feed reader shows an analyst what moved since the last look.
///
/// Entries are identified by the two dates, the pair and the issue, so the same move read twice is one entry; links
/// are relative to the feed's own address (`xml:base`), which the server does not need to know.
public struct ChangesFeed: Sendable {
    public var request: ChangesRequest
    public var changes: [CellChange]
    public var registry: CountryRegistry

    public init(request: ChangesRequest, changes: [CellChange], registry: CountryRegistry) {
        self.request = request
        self.changes = changes
        self.registry = registry
    }

    /// The feed document.
    public func render() -> String {
        let updated = Self.timestamp(request.to)
        let entries = changes.map { change -> String in
            let pair = ReportNames.pair(change.focus, change.partner, registry)
            var dated = request.map
            dated.window = TimeWindow(asOf: request.to, lookBack: request.map.window.lookBack)
            let title = "\(pair), \(change.issue.code): \(ChangesPage.score(change.before)) → \(ChangesPage.score(change.after))"
                + (change.turned ? ", turned" : "")
            let summary = "Between \(request.from) and \(request.to) the score moved by \(ChangesPage.move(change)): "
                + "\(change.entered.count) pieces of evidence entered the window, \(change.left.count) left it."
                + change.entered.prefix(ChangesPage.shown).map { " Entered: \($0.citation.title)." }.joined()
                + change.left.prefix(ChangesPage.shown).map { " Left: \($0.citation.title)." }.joined()
            return """
              <entry>
                <id>\(Self.escape(entryID(change)))</id>
                <title>\(Self.escape(title))</title>
                <updated>\(updated)</updated>
                <link rel="alternate" type="text/html" href="\(Self.escape(WebPaths.dyad(change.focus, change.partner, dated, issue: change.issue)))"/>
                <summary type="text">\(Self.escape(summary))</summary>
              </entry>
            """
        }
        return """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:base="/">
          <id>\(Self.escape(feedID))</id>
          <title>diplomap: what changed between \(request.from) and \(request.to)</title>
          <subtitle>\(Self.escape(ChangesPage.sides(request, registry) + " " + WebText.selection(request.map))) Moves of \(ChangesPage.score(request.minDelta)) or more.</subtitle>
          <updated>\(updated)</updated>
          <author><name>diplomap</name></author>
          <link rel="self" type="application/atom+xml" href="\(Self.escape(WebPaths.changesFeed(request)))"/>
          <link rel="alternate" type="text/html" href="\(Self.escape(WebPaths.changes(request)))"/>
        \(entries.joined(separator: "\n"))
        </feed>

        """
    }

    /// The feed's identity: its filters and dates, as a URN (the server's own address is not known here).
    private var feedID: String {
        "urn:diplomap:changes:" + request.queryItems.map { "\($0.name)=\($0.value)" }.joined(separator: ";")
    }

    private func entryID(_ change: CellChange) -> String {
        "urn:diplomap:change:\(request.from):\(request.to):\(change.focus)-\(change.partner):\(change.issue.code)"
    }

    /// The first moment of a date, as Atom writes times.
    static func timestamp(_ date: PartialDate) -> String {
        let day = date.earliestDay
        return String(format: "%04d-%02d-%02dT00:00:00Z", day.year, day.month, day.day)
    }

    static func escape(_ text: String) -> String { Markup.escape(text) }
}
