/// The code systems a country can be looked up by.
public enum CodeSystem: String, Sendable, CaseIterable {
    case iso3, iso2
    /// UN M49, the same numbers as ISO 3166-1 numeric.
    case m49
    /// Correlates of War: the number or the letter code.
    case cow
    /// Gleditsch and Ward: the number or the letter code.
    case gw
    /// FIPS 10-4, as GDELT geography uses it.
    case fips
    /// CAMEO actor country codes, as GDELT and ICEWS actors use them.
    case cameo
}

/// A failed look-up, with the nearest names to suggest.
public struct LookupError: Error, Sendable, Equatable, CustomStringConvertible {
    public var query: String
    public var suggestions: [String]

    public init(query: String, suggestions: [String]) {
        self.query = query
        self.suggestions = suggestions
    }

    public var description: String {
        let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.map { "\"\($0)\"" }.joined(separator: ", "))?"
        return "unknown country or group \"\(query)\"\(hint)"
    }
}

/// A problem in the registry's own data, found when it is built.
public struct RegistryError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(message: String) { self.message = message }

    public var description: String { message }
}

/// Every state and group diplomap knows, looked up by any code, name, alias, demonym or capital.
///
/// Where a key is ambiguous (COW 365 is the USSR and Russia; "Moscow" is the
/// capital of both) a current state wins over a historical one, and a name
/// over an alias, a capital or a demonym.
public struct CountryRegistry: Sendable {
    /// All states, ordered by ISO3 code.
    public let countries: [Country]
    /// All groups, ordered by code.
    public let groups: [Group]

    private let byISO3: [String: Country]
    private let byGroupCode: [String: Group]
    private let codeIndex: [CodeSystem: [String: [String]]]
    /// Name key → candidates as (actor code, strength); lower strength wins.
    private let nameIndex: [String: [(code: String, strength: Int)]]

    /// Builds the registry; throws when codes collide or a group names an unknown state.
    public init(countries: [Country], groups: [Group] = []) throws(RegistryError) {
        var byISO3: [String: Country] = [:]
        for country in countries {
            guard byISO3.updateValue(country, forKey: country.iso3) == nil else {
                throw RegistryError(message: "country \(country.iso3) is listed twice")
            }
        }
        var byGroupCode: [String: Group] = [:]
        for group in groups {
            guard byISO3[group.code] == nil else { throw RegistryError(message: "group code \(group.code) is also a country code") }
            guard byGroupCode.updateValue(group, forKey: group.code) == nil else {
                throw RegistryError(message: "group \(group.code) is listed twice")
            }
            if let unknown = (group.members + group.observers).first(where: { byISO3[$0] == nil }) {
                throw RegistryError(message: "group \(group.code) names unknown country \(unknown)")
            }
        }
        self.countries = countries.sorted { $0.iso3 < $1.iso3 }
        self.groups = groups.sorted { $0.code < $1.code }
        self.byISO3 = byISO3
        self.byGroupCode = byGroupCode

        var codeIndex: [CodeSystem: [String: [String]]] = [:]
        func add(_ system: CodeSystem, _ key: String?, _ iso3: String) {
            guard let key, !key.isEmpty else { return }
            codeIndex[system, default: [:]][key.uppercased(), default: []].append(iso3)
        }
        var nameIndex: [String: [(code: String, strength: Int)]] = [:]
        func addName(_ name: String, _ code: String, _ strength: Int) {
            let key = NameKey.make(name)
            guard !key.isEmpty else { return }
            nameIndex[key, default: []].append((code, strength))
        }
        for country in self.countries {
            let iso3 = country.iso3
            add(.iso3, iso3, iso3)
            add(.iso2, country.iso2, iso3)
            add(.m49, country.isoNumeric, iso3)
            add(.cow, country.cowNumber.map(String.init), iso3)
            add(.cow, country.cowCode, iso3)
            add(.gw, country.gwNumber.map(String.init), iso3)
            add(.gw, country.gwCode, iso3)
            country.fips.forEach { add(.fips, $0, iso3) }
            add(.cameo, country.cameo, iso3)
            addName(country.name, iso3, 0)
            addName(country.shortName, iso3, 0)
            country.aliases.forEach { addName($0, iso3, 1) }
            country.capitals.forEach { addName($0, iso3, 2) }
            country.demonyms.forEach { addName($0, iso3, 2) }
        }
        for group in self.groups {
            addName(group.name, group.code, 0)
            group.aliases.forEach { addName($0, group.code, 1) }
        }
        self.codeIndex = codeIndex
        self.nameIndex = nameIndex
    }

    /// The state with this ISO3 code.
    public func country(iso3: String) -> Country? { byISO3[iso3.uppercased()] }

    /// The group with this code, in any letter case.
    public func group(code: String) -> Group? { byGroupCode[code.uppercased()] }

    /// The state a code of one system stands for; a current state wins where the code is shared.
    public func country(code: String, system: CodeSystem) -> Country? {
        var key = code.trimmingSpaces.uppercased()
        if system == .m49, key.count < 3, key.allSatisfy(\.isNumber) { key = String(repeating: "0", count: 3 - key.count) + key }
        guard let codes = codeIndex[system]?[key] else { return nil }
        return best(codes.map { ($0, 0) })
    }

