import DiplomapCore

/// The dyad × issue table, each cell coloured by its score and linked to its evidence.
public struct HeatmapTable: Sendable {
    public var map: RelationMap
    public var registry: CountryRegistry
    /// Where the pairs and cells lead: the report's anchors or the web app's pages.
    public var links: ReportLinks

    public init(map: RelationMap, registry: CountryRegistry, links: ReportLinks = .inPage) {
        self.map = map
        self.registry = registry
        self.links = links
    }

    /// The table, in a horizontally scrolling box.
    public func render() -> String {
        let domains = Domain.allCases.map { domain in (domain, Issue.allCases.filter { $0.domain == domain }) }
        var html = "<div class=\"scroll\"><table class=\"heatmap\"><thead><tr><th rowspan=\"2\" scope=\"col\">Pair</th>"
        html += domains.map { "<th colspan=\"\($1.count)\" scope=\"colgroup\">\($0.label)</th>" }.joined()
        html += "</tr><tr>"
        html += Issue.allCases.map { "<th scope=\"col\" class=\"issue\" title=\"\(HTML.escape($0.summary))\"><span>\(HTML.escape($0.label))</span></th>" }.joined()
        html += "</tr></thead><tbody>"
        for partner in map.partners {
            for focus in map.focus where focus != partner {
                let group = registry.group(code: focus) != nil ? " class=\"group\"" : ""
                let name = HTML.escape(ReportNames.pair(focus, partner, registry))
                let heading = links.linkRows ? "<a href=\"\(HTML.escape(links.dyad(focus, partner)))\">\(name)</a>" : name
                html += "<tr\(group)><th scope=\"row\">\(heading)</th>"
                for issue in Issue.allCases { html += cell(map.cell(focus: focus, partner: partner, issue: issue), focus: focus, partner: partner, issue: issue) }
                html += "</tr>"
            }
        }
        return html + "</tbody></table></div>"
    }

    private func cell(_ cell: RelationCell?, focus: String, partner: String, issue: Issue) -> String {
        guard let cell else { return "<td class=\"empty\"></td>" }
        let intensity = ScoreColor.intensity(cell)
        var classes: [String] = [], marks = ""
        if cell.basis == .votes { classes.append("votes"); marks += "v" }
        if cell.basis == .coded { marks += "◦" }
        if ScoreColor.isUnconfirmed(cell) { classes.append("thin"); marks += "?" }
        let tip = "\(ReportNames.pair(focus, partner, registry)) · \(issue.label): \(ReportNames.reading(cell)), score \(ReportNames.score(cell.score)), "
            + "confidence \(ReportNames.percent(cell.confidence)); \(ReportNames.evidenceDetail(cell)); \(cell.basis.label)"
        let mark = marks.isEmpty ? "" : "<span class=\"mark\">\(marks)</span>"
        return "<td\(classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\"") style=\"background-color:\(ScoreColor.background(cell));color:\(ScoreColor.foreground(intensity: cell.basis == .votes ? 0 : intensity))\">"
            + "<a href=\"\(HTML.escape(links.cell(focus, partner, issue)))\" title=\"\(HTML.escape(tip))\" aria-label=\"\(HTML.escape(tip))\">\(ScoreColor.label(score: cell.score))\(mark)</a></td>"
    }

    /// The sentence under the heatmap's heading: how to read a cell.
    public static let note = """
    <p class="note">Each cell shows its score from −1 (conflict) to +1 (cooperation); its colour is as strong as the score and the confidence together, \
    and a score within ±\(ScoreColor.neutralBand) shows no sign. Hover over a cell for its evidence by kind, click it to read them. \
    Cells marked ? rest on one piece of evidence or on undated evidence only; v (on lilac) on UN votes only, which measure voting alignment \
    (aligned or divergent against each session's baseline), not cooperation or conflict; ◦ on one machine-coded source only.</p>
    """

    /// What the heatmap's colours, numbers and marks mean.
    public static var legend: String {
        let samples: [(Double, Double, String)] = [(1, 1, "cooperation, well attested"), (0.6, 0.35, "cooperation, thinly attested"), (0, 0, "no side: score within ±\(ScoreColor.neutralBand)"),
                                                   (-0.6, 0.35, "conflict, thinly attested"), (-1, 1, "conflict, well attested")]
        let items = samples.map { score, intensity, label in
            "<li><span class=\"swatch\" style=\"background-color:\(ScoreColor.background(score: score, intensity: intensity));color:\(ScoreColor.foreground(intensity: intensity))\">\(ScoreColor.label(score: score))</span> \(label)</li>"
        }
        let marks = [
            "<li><span class=\"swatch thin\">?</span> one piece of evidence or undated evidence only: pale whatever its score</li>",
            "<li><span class=\"swatch votes\" style=\"background-color:\(ScoreColor.votes)\">v</span> UN votes only: voting alignment (+ aligned, − divergent against each session's baseline), not cooperation or conflict, so never blue or orange</li>",
            "<li><span class=\"swatch\">◦</span> one machine-coded source only: a coded claim</li>",
        ]
        return "<ul class=\"legend\" aria-label=\"Legend of the heatmap\">\(items.joined())\(marks.joined())</ul>"
    }
}

