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
        let counts = cell.counts.byPolarity
        let coded = cell.basis == .coded ? "◦" : ""
        let tip = "\(ReportNames.pair(focus, partner, registry)) · \(issue.label): score \(ReportNames.score(cell.score)), confidence \(ReportNames.percent(cell.confidence)); "
            + "\(counts.cooperation) cooperation, \(counts.conflict) conflict, \(counts.neutral) neutral; \(cell.basis.label)"
        return "<td style=\"background:\(ScoreColor.background(score: cell.score));color:\(ScoreColor.foreground(score: cell.score))\">"
            + "<a href=\"\(HTML.escape(links.cell(focus, partner, issue)))\" title=\"\(HTML.escape(tip))\" aria-label=\"\(HTML.escape(tip))\">\(ScoreColor.sign(score: cell.score))\(counts.total)\(coded)</a></td>"
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

    /// A share in [0, 1] as a whole percentage: "42 %".
    public static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded())) %" }
}
