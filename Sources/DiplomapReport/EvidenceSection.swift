import DiplomapCore

/// Per dyad: its timeline and, per issue, its score, confidence and strongest evidence with citations.
public struct EvidenceSection {
    let map: RelationMap
    let registry: CountryRegistry

    func render() -> String {
        guard !map.cells.isEmpty else { return "<section id=\"dyads\"><h2>Evidence by pair</h2><p>No evidence for these states yet.</p></section>" }
        var byDyad: [(key: String, cells: [RelationCell])] = []
        for cell in map.cells {
            let key = "\(cell.focus)-\(cell.partner)"
            if byDyad.last?.key == key { byDyad[byDyad.count - 1].cells.append(cell) } else { byDyad.append((key, [cell])) }
        }
        let sections = byDyad.map { dyad in
            let first = dyad.cells[0]
            return """
            <section class="pair" id="dyad-\(dyad.key)">
            <h3>\(HTML.escape(ReportNames.pair(first.focus, first.partner, registry)))</h3>
            \(TimelineChart(cells: dyad.cells).render())
            \(dyad.cells.map(cellSection).joined(separator: "\n"))
            </section>
            """
        }
        return "<section id=\"dyads\"><h2>Evidence by pair</h2>\(sections.joined(separator: "\n"))</section>"
    }

    private func cellSection(_ cell: RelationCell) -> String {
        let counts = cell.counts.byPolarity
        let shown = cell.strongest.count < counts.total ? " Showing the \(cell.strongest.count) strongest of \(counts.total)." : ""
        return """
        <div class="cell" id="\(ReportNames.anchor(cell))">
        <h4>\(HTML.escape(cell.issue.label)) <code>\(cell.issue.code)</code></h4>
        <p class="meta">\(HTML.escape(ReportNames.reading(cell).prefix(1).uppercased() + ReportNames.reading(cell).dropFirst())): \
        score \(ReportNames.score(cell.score)), confidence \(ReportNames.percent(cell.confidence)), \(cell.basis.label)\(ScoreColor.isUnconfirmed(cell) ? ", resting on one piece or on undated evidence only" : ""); \
        \(HTML.escape(ReportNames.evidenceDetail(cell))).\(shown)\(cell.counts.vote.total > 0 ? Self.voteNote : "")</p>
        <ol>\(cell.strongest.map(Self.item).joined())</ol>
        </div>
        """
    }

    /// Where a cell's UN votes are read as agreement over time.
    static let voteNote = " UN votes are one stream: each session's citation gives the agreement, its change from the session before and the baseline with its band; "
        + "<a href=\"#votes\">the agreement per year</a> is charted below."

    /// One piece of evidence as a list item: polarity, kind, date, summary or quote, and its full citation.
    public static func item(_ evidence: Evidence) -> String {
        let citation = evidence.citation
        var body = "<span class=\"polarity \(evidence.polarity.rawValue)\">\(ReportNames.polarity(evidence))</span> <span class=\"kind\">\(evidence.kind.rawValue)</span>"
        if let period = evidence.period { body += " <span class=\"date\">\(period.start)\(period.end.flatMap { $0 == period.start ? nil : "–\($0)" } ?? "")</span>" }
        if let summary = citation.summary { body += "<p>\(HTML.escape(summary))</p>" }
        if let quote = citation.quote { body += "<blockquote\(language(quote))>\(HTML.escape(quote))</blockquote>" }
        var also = ""
        if !citation.also.isEmpty {
            let items = citation.also.map { other in
                "<li>\(other.summary.map { "\(HTML.escape($0)) " } ?? "")<span class=\"cite\">\(source(other))</span></li>"
            }
            also = "<p class=\"also\">Also cited:</p><ul class=\"also\">\(items.joined())</ul>"
        }
        return "<li>\(body)<p class=\"cite\">\(source(citation))</p>\(also)</li>"
    }

    /// ` lang="ru"` for a quote in Russian (mostly Cyrillic letters), so that browsers and screen readers read it as such;
    /// the citation's locator says so in words ("bytes 0-96 of the text, in Russian").
    private static func language(_ quote: String) -> String {
        var cyrillic = 0, latin = 0
        for scalar in quote.unicodeScalars {
            if (0x400...0x4FF).contains(scalar.value) { cyrillic += 1 } else if scalar.isASCII, scalar.properties.isAlphabetic { latin += 1 }
        }
        return cyrillic > 0 && cyrillic * 3 >= cyrillic + latin ? " lang=\"ru\"" : ""
    }

    /// A citation's title as a link, then its publisher, date, locator and address.
    private static func source(_ citation: Citation) -> String {
        var source = [HTML.link(citation.address, text: citation.title)]
        if let publisher = citation.publisher { source.append(HTML.escape(publisher)) }
        if let published = citation.published { source.append(published.description) }
        if let locator = citation.locator { source.append(HTML.escape(locator)) }
        if citation.address.hasPrefix("http") { source.append("<span class=\"address\">\(HTML.breakable(citation.address))</span>") }
        return source.joined(separator: " · ")
    }
}
