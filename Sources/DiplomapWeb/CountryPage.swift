import DiplomapCore
import DiplomapReport
import DiplomapWorkspace

/// The page of one state, `/country/{code}`: its names and codes, capital, the groups it belongs to,
/// and its rows in the current map, each leading to the pair's page.
public struct CountryPage: Sendable {
    public var country: Country
    /// The map of the view the page was reached from; the state's rows are read from it.
    public var built: BuiltMap
    public var registry: CountryRegistry

    public init(country: Country, built: BuiltMap, registry: CountryRegistry) {
        self.country = country
        self.built = built
        self.registry = registry
    }

    /// The whole page.
    public func render() -> String {
        let request = built.request
        let main = """
        <nav class="crumbs" aria-label="Breadcrumb"><a href="\(HTML.escape(WebPaths.map(request)))">Map</a> › <span aria-current="page">\(HTML.escape(country.shortName))</span></nav>
        <h1>\(HTML.escape(country.shortName))</h1>
        <p class="meta">\(HTML.escape(country.name))</p>
        <section id="relations" aria-labelledby="relations-title"><h2 id="relations-title">In the current map</h2>
        <p class="meta">\(HTML.escape(WebText.filters(request)))</p>\(relations)</section>
        <section id="groups" aria-labelledby="groups-title"><h2 id="groups-title">Groups</h2>\(groups)</section>
        <section id="facts" aria-labelledby="facts-title"><h2 id="facts-title">Names and codes</h2>\(facts)</section>
        """
        return PageLayout(title: country.shortName, request: request).render(main)
    }

    private var facts: String {
        let rows: [(String, String?)] = [
            ("Capital", country.capitals.isEmpty ? nil : country.capitals.joined(separator: ", ")),
            ("Also called", country.aliases.isEmpty ? nil : country.aliases.joined(separator: "; ")),
            ("Demonyms", country.demonyms.isEmpty ? nil : country.demonyms.joined(separator: ", ")),
            ("UN status", country.status.rawValue),
            ("ISO 3166-1 alpha-3", country.iso3), ("ISO 3166-1 alpha-2", country.iso2), ("UN M49", country.isoNumeric),
            ("Correlates of War", Self.code(country.cowNumber, country.cowCode)), ("Gleditsch–Ward", Self.code(country.gwNumber, country.gwCode)),
            ("FIPS 10-4", country.fips.isEmpty ? nil : country.fips.joined(separator: ", ")), ("CAMEO", country.cameo),
        ]
        let items = rows.compactMap { label, value in value.map { "<dt>\(label)</dt><dd>\(HTML.escape($0))</dd>" } }
        return "<dl class=\"facts\">\(items.joined())</dl>"
    }

    private var groups: String {
        let request = built.request
        let rows = registry.groups.compactMap { group -> String? in
            let role = group.members.contains(country.iso3) ? "member" : group.observers.contains(country.iso3) ? "observer" : nil
            guard let role else { return nil }
            var asFocus = request
            asFocus.focus = group.code
            return "<li><a href=\"\(HTML.escape(WebPaths.map(asFocus)))\">\(HTML.escape(group.name)) (\(HTML.escape(group.code)))</a>: \(role)</li>"
        }
        return rows.isEmpty ? "<p>Not a member of any group diplomap knows.</p>" : "<ul>\(rows.joined())</ul>"
    }

    private var relations: String {
        let request = built.request
        let cells = built.map.cells.filter { $0.focus == country.iso3 || $0.partner == country.iso3 }
        guard !cells.isEmpty else {
            var asFocus = request
            asFocus.focus = country.iso3
            return "<p class=\"empty-state\">\(HTML.escape(country.shortName)) has no row in the current map. "
                + "<a href=\"\(HTML.escape(WebPaths.map(asFocus)))\">Map its relations with the current partners</a>.</p>"
        }
        var pairs: [(focus: String, partner: String, cells: [RelationCell])] = []
        for cell in cells {
            if let last = pairs.last, last.focus == cell.focus, last.partner == cell.partner {
                pairs[pairs.count - 1].cells.append(cell)
            } else {
                pairs.append((cell.focus, cell.partner, [cell]))
            }
        }
        let rows = pairs.map { pair -> String in
            let issues = pair.cells.map { cell in
                "<li><a href=\"\(HTML.escape(WebPaths.dyad(pair.focus, pair.partner, request, issue: cell.issue)))\">"
                    + "<span class=\"swatch\(ScoreColor.isUnconfirmed(cell) ? " thin" : "")\(cell.basis == .votes ? " votes" : "")\" "
                    + "style=\"background-color:\(ScoreColor.background(cell));color:\(ScoreColor.foreground(intensity: cell.basis == .votes ? 0 : ScoreColor.intensity(cell)))\">"
                    + "\(ScoreColor.label(score: cell.score))</span> \(HTML.escape(cell.issue.label))</a> (\(HTML.escape(ReportNames.reading(cell))))</li>"
            }
            let evidence = pair.cells.reduce(0) { $0 + $1.counts.byPolarity.total }
            return "<tr><th scope=\"row\"><a href=\"\(HTML.escape(WebPaths.dyad(pair.focus, pair.partner, request)))\">"
                + "\(HTML.escape(ReportNames.pair(pair.focus, pair.partner, registry)))</a></th><td class=\"num\">\(evidence)</td>"
                + "<td><ul class=\"inline\">\(issues.joined())</ul></td></tr>"
        }
        return """
        <table class="rows"><thead><tr><th scope="col">Pair</th><th scope="col">Evidence</th><th scope="col">Issues (sign and count)</th></tr></thead>
        <tbody>\(rows.joined())</tbody></table>
        """
    }

    private static func code(_ number: Int?, _ letters: String?) -> String? {
        let parts = [number.map(String.init), letters].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }
}
