import DiplomapCore

/// The answers to "do the issues differ from country to country, or are they region-wide?": a partner × issue
/// table of pattern classes with its legend, at most three sentences per partner, the variance shares each said
/// in a sentence, and the most and least alike states.
public struct PatternSection: Sendable {
    public var patterns: Patterns
    public var registry: CountryRegistry
    /// Where the pairs and cells lead: the report's anchors or the web app's pages.
    public var links: ReportLinks

    public init(patterns: Patterns, registry: CountryRegistry, links: ReportLinks = .inPage) {
        self.patterns = patterns
        self.registry = registry
        self.links = links
    }

    /// The symbol of a pattern class.
    public static func symbol(_ reach: Patterns.Reach) -> String {
        switch reach {
        case .regionWide: "■"
        case .specific: "▲"
        case .mixed: "◆"
        case .absent: "·"
        }
    }

    /// The section, with its heading.
    public func render() -> String {
        let name: (String) -> String = { code in code == patterns.group ? "the \(code)" : registry.displayName(code) }
        let sentences = patterns.partners.compactMap { partner -> String? in
            let mine = patterns.sentences(name: name).filter { $0.partner == partner }
            guard !mine.isEmpty else { return nil }
            let items = mine.map { sentence in
                let clauses = sentence.clauses.map { clause in
                    "<a href=\"\(HTML.escape(links.cell(clause.focus, clause.partner, clause.issue)))\">\(HTML.escape(clause.text))</a>"
                }
                return "<li>\(HTML.escape(sentence.lead))\(Self.list(clauses)).</li>"
            }
            return "<li><strong>\(HTML.escape(registry.displayName(partner)))</strong><ul>\(items.joined())</ul></li>"
        }
        let d = patterns.decomposition
        let shares = [
            ("Partner", d.partner, "how far the scores differ from one partner to another, whatever the state and the issue"),
            ("Focus state", d.focus, "how far they differ from one focus state to another, whatever the partner and the issue"),
            ("Issue", d.issue, "how far they differ from one issue to another, whatever the pair"),
            ("Interactions", d.interaction, "what is left: one state with one partner on one issue, such as a single border dispute"),
        ]
        let table = shares.map { "<tr><th scope=\"row\">\($0.0)</th><td class=\"num\">\(ReportNames.percent($0.1))</td><td>\($0.2).</td></tr>" }.joined()
        let alike = patterns.similarities.prefix(3).map { "\(registry.displayName($0.a)) and \(registry.displayName($0.b)) (\(String(format: "%.2f", $0.cosine)))" }
        let unlike = patterns.similarities.suffix(2).reversed().map { "\(registry.displayName($0.a)) and \(registry.displayName($0.b)) (\(String(format: "%.2f", $0.cosine)))" }
        return """
        <section id="patterns"><h2>Patterns: region-wide or country-specific?</h2>
        <p class="note">For each partner and issue, the focus states' cells are read for their direction (a score beyond ±\(Patterns.directionBand)); \
        cells resting on UN votes alone measure voting alignment and take no part. The counts are of states whose cells agree in direction. \
        Click a symbol for its evidence.</p>
        \(classTable(name: name))
        \(Self.legend)
        <h3>What stands out, partner by partner</h3>
        <ul class="sentences">\(sentences.joined())</ul>
        <h3>Where the differences come from</h3>
        <p class="note">The scores (states × partners × issues, 0 where there is no evidence) vary; each share says how much of that variation one factor explains.</p>
        <table class="shares"><tbody>\(table)</tbody></table>
        \(alike.isEmpty ? "" : "<p>Most alike in how they relate to the partners: \(HTML.escape(alike.joined(separator: "; "))). Least alike: \(HTML.escape(unlike.joined(separator: "; "))). (Cosine similarity of the states' score profiles, from −1 to 1.)</p>")
        </section>
        """
    }

