/// The time a map or a listing is restricted to.
///
/// `since` and `until` keep evidence by the date it starts (when the event
/// happened or the source dated it); `asOf` keeps what was in force on one
/// day: started by then and not ended before it (an ongoing fact has no end).
/// Dates match at their precision: "2019" includes 2019-06-15.
public struct TimeWindow: Sendable, Hashable {
    public var since: PartialDate?
    public var until: PartialDate?
    public var asOf: PartialDate?

    public init(since: PartialDate? = nil, until: PartialDate? = nil, asOf: PartialDate? = nil) {
        self.since = since
        self.until = until
        self.asOf = asOf
    }

    /// Parses the three bounds as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; the error names the bound at fault.
    public init(since: String?, until: String?, asOf: String?) throws(TimeWindowError) {
        func date(_ text: String?, _ name: String) throws(TimeWindowError) -> PartialDate? {
            guard let text else { return nil }
            guard let date = PartialDate(text) else { throw TimeWindowError(bound: name, message: "takes a date as YYYY, YYYY-MM or YYYY-MM-DD; got \"\(text)\"") }
            return date
        }
        self.init(since: try date(since, "since"), until: try date(until, "until"), asOf: try date(asOf, "as-of"))
        if let since = self.since, let until = self.until, until.latestDay < since.earliestDay {
            throw TimeWindowError(bound: "until", message: "\(until) is before since \(since)")
        }
    }

    /// Whether the window keeps everything, undated evidence included.
    public var isUnbounded: Bool { since == nil && until == nil && asOf == nil }

    /// Whether evidence of this period is in the window; undated evidence is only in an unbounded one.
    public func contains(_ period: Period?) -> Bool {
        if isUnbounded { return true }
        guard let period else { return false }
        if let since, period.start.latestDay < since.earliestDay { return false }
        if let until, period.start.earliestDay > until.latestDay { return false }
        if let asOf {
            if period.start.earliestDay > asOf.latestDay { return false }
            if let end = period.end, end.latestDay < asOf.earliestDay { return false }
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
        if let asOf { parts.append("in force on \(asOf)") }
        return parts.isEmpty ? "all dates, undated evidence included" : parts.joined(separator: ", ") + " (undated evidence left out)"
    }
}

/// A bound of a time window that is not a date, or an until before the since.
public struct TimeWindowError: Error, Sendable, Hashable, CustomStringConvertible {
    /// "since", "until" or "as-of".
    public var bound: String
    public var message: String

    public var description: String { "\(bound) \(message)" }
}
