import Foundation

/// One event file a GDELT index lists: its size and MD5 as published, where it is, and the time its name starts with.
public struct FeedFile: Sendable, Hashable {
    /// The size in bytes the index gives.
    public let size: Int
    /// The MD5 the index gives, in lowercase hexadecimal.
    public let md5: String
    /// The address, already moved onto the feed's base address (a mirror's, when one is given).
    public let url: URL
    /// The digits the name starts with: `YYYYMMDDHHMMSS` for GDELT 2.0, `YYYYMMDD` (or a year or month) for GDELT 1.0.
    public let stamp: String

    /// The file's name, which is also its name in the cache.
    public var name: String { url.lastPathComponent }

    public init(size: Int, md5: String, url: URL) {
        self.size = size
        self.md5 = md5.lowercased()
        self.url = url
        stamp = String(url.lastPathComponent.prefix { $0.isASCII && $0.isNumber })
    }
}

/// The period of files to fetch, compared on the time their names carry; both ends are inclusive.
public struct FeedPeriod: Sendable, Equatable {
    /// The first time kept, as 14 digits, or `nil` for no lower bound.
    public let since: String?
    /// The last time kept, as 14 digits, or `nil` for no upper bound.
    public let until: String?

    /// Reads `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS]` or the same as bare digits; `until` covers the
    /// whole of the period it names (`--until 2024-01-01` keeps that day's last file).
    public init(since: String? = nil, until: String? = nil) throws {
        self.since = try since.map { try Self.digits($0, option: "since", pad: "0") }
        self.until = try until.map { try Self.digits($0, option: "until", pad: "9") }
        if let from = self.since, let to = self.until, from > to {
            throw FeedError("--since \(since ?? "") is after --until \(until ?? "")")
        }
    }

    /// Whether a file's name time falls in the period; a GDELT 1.0 file of a month or a year counts from its start.
    public func contains(_ file: FeedFile) -> Bool {
        let start = file.stamp.padding(toLength: 14, withPad: "0", startingAt: 0)
        let end = file.stamp.padding(toLength: 14, withPad: "9", startingAt: 0)
        if let since, end < since { return false }
        if let until, start > until { return false }
        return true
    }

    private static func digits(_ text: String, option: String, pad: Character) throws -> String {
        let digits = text.filter { $0.isASCII && $0.isNumber }
        let separators = text.filter { !($0.isASCII && $0.isNumber) }
        guard [4, 6, 8, 10, 12, 14].contains(digits.count), separators.allSatisfy({ "-T:Z ".contains($0) }) else {
            throw FeedError("--\(option) \(text): give a date as YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS")
        }
        return digits.padding(toLength: 14, withPad: String(pad), startingAt: 0)
    }
}

/// A feed that cannot be read or a period that cannot be understood, said in one line for a person.
public struct FeedError: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}
