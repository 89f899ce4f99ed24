import DiplomapCore
import DiplomapWorkspace

/// Where a search leads: straight to a page (the server answers 303 See Other) or to a page of results.
public enum SearchOutcome: Sendable, Equatable {
    /// The address to redirect to: `/country/X`, `/dyad/A-B` or the map focused on a group, with the filters.
    case redirect(String)
    /// No single answer: the results page to show.
    case results(SearchResults)
}

/// What a search found when it could not pick one state or one pair.
public struct SearchResults: Sendable, Equatable {
    public var query: String
    /// The states and groups named in the query, in the order written.
    public var found: [String]
    /// Words of the query that name nothing.
    public var unmatched: [String]
    /// States or groups (display names, with their codes) the query might have meant.
    public var suggestions: [String]
}

/// Resolves what a person typed in the search box with the registry: names, codes, capitals and demonyms.
///
/// "Uzbekistan", "UZB" and "Tashkent" lead to the state; "Uzbekistan and South Korea", "UZB-KOR" and
/// "Uzbek Korean" lead to the pair; anything else to results with suggestions.
public struct SiteSearch: Sendable {
    public var registry: CountryRegistry

    public init(registry: CountryRegistry) { self.registry = registry }

    /// Words that join names rather than name anything ("and" is also Andorra's code, "in" India's).
    static let joiningWords: Set<String> = ["and", "with", "vs", "versus", "between", "relations", "relation", "of", "in", "on", "the", "&", "to"]
    /// The longest run of words tried as one name.
    static let longestName = 6

    /// The page a query leads to, keeping the filters of `request` in the address.
    public func resolve(_ query: String, request: MapRequest = MapRequest()) -> SearchOutcome {
        let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return .results(SearchResults(query: query, found: [], unmatched: [], suggestions: [])) }
        if let actor = try? registry.resolve(trimmed) { return .redirect(target([actor], request)) }
        let (actors, unmatched) = actors(in: trimmed)
        if unmatched.isEmpty, actors.count == 1 || actors.count == 2 { return .redirect(target(actors, request)) }
        let suggestions = (unmatched.isEmpty ? [trimmed] : unmatched).flatMap { registry.suggestions(for: $0) }
            + registry.search(trimmed).prefix(5).map(\.shortName)
        var seen = Set<String>()
        return .results(SearchResults(
            query: trimmed, found: actors.map(\.code), unmatched: unmatched,
            suggestions: suggestions.filter { seen.insert($0).inserted }
        ))
    }

    /// The states and groups a query names, longest names first, each once, and the words that name nothing.
    func actors(in query: String) -> (actors: [Actor], unmatched: [String]) {
        let words = query.split(whereSeparator: { $0.isWhitespace || ",;/+–—-".contains($0) }).map(String.init)
        var actors: [Actor] = []
        var unmatched: [String] = []
        var position = 0
        while position < words.count {
            var matched = false
            for length in stride(from: min(Self.longestName, words.count - position), through: 1, by: -1) {
                let phrase = words[position..<position + length].joined(separator: " ")
                if length == 1, Self.joiningWords.contains(phrase.lowercased()) { break }
                if let actor = try? registry.resolve(phrase) {
                    if !actors.contains(actor) { actors.append(actor) }
                    position += length
                    matched = true
                    break
                }
            }
            if !matched {
                if !Self.joiningWords.contains(words[position].lowercased()) { unmatched.append(words[position]) }
                position += 1
            }
        }
        return (actors, unmatched)
    }

    /// One state: its page; a group: the map focused on it; two sides: the pair, the focus side first.
    private func target(_ actors: [Actor], _ request: MapRequest) -> String {
        if actors.count == 2 {
            let (a, b) = (actors[0].code, actors[1].code)
            let focus = (try? request.sides(registry).focus) ?? []
            return !focus.contains(a) && focus.contains(b) ? WebPaths.dyad(b, a, request) : WebPaths.dyad(a, b, request)
        }
        switch actors[0] {
        case .country(let country): return WebPaths.country(country.iso3, request)
        case .group(let group):
            var focused = request
            focused.focus = group.code
            return WebPaths.map(focused)
        }
    }
}