    /// Resolves what a person or a source wrote: a group code, an ISO3, ISO2 or M49 code, a name,
    /// alias, capital or demonym, then FIPS, CAMEO, COW and G&W codes, in that order.
    public func resolve(_ query: String) throws(LookupError) -> Actor {
        let trimmed = String(query.trimmingSpaces)
        if let group = group(code: trimmed) { return .group(group) }
        let plain = trimmed.count <= 4 && trimmed.allSatisfy { $0.isLetter || $0.isNumber }
        if plain {
            for system in [CodeSystem.iso3, .iso2, .m49] {
                if let country = country(code: trimmed, system: system) { return .country(country) }
            }
        }
        if let candidates = nameIndex[NameKey.make(trimmed)], let actor = bestActor(candidates) { return actor }
        if plain {
            for system in [CodeSystem.fips, .cameo, .cow, .gw] {
                if let country = country(code: trimmed, system: system) { return .country(country) }
            }
        }
        throw LookupError(query: query, suggestions: suggestions(for: trimmed))
    }

    /// Resolves a query that must name one state, not a group.
    public func resolveCountry(_ query: String) throws(LookupError) -> Country {
        if case .country(let country) = try resolve(query) { return country }
        throw LookupError(query: query, suggestions: [])
    }

    /// States whose code, name, alias, capital or demonym contains the query, best matches first.
    public func search(_ query: String) -> [Country] {
        if let actor = try? resolve(query), case .country(let country) = actor { return [country] }
        let key = NameKey.make(query)
        guard !key.isEmpty else { return countries }
        return countries.filter { country in
            ([country.name, country.shortName] + country.aliases + country.capitals + country.demonyms)
                .contains { NameKey.make($0).contains(key) }
        }
    }

    /// The ISO3 codes an actor code stands for: itself for a state, the members for a group.
    public func members(of code: String) -> [String] {
        if let group = group(code: code) { return group.members }
        return [code]
    }

    /// A name for display: the short name of a state, the code of a group, else the code itself.
    public func displayName(_ code: String) -> String {
        if let country = country(iso3: code) { return country.shortName }
        return group(code: code)?.code ?? code
    }

    /// Up to three names nearest to the query, for "did you mean".
    public func suggestions(for query: String, limit: Int = 3) -> [String] {
        let key = NameKey.make(query)
        guard !key.isEmpty else { return [] }
        let length = key.count
        let limitDistance = max(2, length / 3)
        var nearest: [String: Int] = [:]
        for (name, candidates) in nameIndex {
            // The edit distance is at least the difference in length: names too long or too short are passed over
            // unmeasured, so a long query (an address may hold 8 KiB) costs one pass over the names, not seconds.
            let distance: Int
            if name.hasPrefix(key) {
                distance = 0
            } else if abs(name.count - length) > limitDistance {
                continue
            } else {
                distance = NameKey.distance(key, name)
            }
            guard distance <= limitDistance else { continue }
            for candidate in candidates {
                let label = displayName(candidate.code)
                nearest[label] = min(nearest[label] ?? .max, distance)
            }
        }
        return nearest.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.prefix(limit).map(\.key)
    }

    private func best(_ candidates: [(String, Int)]) -> Country? {
        candidates.compactMap { code, strength in byISO3[code].map { ($0, strength) } }
            .min { ($0.1, $0.0.status.rank, $0.0.iso3) < ($1.1, $1.0.status.rank, $1.0.iso3) }?.0
    }

    private func bestActor(_ candidates: [(code: String, strength: Int)]) -> Actor? {
        if let group = candidates.filter({ byGroupCode[$0.code] != nil }).min(by: { $0.strength < $1.strength }),
           candidates.allSatisfy({ $0.strength >= group.strength }) {
            return byGroupCode[group.code].map(Actor.group)
        }
        return best(candidates.map { ($0.code, $0.strength) }).map(Actor.country)
    }
}

extension Country.Status {
    /// Ranks statuses for ambiguous look-ups: current states first.
    var rank: Int {
        switch self {
        case .member: 0
        case .observer: 1
        case .nonMember: 2
        case .historical: 3
        }
    }
}

extension CountryRegistry {
    /// The names a text may use for an actor: a state's names, aliases, capitals and demonyms;
    /// a group's name, aliases and code, and the names of its members.
    public func names(of code: String) -> [String] {
        if let country = country(iso3: code) {
            return [country.name, country.shortName] + country.aliases + country.capitals + country.demonyms
        }
        guard let group = group(code: code) else { return [code] }
        return [group.code, group.name] + group.aliases + group.members.flatMap { names(of: $0) }
    }

    /// Whether `text` names the actor by any of its names, as whole words, ignoring case and diacritics.
    public func isMentioned(_ code: String, in text: String) -> Bool {
        let haystack = " " + NameKey.make(text) + " "
        return names(of: code).contains { name in
            let key = NameKey.make(name)
            return !key.isEmpty && haystack.contains(" " + key + " ")
        }
    }
}

extension CountryRegistry {
    /// Resolves a comma-separated list of codes and names ("C5, Japan, KOR"), in order, each side once.
    public func resolveList(_ list: String) throws(LookupError) -> [Actor] {
        var actors: [Actor] = []
        var seen = Set<String>()
        for item in list.split(separator: ",") {
            let query = String(item.trimmingSpaces)
            guard !query.isEmpty else { continue }
            let actor = try resolve(query)
            if seen.insert(actor.code).inserted { actors.append(actor) }
        }
        return actors
    }

    /// The ISO3 codes of the states a comma-separated list stands for, groups as their members, each once.
    public func resolveStates(_ list: String) throws(LookupError) -> [String] {
        var seen = Set<String>()
        return try resolveList(list).flatMap(\.memberCodes).filter { seen.insert($0).inserted }
    }
}
