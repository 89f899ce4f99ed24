import DiplomapCore

/// One recorded vote of the General Assembly: a resolution, an amendment or a paragraph.
public struct RollCall: Sendable, Hashable {
    /// Voeten's roll-call id, the key that joins votes, roll calls and issues.
    public var rcid: Int
    /// The General Assembly session: session 1 opened in 1946, so the year is `session + 1945`.
    public var session: Int
    public var date: PartialDate?
    /// The resolution symbol, such as `R/47/12`.
    public var resolution: String
    /// A short title, when the data gives one.
    public var title: String
    /// Bits of the `UNIssue` codes this roll call carries.
    var issueBits: UInt8

    /// The UN issue codes of this roll call (zero or more).
    public var issues: [UNIssue] { UNIssue.allCases.filter { issueBits & $0.bit != 0 } }

    /// The year a session stands for in Voeten's data, the year it opened.
    public static func year(ofSession session: Int) -> Int { session + 1945 }

    /// The session that opened in `year`.
    public static func session(ofYear year: Int) -> Int { year - 1945 }
}
