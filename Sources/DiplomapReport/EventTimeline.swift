import DiplomapCore

/// The monthly timeline of event evidence per pair of states: one bar a month, cooperation above, conflict below.
///
/// Event data is the only evidence that covers every month, so it is what
/// shows a relation moving; the bars are the summed weights of the month's
/// event evidence, over all issues.
public struct EventTimeline: Sendable {
    public var map: RelationMap
    public var registry: CountryRegistry

    public init(map: RelationMap, registry: CountryRegistry) {
        self.map = map
        self.registry = registry
    }

    /// One month of one pair.
    struct Month: Hashable {
        var cooperation = 0.0
        var conflict = 0.0
    }

    /// The months with event evidence, per (focus, partner), in the map's order of rows.
    var series: [(focus: String, partner: String, months: [(PartialDate, Month)])] {
        // Keyed by month number (year × 12 + month) while summing over issues: cheaper to hash than dates.
        var byPair: [Dyad: [Int: Month]] = [:]
        var order: [(String, String)] = []
        for cell in map.cells where !cell.eventMonths.isEmpty {
            let pair = Dyad(cell.focus, cell.partner)
            if byPair[pair] == nil { order.append((cell.focus, cell.partner)) }
            var months = byPair[pair, default: [:]]
            for point in cell.eventMonths {
                months[point.year * 12 + point.month, default: Month()].cooperation += point.cooperation
                months[point.year * 12 + point.month, default: Month()].conflict += point.conflict
            }
            byPair[pair] = months
        }
        return order.map { focus, partner in
            let months = byPair[Dyad(focus, partner)]!.sorted { $0.key < $1.key }.compactMap { key, month in
                PartialDate(year: (key - 1) / 12, month: (key - 1) % 12 + 1).map { ($0, month) }
            }
            return (focus, partner, months)
        }
    }

    /// The section's HTML: empty when there is no event evidence.
    public var html: String {
        let series = series
        guard !series.isEmpty else { return "" }
        let rows = series.map { focus, partner, months -> String in
            let top = months.map { max($0.1.cooperation, $0.1.conflict) }.max() ?? 1
            let bars = months.map { date, month -> String in
                let up = Int((month.cooperation / top * 30).rounded()), down = Int((month.conflict / top * 30).rounded())
                let tip = "\(date): cooperation \(Self.format(month.cooperation)), conflict \(Self.format(month.conflict))"
                return "<span class=\"month\" title=\"\(HTML.escape(tip))\"><i class=\"up\" style=\"height:\(up)px\"></i><i class=\"down\" style=\"height:\(down)px\"></i></span>"
            }
            let span = "\(months.first!.0) to \(months.last!.0)"
            return "<tr><th scope=\"row\">\(HTML.escape(registry.displayName(focus))) – \(HTML.escape(registry.displayName(partner)))</th><td class=\"timeline\">\(bars.joined())</td><td>\(span)</td></tr>"
        }
        return """
        <section id="events"><h2>Events by month</h2>
        <p class="meta">Each bar is a month with event evidence: its weight of cooperation above the line, of conflict below.</p>
        <div class="scroll"><table class="events"><tbody>\(rows.joined())</tbody></table></div></section>
        """
    }

    /// The section's styles.
    public static let style = """
    .events th{text-align:left;white-space:nowrap;padding-right:.6rem;font-size:.85rem}
    .timeline{white-space:nowrap}.month{display:inline-flex;flex-direction:column;justify-content:center;width:4px;height:62px;margin-right:1px;vertical-align:middle}
    .month .up{background:#2166ac;margin-top:auto}.month .down{background:#b35806;margin-bottom:auto;border-top:1px solid #999}
    """

    private static func format(_ value: Double) -> String { String((value * 10).rounded() / 10) }
}
