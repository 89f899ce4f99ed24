import DiplomapCore

/// A small line chart of agreement over time per pair, on one shared year axis so that pairs compare.
public struct AgreementChart: Sendable {
    public var series: [AgreementSeries]
    public var registry: CountryRegistry

    public init(series: [AgreementSeries], registry: CountryRegistry) {
        self.series = series
        self.registry = registry
    }

    /// The section with a chart per pair; empty when no pair has two years of votes.
    public func render() -> String {
        let drawn = series.filter { $0.points.count > 1 }
        guard let first = drawn.flatMap({ $0.points.map(\.year) }).min(), let last = drawn.flatMap({ $0.points.map(\.year) }).max(), last > first
        else { return "" }
        let width = 360.0, height = 60.0
        func x(_ year: Int) -> String { SVG.number(Double(year - first) / Double(last - first) * (width - 8) + 4) }
        func y(_ agreement: Double) -> String { SVG.number((1 - agreement) * (height - 8) + 4) }
        let rows = drawn.map { series -> String in
            let line = series.points.map { "\(x($0.year)),\(y($0.agreement))" }.joined(separator: " ")
            let latest = series.points.last!
            let tip = series.points.map { "\($0.year): \(String(format: "%.2f", $0.agreement)) (\($0.votes) votes)" }.joined(separator: "; ")
            let chart = "<svg class=\"agreement\" viewBox=\"0 0 \(SVG.number(width)) \(SVG.number(height))\" role=\"img\"><title>\(HTML.escape(tip))</title>"
                + "<line x1=\"0\" x2=\"\(SVG.number(width))\" y1=\"\(y(0.5))\" y2=\"\(y(0.5))\" class=\"mid\"/>"
                + "<polyline points=\"\(line)\" class=\"line\"/></svg>"
            return "<tr><th scope=\"row\">\(HTML.escape(ReportNames.pair(series.focus, series.partner, registry)))</th><td>\(chart)</td>"
                + "<td class=\"num\">\(String(format: "%.2f", latest.agreement)) in \(latest.year)</td></tr>"
        }
        let step = last - first <= 12 ? 2 : last - first <= 30 ? 5 : 10
        var axis = "<svg class=\"years\" viewBox=\"0 0 \(SVG.number(width)) 16\" role=\"img\"><title>Years \(first)–\(last)</title>"
        for year in stride(from: (first + step - 1) / step * step, through: last, by: step) {
            axis += "<line x1=\"\(x(year))\" x2=\"\(x(year))\" y1=\"12\" y2=\"16\" class=\"tick\"/><text x=\"\(x(year))\" y=\"10\" text-anchor=\"middle\">\(year)</text>"
        }
        axis += "</svg>"
        return """
        <section id="votes"><h2>UN General Assembly vote agreement</h2>
        <p class="note">Agreement per year, \(first)–\(last) (Voeten's index: same vote 1, one abstains 0.5, opposite 0; the grey line is 0.5). \
        Data: Voeten, UN General Assembly voting data, doi:10.7910/DVN/LEJUQZ.</p>
        <table class="agreements"><thead><tr><th scope="col">Pair</th><th scope="col">\(axis)</th><th scope="col">Latest</th></tr></thead><tbody>\(rows.joined())</tbody></table></section>
        """
    }

    /// The section's styles.
    public static let style = """
    .agreements th{text-align:left;white-space:nowrap;font-size:.85rem;padding-right:.6rem}.agreement{width:360px;height:60px}
    .agreements svg.years{width:360px;height:16px;display:block}.years text{font-size:9px;font-weight:400}.years .tick{stroke:#999}
    .agreement .line{fill:none;stroke:#2166ac;stroke-width:1.5}.agreement .mid{stroke:#bbb;stroke-dasharray:3 3}
    """
}
