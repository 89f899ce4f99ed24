/// A named group of states: a region such as the C5, or an organisation such as the SCO.
///
/// A group can be a side of evidence in its own right: a C5+Japan summit is
/// one fact between `C5` and `JPN`, not five.
public struct Group: Sendable, Hashable, Codable {
    /// Whether the group is a region or an organisation with members.
    public enum Kind: String, Sendable, Codable {
        case region, organisation
    }

    /// Upper-case code, never an ISO3 code, e.g. `C5`, `SCO`, `OTS`.
    public var code: String
    public var name: String
    public var kind: Kind
    /// ISO3 codes of the members.
    public var members: [String]
    /// ISO3 codes of the observers, for organisations that have them.
    public var observers: [String]
    /// Other names a text or a user may use for the group, e.g. "Central Asia".
    public var aliases: [String]
    /// The date the member list holds for.
    public var asOf: PartialDate?
    /// The source that states the member list.
    public var citation: Citation

    public init(
        code: String, name: String, kind: Kind, members: [String], observers: [String] = [],
        aliases: [String] = [], asOf: PartialDate? = nil, citation: Citation
    ) {
        self.code = code
        self.name = name
        self.kind = kind
        self.members = members
        self.observers = observers
        self.aliases = aliases
        self.asOf = asOf
        self.citation = citation
    }
}
