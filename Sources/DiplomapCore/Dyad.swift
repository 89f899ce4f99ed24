/// An unordered pair of actors (countries or groups), the unit the relation map is made of.
public struct Dyad: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The first code in alphabetical order.
    public let first: String
    /// The second code in alphabetical order.
    public let second: String

    /// Makes the pair in canonical order, so that `Dyad("JPN", "KAZ") == Dyad("KAZ", "JPN")`.
    public init(_ a: String, _ b: String) {
        (first, second) = a <= b ? (a, b) : (b, a)
    }

    /// Parses `KAZ-JPN` (or `KAZ/JPN`, `KAZ:JPN`); `nil` without two non-empty sides.
    public init?(parsing text: String) {
        let parts = text.split(whereSeparator: { "-/:".contains($0) }).map(String.init)
        guard parts.count == 2 else { return nil }
        self.init(parts[0], parts[1])
    }

    /// Whether `code` is one of the two sides.
    public func contains(_ code: String) -> Bool { first == code || second == code }

    /// The side that is not `code`, or `nil` when `code` is not a side.
    public func other(than code: String) -> String? {
        if first == code { return second }
        if second == code { return first }
        return nil
    }

    public static func < (lhs: Dyad, rhs: Dyad) -> Bool { (lhs.first, lhs.second) < (rhs.first, rhs.second) }

    public var description: String { "\(first)-\(second)" }
}
