import DiplomapCore
import DiplomapReport
import DiplomapWorkspace

/// The results of a search that named no single state or pair: what it found, what it did not, and suggestions.
public struct SearchPage: Sendable {
    public var results: SearchResults
    /// The filters the links keep.
    public var request: MapRequest
    public var registry: CountryRegistry

    public init(results: SearchResults, request: MapRequest, registry: CountryRegistry) {
        self.results = results
        self.request = request
        self.registry = registry
    }

    /// The whole page.
    public func render() -> String {
        var parts: [String] = []
        if results.query.isEmpty {
            parts.append("<p>Type the name, code, capital or demonym of a state, or two of them for a pair: “Uzbekistan and South Korea”, “UZB-KOR”, “Uzbek Korean”.</p>")
        }
        if !results.found.isEmpty {
            let items = results.found.map { code in
                registry.country(iso3: code) != nil
                    ? "<li><a href=\"\(HTML.escape(WebPaths.country(code, request)))\">\(HTML.escape(registry.displayName(code)))</a> (\(HTML.escape(code)))</li>"
                    : "<li>\(HTML.escape(registry.group(code: code)?.name ?? code)) (\(HTML.escape(code)))</li>"
            }
            parts.append("<h2>States and groups found</h2><ul class=\"found\">\(items.joined())</ul>")
            if results.found.count > 2 {
                let pairs = zip(results.found, results.found.dropFirst()).map { a, b in
                    "<li><a href=\"\(HTML.escape(WebPaths.dyad(a, b, request)))\">\(HTML.escape(ReportNames.pair(a, b, registry)))</a></li>"
                }
                parts.append("<p>A pair page shows two states; these pairs are among the ones named:</p><ul class=\"pairs\">\(pairs.joined())</ul>")
            }
        }
        if !results.unmatched.isEmpty {
            parts.append("<p>No state or group is called \(results.unmatched.map { "“\(HTML.escape($0))”" }.joined(separator: ", ")).</p>")
        }
        if !results.suggestions.isEmpty {
            let items = results.suggestions.map { name in
                let text = results.unmatched.count == 1 ? results.query.replacingOccurrences(of: results.unmatched[0], with: name) : name
                return "<li><a href=\"\(HTML.escape(WebPaths.search(text, request)))\">\(HTML.escape(text))</a></li>"
            }
            parts.append("<h2>Did you mean</h2><ul class=\"suggestions\">\(items.joined())</ul>")
        } else if !results.query.isEmpty, results.found.isEmpty {
            parts.append("<p>No suggestions. Try a country's name, its three-letter code or its capital.</p>")
        }
        let heading = results.query.isEmpty ? "Search" : "Search for “\(HTML.escape(results.query))”"
        let main = """
        <nav class="crumbs" aria-label="Breadcrumb"><a href="\(HTML.escape(WebPaths.map(request)))">Map</a> › <span aria-current="page">Search</span></nav>
        <h1>\(heading)</h1>
        \(parts.joined(separator: "\n"))
        """
        return PageLayout(title: "Search", request: request, query: results.query).render(main)
    }
}
