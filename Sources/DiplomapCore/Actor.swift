/// A side of a relation: one state, or a group of states acting or treated as one.
public enum Actor: Sendable, Hashable {
    case country(Country)
    case group(Group)

    /// The code evidence uses for this side: ISO3 for a state, the group code for a group.
    public var code: String {
        switch self {
        case .country(let country): country.iso3
        case .group(let group): group.code
        }
    }

    /// The name people know it by.
    public var name: String {
        switch self {
        case .country(let country): country.shortName
        case .group(let group): group.name
        }
    }

    /// The ISO3 codes of the states the side stands for.
    public var memberCodes: [String] {
        switch self {
        case .country(let country): [country.iso3]
        case .group(let group): group.members
        }
    }
}
