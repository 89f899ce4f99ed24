import DiplomapCore

/// The six issue codes Voeten's data gives roll calls, and the taxonomy issue each one is evidence on.
public enum UNIssue: String, Sendable, Codable, CaseIterable, Comparable {
    /// Palestinian conflict.
    case me
    /// Nuclear weapons and nuclear material.
    case nu
    /// Arms control and disarmament.
    case di
    /// Human rights.
    case hr
    /// Colonialism.
    case co
    /// Economic development.
    case ec

    /// The name the data set gives the code.
    public var label: String {
        switch self {
        case .me: "Palestinian conflict"
        case .nu: "Nuclear weapons and nuclear material"
        case .di: "Arms control and disarmament"
        case .hr: "Human rights"
        case .co: "Colonialism"
        case .ec: "Economic development"
        }
    }

    /// The bit of this code in a roll call's issue set.
    var bit: UInt8 { 1 << UInt8(Self.allCases.firstIndex(of: self)!) }

    public static func < (lhs: UNIssue, rhs: UNIssue) -> Bool { lhs.bit < rhs.bit }
}

/// A set of UN issue codes, selecting the roll calls that carry any of them; the empty set selects every roll call.
public struct UNIssueSet: Sendable, Hashable, CustomStringConvertible {
    let bits: UInt8

    /// Every roll call, whatever its issues.
    public static let all = UNIssueSet(bits: 0)

    /// Roll calls carrying any of `issues`.
    public init(_ issues: [UNIssue]) { bits = issues.reduce(0) { $0 | $1.bit } }

    init(bits: UInt8) { self.bits = bits }

    /// Whether a roll call with issue bits `issues` is selected.
    func selects(_ issues: UInt8) -> Bool { bits == 0 || issues & bits != 0 }

    /// The codes, or `all`: `nu+di`.
    public var description: String {
        bits == 0 ? "all" : UNIssue.allCases.filter { bits & $0.bit != 0 }.map(\.rawValue).joined(separator: "+")
    }
}

/// How a state voted on one roll call; `absent` covers absence and non-membership, which the data does not separate.
public enum VoteChoice: UInt8, Sendable, CaseIterable {
    case absent = 0, yes = 1, abstain = 2, no = 3
}
