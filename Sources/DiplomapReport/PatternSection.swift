import DiplomapCore

/// The answers to "do the issues differ from country to country, or are they region-wide?":
/// one sentence per partner, the variance decomposition and the most and least alike states.
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

    /// The section, with its heading.
    public func render() -> String {
        let name: (String) -> String = { code in code == patterns.group ? "the \(code)" : registry.displayName(code) }
        let sentences = patterns.sentences(name: name).map { sentence in
            let clauses = sentence.clauses.map { clause in
                "<a href=\"\(HTML.escape(links.cell(clause.focus, clause.partner, clause.issue)))\">\(HTML.escape(clause.text))</a>"
            }
            return "<li><strong>\(HTML.escape(registry.displayName(sentence.partner)))</strong>: \(clauses.joined(separator: "; ")).</li>"
        }
        let d = patterns.decomposition
        let shares = [("Partner", d.partner), ("Focus state", d.focus), ("Issue", d.issue), ("Interactions (one state with one partner on one issue)", d.interaction)]
        let table = shares.map { "<tr><td>\($0.0)</td><td class=\"num\">\(ReportNames.percent($0.1))</td></tr>" }.joined()
        let alike = patterns.similarities.prefix(3).map { "\(registry.displayName($0.a)) and \(registry.displayName($0.b)) (\(String(format: "%.2f", $0.cosine)))" }
        let unlike = patterns.similarities.suffix(2).reversed().map { "\(registry.displayName($0.a)) and \(registry.displayName($0.b)) (\(String(format: "%.2f", $0.cosine)))" }
        return """
        <section id="patterns"><h2>Patterns: region-wide or country-specific?</h2>
        <p class="note">A relation is region-wide when the group as a whole, or more than half of its states, has evidence with the partner on the issue; \
        country-specific when fewer do. Each clause links to its evidence.</p>
        <ul class="sentences">\(sentences.joined())</ul>
        <h3>Where the differences come from</h3>
        <p class="note">Share of the variance of the scores (states × partners × issues, 0 where there is no evidence) explained by each factor.</p>
        <table class="shares"><tbody>\(table)</tbody></table>
        \(alike.isEmpty ? "" : "<p>Most alike in how they relate to the partners: \(HTML.escape(alike.joined(separator: "; "))). Least alike: \(HTML.escape(unlike.joined(separator: "; "))). (Cosine similarity of the states' score profiles.)</p>")
        </section>
        """
    }
}