    /// The symbols and colours of the table.
    public static var legend: String {
        let items = [
            "<li><span class=\"swatch co\">■+</span> region-wide: more than half of the states agree in direction, or the group as a whole with none against</li>",
            "<li><span class=\"swatch co\">▲+</span> country-specific: fewer states, none against (named by code)</li>",
            "<li><span class=\"swatch\">◆</span> mixed: states pull in opposite directions, or none takes a side</li>",
            "<li><span class=\"swatch\">v</span> UN votes only: no class</li>",
            "<li><span class=\"swatch\">·</span> absent: no evidence</li>",
            "<li><span class=\"swatch co\">+</span> cooperation, <span class=\"swatch cf\">−</span> conflict</li>",
        ]
        return "<ul class=\"legend\" aria-label=\"Legend of the pattern table\">\(items.joined())</ul>"
    }

    /// The partner × issue table of pattern classes.
    func classTable(name: (String) -> String) -> String {
        let head = Issue.allCases.map { "<th scope=\"col\" class=\"issue\" title=\"\(HTML.escape($0.summary))\"><span>\(HTML.escape($0.label))</span></th>" }.joined()
        let rows = patterns.partners.map { partner -> String in
            let cells = Issue.allCases.map { issue -> String in
                guard let pattern = patterns.pattern(partner: partner, issue: issue) else { return "<td class=\"absent\">·</td>" }
                return cell(pattern, name: name)
            }.joined()
            return "<tr><th scope=\"row\">\(HTML.escape(registry.displayName(partner)))</th>\(cells)</tr>"
        }
        return "<div class=\"scroll\"><table class=\"patterns\"><thead><tr><th scope=\"col\">Partner</th>\(head)</tr></thead><tbody>\(rows.joined())</tbody></table></div>"
    }

    private func cell(_ pattern: Patterns.IssuePattern, name: (String) -> String) -> String {
        let sign = pattern.direction == .cooperation ? "+" : pattern.direction == .conflict ? "−" : ""
        let colour = pattern.direction == .cooperation ? " co" : pattern.direction == .conflict ? " cf" : ""
        var words: String
        switch pattern.reach {
        case .regionWide:
            var basis: [String] = []
            if pattern.groupLevel, let group = patterns.group { basis.append("\(group) as a whole") }
            if !pattern.agreeing.isEmpty { basis.append("\(pattern.agreeing.count) of \(patterns.states.count) states agree") }
            words = "region-wide \(pattern.direction.rawValue) (\(basis.joined(separator: "; ")))"
            if !pattern.opposing.isEmpty { words += "; against: \(Self.plain(pattern.opposing.map(name)))" }
            if pattern.thin { words += "; thinly attested (one piece or undated only)" }
        case .specific: words = "\(pattern.direction.rawValue) specific to \(Self.plain(pattern.agreeing.map(name)))"
        case .mixed: words = "mixed: no direction shared by most"
        case .absent: words = "UN votes only (voting alignment): no class"
        }
        let tip = "\(registry.displayName(pattern.partner)) · \(pattern.issue.label): \(words)"
        let text: String
        switch pattern.reach {
        case .absent: text = "v"
        case .specific: text = "▲\(sign)<small>\(pattern.agreeing.joined(separator: " "))</small>"
        default: text = Self.symbol(pattern.reach) + sign
        }
        let focus = pattern.reach == .absent ? (pattern.votesOnly.first ?? "") : pattern.groupLevel ? (patterns.group ?? pattern.states.first ?? "") : (pattern.agreeing.first ?? pattern.states.first ?? "")
        return "<td class=\"\(pattern.reach == .absent ? "votes" : pattern.reach.rawValue)\(colour)\(pattern.thin ? " thin" : "")\"><a href=\"\(HTML.escape(links.cell(focus, pattern.partner, pattern.issue)))\" "
            + "title=\"\(HTML.escape(tip))\" aria-label=\"\(HTML.escape(tip))\">\(text)</a></td>"
    }

    /// "A", "A and B", "A, B and C", for text already escaped or plain.
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    static func plain(_ items: [String]) -> String { list(items) }
}
