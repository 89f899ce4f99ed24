import DiplomapCore

/// Evidence per year of one dyad: cooperation as blue bars above the axis, conflict as orange bars below.
///
/// The chart is always 640 units wide and the year axis spans at least `minimumYears`, so a pair with one
/// year of evidence shows one narrow bar on a readable axis rather than one bar blown up to the page's width.
public struct TimelineChart: Sendable {
    public var cells: [RelationCell]
    /// The shortest span of the year axis.
    public static let minimumYears = 10

    public init(cells: [RelationCell]) { self.cells = cells }

    /// The chart as inline SVG; empty when no evidence is dated.
    public func render() -> String {
        var years: [Int: PolarityCounts] = [:]
        for cell in cells {
            for point in cell.timeline {
                for polarity in Polarity.allCases { years[point.year, default: PolarityCounts()][polarity] += point.counts[polarity] }
            }
        }
        guard let dataFirst = years.keys.min(), let last = years.keys.max() else { return "" }
        let first = min(dataFirst, last - Self.minimumYears + 1)
        let span = last - first + 1, width = 640.0, left = 30.0, plot = width - left - 20
        let barWidth = plot / Double(span)
        let most = Double(years.values.map { max($0.cooperation, $0.conflict) }.max() ?? 1)
        let half = 40.0
        var svg = "<svg class=\"timeline\" width=\"\(SVG.number(width))\" viewBox=\"0 0 \(SVG.number(width)) \(SVG.number(2 * half + 24))\" role=\"img\">"
        svg += "<title>Evidence per year, \(dataFirst)–\(last)</title>"
        svg += "<line x1=\"\(SVG.number(left))\" y1=\"\(SVG.number(half))\" x2=\"\(SVG.number(left + plot))\" y2=\"\(SVG.number(half))\" class=\"axis\"/>"
        for (year, counts) in years.sorted(by: { $0.key < $1.key }) {
            let x = left + Double(year - first) * barWidth
            let up = half * Double(counts.cooperation) / max(1, most), down = half * Double(counts.conflict) / max(1, most)
            let tip = "\(year): \(counts.cooperation) cooperation, \(counts.conflict) conflict, \(counts.neutral) neutral"
            svg += "<g><title>\(tip)</title>"
            if up > 0 { svg += "<rect x=\"\(SVG.number(x))\" y=\"\(SVG.number(half - up))\" width=\"\(SVG.number(max(1, barWidth - 1)))\" height=\"\(SVG.number(up))\" class=\"co\"/>" }
            if down > 0 { svg += "<rect x=\"\(SVG.number(x))\" y=\"\(SVG.number(half))\" width=\"\(SVG.number(max(1, barWidth - 1)))\" height=\"\(SVG.number(down))\" class=\"cf\"/>" }
            if up == 0 && down == 0 { svg += "<rect x=\"\(SVG.number(x))\" y=\"\(SVG.number(half - 1))\" width=\"\(SVG.number(max(1, barWidth - 1)))\" height=\"2\" class=\"ne\"/>" }
            svg += "</g>"
        }
        let step = span <= 12 ? 2 : span <= 30 ? 5 : 10
        for year in stride(from: (first + step - 1) / step * step, through: last, by: step) {
            let x = left + (Double(year - first) + 0.5) * barWidth
            svg += "<line x1=\"\(SVG.number(x))\" y1=\"\(SVG.number(half + 2))\" x2=\"\(SVG.number(x))\" y2=\"\(SVG.number(2 * half + 4))\" class=\"tick\"/>"
            svg += "<text x=\"\(SVG.number(x))\" y=\"\(SVG.number(2 * half + 18))\" text-anchor=\"middle\">\(year)</text>"
        }
        return svg + "</svg>"
    }
}
