import DiplomapCore

/// Which map to make: the focus, the partners, the period, and which issues and kinds of source to count.
///
/// The same request serves the command line, the web pages and the JSON API,
/// so that a map is the same wherever it is asked for.
public struct MapRequest: Sendable, Hashable {
    /// A group (its members become rows too) or a comma-separated list of states: codes or names.
    public var focus: String
    /// Comma-separated partner states or groups: codes or names.
    public var partners: String
    public var window: TimeWindow
    /// Only these issues; `nil` for all.
    public var issues: Set<Issue>?
    /// Only these kinds of source; `nil` for all.
    public var kinds: Set<SourceKind>?

    public static let defaultFocus = "C5"
    public static let defaultPartners = "IND,JPN,IRN,TUR,KOR"

    public init(
        focus: String = MapRequest.defaultFocus, partners: String = MapRequest.defaultPartners, window: TimeWindow = TimeWindow(),
        issues: Set<Issue>? = nil, kinds: Set<SourceKind>? = nil
    ) {
        self.focus = focus
        self.partners = partners
        self.window = window
        self.issues = issues
        self.kinds = kinds
    }

    /// The map's row sides (a focus group followed by its members) and its partner sides, as codes.
    public func sides(_ registry: CountryRegistry) throws -> (focus: [String], partners: [String]) {
        (try Self.sides(focus, "focus", registry, expandGroups: true), try Self.sides(partners, "partners", registry, expandGroups: false))
    }

    private static func sides(_ list: String, _ name: String, _ registry: CountryRegistry, expandGroups: Bool) throws -> [String] {
        let codes = try registry.resolveList(list).flatMap { actor in
            if expandGroups, case .group(let group) = actor { return [actor.code] + group.members }
            return [actor.code]
        }
        guard !codes.isEmpty else { throw WorkspaceError("\(name): give at least one state or group") }
        var seen = Set<String>()
        return codes.filter { seen.insert($0).inserted }
    }
}