/// Names, anchors and number formats shared by the report's sections.
public enum ReportNames {
    /// "Uzbekistan – South Korea": the display names of a pair.
    public static func pair(_ focus: String, _ partner: String, _ registry: CountryRegistry) -> String {
        "\(registry.displayName(focus)) – \(registry.displayName(partner))"
    }

    /// The id of a cell's evidence in the report.
    public static func anchor(_ cell: RelationCell) -> String { anchor(focus: cell.focus, partner: cell.partner, issue: cell.issue) }

    /// The id of the evidence of a focus side, a partner and an issue in the report.
    public static func anchor(focus: String, partner: String, issue: Issue) -> String { "cell-\(focus)-\(partner)-\(issue.code)" }

    /// A score with its sign and two decimals: "+0.5", "-1.0".
    public static func score(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return (rounded > 0 ? "+" : "") + String(rounded)
    }

    /// What a cell's score says in words: cooperation or conflict, or for UN votes alone alignment or divergence.
    public static func reading(_ cell: RelationCell) -> String {
        let side = cell.score >= ScoreColor.neutralBand ? 1 : cell.score <= -ScoreColor.neutralBand ? -1 : 0
        if cell.basis == .votes {
            return side > 0 ? "aligned in UN votes" : side < 0 ? "divergent in UN votes" : "UN votes within the baseline"
        }
        return side > 0 ? "cooperation" : side < 0 ? "conflict" : "no side"
    }

    /// The polarity of a piece of evidence in words: a UN vote session is aligned or divergent, not cooperation or conflict.
    public static func polarity(_ evidence: Evidence) -> String {
        guard evidence.kind == .vote else { return evidence.polarity.rawValue }
        switch evidence.polarity {
        case .cooperation: return "aligned"
        case .conflict: return "divergent"
        case .neutral: return "within baseline"
        }
    }

    /// The cell's evidence counted by kind, a vote stream as one stream of its sessions: "2 facts, 1 sentence, UN votes (28 sessions, one stream)".
    public static func evidenceDetail(_ cell: RelationCell) -> String {
        func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
        var parts: [String] = []
        let fact = cell.counts.fact.total, document = cell.counts.document.total, event = cell.counts.event.total, vote = cell.counts.vote
        if fact > 0 { parts.append(count(fact, "cited fact", "cited facts")) }
        if document > 0 { parts.append(count(document, "sentence", "sentences")) }
        if event > 0 { parts.append(count(event, "month of events", "months of events")) }
        if vote.total > 0 {
            parts.append("UN votes (one stream of \(count(vote.total, "session", "sessions")): \(vote.cooperation) aligned, \(vote.conflict) divergent, \(vote.neutral) within the baseline)")
        }
        if cell.timeline.isEmpty { parts.append("all undated") }
        return parts.joined(separator: ", ")
    }

    /// A share in [0, 1] as a whole percentage: "42 %".
    public static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded())) %" }
}
