/// A calendar date known to the year, the month or the day, as sources give them ("2004", "2019-12", "2022-01-27").
///
/// Sources rarely give a full date for a treaty or a membership, and a made-up
/// day would be a fabricated fact, so the precision is kept.
public struct PartialDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int?
    public let day: Int?

    /// Makes a date; `nil` when the parts do not form a real calendar date.
    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1...9999).contains(year) else { return nil }
        if let month, !(1...12).contains(month) { return nil }
        if let day {
            guard let month, (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `nil` for anything else or an impossible date.
    public init?(_ text: String) {
        var text = text
        guard let date = text.withUTF8({ PartialDate(ascii: $0) }) else { return nil }
        self = date
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` from ASCII bytes, such as a database column's, without making a string.
    public init?(ascii bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 4 || bytes.count == 7 || bytes.count == 10 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = Int(bytes[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        let dash = UInt8(ascii: "-")
        guard let year = number(0..<4) else { return nil }
        var month: Int?, day: Int?
        if bytes.count >= 7 {
            guard bytes[4] == dash, let value = number(5..<7) else { return nil }
            month = value
        }
        if bytes.count == 10 {
            guard bytes[7] == dash, let value = number(8..<10) else { return nil }
            day = value
        }
        self.init(year: year, month: month, day: day)
    }

    /// The earliest day the date can mean: "2019" starts on 2019-01-01; it orders dates.
    public var earliestDay: (year: Int, month: Int, day: Int) { (year, month ?? 1, day ?? 1) }

    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool { lhs.earliestDay < rhs.earliestDay }

    /// The last day the date can mean: "2019" ends on 2019-12-31.
    public var latestDay: (year: Int, month: Int, day: Int) {
        let month = month ?? 12
        return (year, month, day ?? Self.daysIn(month: month, year: year))
    }

    public var description: String {
        withASCII { String(decoding: $0, as: UTF8.self) }
    }

    /// The date as `description` writes it, in ASCII bytes made without a string: a store writes one for each of a
    /// million rows.
    public func withASCII<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 10) { buffer in
            func put(_ value: Int, digits: Int, at start: Int) {
                var rest = value
                for index in (start..<(start + digits)).reversed() {
                    buffer[index] = UInt8(48 + rest % 10)
                    rest /= 10
                }
            }
            // A year is 1 to 9999 (`init`): four digits.
            put(year, digits: 4, at: 0)
            if let month {
                buffer[4] = UInt8(ascii: "-")
                put(month, digits: 2, at: 5)
            }
            if let day {
                buffer[7] = UInt8(ascii: "-")
                put(day, digits: 2, at: 8)
            }
            return try body(UnsafeBufferPointer(rebasing: buffer[..<(day != nil ? 10 : month != nil ? 7 : 4)]))
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = PartialDate(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a date (YYYY, YYYY-MM or YYYY-MM-DD): \(text)")
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

/// The time a piece of evidence holds for: one date, or a start and an end; an ongoing fact has no end.
public struct Period: Sendable, Hashable, Codable {
    public var start: PartialDate
    public var end: PartialDate?

    /// Makes a period; `nil` when the end comes before the start.
    public init?(start: PartialDate, end: PartialDate? = nil) {
        if let end, end.latestDay < start.earliestDay { return nil }
        self.start = start
        self.end = end
    }

    /// Whether the period is one point in time (a visit, a statement, a session): it ends when it starts.
    public var isPoint: Bool { end == start }
}
