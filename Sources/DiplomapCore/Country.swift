/// A state, with every code and name that sources use for it.
///
/// The ISO 3166-1 alpha-3 code is its identity; historical states that the UN
/// vote data uses (SUN, YUG, CSK, DDR, YAR, YMD…) carry their ISO 3166-3 or
/// COW code in its place.
public struct Country: Sendable, Hashable, Codable {
    /// Membership status in the United Nations, which also ranks ambiguous names:
    /// a current state wins over a historical one.
    public enum Status: String, Sendable, Codable {
        case member, observer, nonMember = "non-member", historical
    }

    public var iso3: String
    public var iso2: String?
    /// UN M49 / ISO 3166-1 numeric code, three digits with leading zeros.
    public var isoNumeric: String?
    public var name: String
    public var shortName: String
    public var cowNumber: Int?
    public var cowCode: String?
    public var gwNumber: Int?
    public var gwCode: String?
    /// FIPS 10-4 codes, as GDELT geography uses them; Palestine has two.
    public var fips: [String]
    /// CAMEO actor country code, as GDELT and ICEWS actors use it.
    public var cameo: String?
    public var capitals: [String]
    public var aliases: [String]
    public var demonyms: [String]
    public var status: Status

    public init(
        iso3: String, iso2: String? = nil, isoNumeric: String? = nil, name: String, shortName: String,
        cowNumber: Int? = nil, cowCode: String? = nil, gwNumber: Int? = nil, gwCode: String? = nil,
        fips: [String] = [], cameo: String? = nil, capitals: [String] = [], aliases: [String] = [],
        demonyms: [String] = [], status: Status = .member
    ) {
        self.iso3 = iso3
        self.iso2 = iso2
        self.isoNumeric = isoNumeric
        self.name = name
        self.shortName = shortName
        self.cowNumber = cowNumber
        self.cowCode = cowCode
        self.gwNumber = gwNumber
        self.gwCode = gwCode
        self.fips = fips
        self.cameo = cameo
        self.capitals = capitals
        self.aliases = aliases
        self.demonyms = demonyms
        self.status = status
    }
}
