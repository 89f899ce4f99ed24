/// The time a map or a listing is restricted to.
///
/// `since` and `until` keep evidence by the date it starts (when the event
/// happened or the source dated it). `asOf` keeps what held on one day:
/// durable relations (memberships, treaties, partnerships, disputes: curated
/// facts that are not dated as a single point) that started by then and had
/// not ended (an ongoing fact has no end), and point evidence (visits and
/// statements, sentences, months of events, vote sessions) dated within the
/// `lookBack` years up to that day. Dates match at their precision: "2019"
/// includes 2019-06-15.
public struct TimeWindow: Sendable, Hashable {
    public var since: PartialDate?
    public var until: PartialDate?
    public var asOf: PartialDate?
    /// For `asOf`: how many years before the day point evidence still counts.
    public var lookBack: Int

    /// The look-back of `asOf` unless told: three years.
    public static let defaultLookBack = 3

    public init(since: PartialDate? = nil, until: PartialDate? = nil, asOf: PartialDate? = nil, lookBack: Int = TimeWindow.defaultLookBack) {
        self.since = since
        self.until = until
        self.asOf = asOf
        self.lookBack = lookBack
    }

    /// Parses the three bounds as `YYYY`, `YYYY-MM` or `YYYY-MM-DD` and the look-back as whole years; the error names the bound at fault.
    public init(since: String?, until: String?, asOf: String?, window: String? = nil) throws(TimeWindowError) {
        func date(_ text: String?, _ name: String) throws(TimeWindowError) -> PartialDate? {
            guard let text else { return nil }
            guard let date = PartialDate(text) else { throw TimeWindowError(bound: name, message: "takes a date as YYYY, YYYY-MM or YYYY-MM-DD; got \"\(text)\"") }
            return date
        }
        var lookBack = Self.defaultLookBack
        if let window {
            guard let years = Int(window), (0...100).contains(years) else {
                throw TimeWindowError(bound: "window", message: "takes a whole number of years from 0 to 100; got \"\(window)\"")
            }
            lookBack = years
        }
        self.init(since: try date(since, "since"), until: try date(until, "until"), asOf: try date(asOf, "as-of"), lookBack: lookBack)
        if let since = self.since, let until = self.until, until.latestDay < since.earliestDay {
            throw TimeWindowError(bound: "until", message: "\(until) is before since \(since)")
        }
    }

    /// Whether evidence of a kind and period is durable (kept by `asOf` until it ends) rather than a point in time.
    public static func isDurable(kind: SourceKind, period: Period?) -> Bool {
        kind == .fact && !(period?.isPoint ?? false)
    }

    /// Whether evidence of this kind and period is in the window; undated evidence is only in an unbounded one.
    public func contains(_ period: Period?, kind: SourceKind) -> Bool {
        contains(period, durable: Self.isDurable(kind: kind, period: period))
    }

    /// Whether the window keeps everything, undated evidence included.
    public var isUnbounded: Bool { since == nil && until == nil && asOf == nil }

    /// Whether a period is in the window, as a durable relation or as a point; undated evidence is only in an unbounded window.
    public func contains(_ period: Period?, durable: Bool) -> Bool {
        if isUnbounded { return true }
        guard let period else { return false }
        if let since, period.start.latestDay < since.earliestDay { return false }
        if let until, period.start.earliestDay > until.latestDay { return false }
        if let asOf {
            if period.start.earliestDay > asOf.latestDay { return false }
            if durable {
                if let end = period.end, end.latestDay < asOf.earliestDay { return false }
            } else {
                let from = asOf.earliestDay
                if (period.end ?? period.start).latestDay < (from.year - lookBack, from.month, from.day) { return false }
            }
        }
        return true
    }

    /// The window in words, for reports: "dated 2019 to 2021", "in force on 2024-01-01".
    public var description: String {
        var parts: [String] = []
        switch (since, until) {
        case let (since?, until?): parts.append("dated \(since) to \(until)")
        case let (since?, nil): parts.append("dated \(since) or later")
        case let (nil, until?): parts.append("dated up to \(until)")
        case (nil, nil): break
        }
        if let asOf {
            let years = lookBack == 1 ? "year" : "years"
            parts.append("in force on \(asOf): durable relations not ended by then, point evidence (visits, statements, sentences, events, vote sessions) from the \(lookBack) \(years) before")
        }
        return parts.isEmpty ? "all dates, undated evidence included" : parts.joined(separator: ", ") + " (undated evidence left out)"
    }
}

/// A bound of a time window that is not a date, or an until before the since.
public struct TimeWindowError: Error, Sendable, Hashable, CustomStringConvertible {
    /// "since", "until", "as-of" or "window".
    public var bound: String
    public var message: String

    public var description: String { "\(bound) \(message)" }
}
