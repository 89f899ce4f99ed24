import DiplomapCore

/// Evidence per year of one dyad: cooperation as blue bars above the axis, conflict as orange bars below.
public struct TimelineChart: Sendable {
    public var cells: [RelationCell]

    public init(cells: [RelationCell]) { self.cells = cells }

    /// The chart as inline SVG; empty when no evidence is dated.
    public func render() -> String {
        var years: [Int: PolarityCounts] = [:]
        for cell in cells {
            for point in cell.timeline {
                for polarity in Polarity.allCases { years[point.year, default: PolarityCounts()][polarity] += point.counts[polarity] }
            }
        }
        guard let first = years.keys.min(), let last = years.keys.max() else { return "" }
        let span = last - first + 1, barWidth = max(4.0, min(18.0, 560.0 / Double(span)))
        let most = Double(years.values.map { max($0.cooperation, $0.conflict + $0.neutral) }.max() ?? 1)
        let half = 40.0, width = Double(span) * barWidth + 60
        var svg = "<svg class=\"timeline\" viewBox=\"0 0 \(SVG.number(width)) \(SVG.number(2 * half + 24))\" role=\"img\"><title>Evidence per year, \(first)–\(last)</title>"
        svg += "<line x1=\"30\" y1=\"\(SVG.number(half))\" x2=\"\(SVG.number(width - 10))\" y2=\"\(SVG.number(half))\" class=\"axis\"/>"
        for (year, counts) in years.sorted(by: { $0.key < $1.key }) {
            let x = 30 + Double(year - first) * barWidth
            let up = half * Double(counts.cooperation) / most, down = half * Double(counts.conflict) / most
            let tip = "\(year): \(counts.cooperation) cooperation, \(counts.conflict) conflict, \(counts.neutral) neutral"
            svg += "<g><title>\(tip)</title>"
            if up > 0 { svg += "<rect x=\"\(SVG.number(x))\" y=\"\(SVG.number(half - up))\" width=\"\(SVG.number(barWidth - 1))\" height=\"\(SVG.number(up))\" class=\"co\"/>" }
            if down > 0 { svg += "<rect x=\"\(SVG.number(x))\" y=\"\(SVG.number(half))\" width=\"\(SVG.number(barWidth - 1))\" height=\"\(SVG.number(down))\" class=\"cf\"/>" }
            svg += "</g>"
        }
        svg += "<text x=\"30\" y=\"\(SVG.number(2 * half + 18))\">\(first)</text><text x=\"\(SVG.number(width - 10))\" y=\"\(SVG.number(2 * half + 18))\" text-anchor=\"end\">\(last)</text>"
        return svg + "</svg>"
    }
}
