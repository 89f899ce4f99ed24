import DiplomapCore
import Foundation

/// The relation map as files other tools open: CSV, JSON, GraphML and GEXF (Gephi, networkx), GeoJSON (QGIS).
public struct MapExport: Sendable {
    /// The export formats, as `--format` names them.
    public enum Format: String, Sendable, CaseIterable {
        case csv, json, graphml, gexf, geojson
    }

    public var map: RelationMap
    public var patterns: Patterns
    public var registry: CountryRegistry
    public var boundaries: WorldBoundaries

    public init(map: RelationMap, patterns: Patterns, registry: CountryRegistry, boundaries: WorldBoundaries) {
        self.map = map
        self.patterns = patterns
        self.registry = registry
        self.boundaries = boundaries
    }

    /// The map in one format.
    public func render(_ format: Format) throws -> String {
        switch format {
        case .csv: csv()
        case .json: try json()
        case .graphml: GraphML(export: self).render()
        case .gexf: GEXF(export: self).render()
        case .geojson: try GeoJSONExport(export: self).render()
        }
    }

    /// The columns of the long CSV, one row per dyad × issue with evidence.
    public static let csvHeader = [
        "focus", "partner", "issue", "score", "confidence", "basis", "evidence", "cooperation", "conflict", "neutral",
        "fact", "document", "event", "vote", "first_year", "last_year", "votes_only",
    ]

    /// The issue codes of a dyad's cells that rest on UN votes alone (voting alignment, not cooperation), space-separated.
    static func votesOnly(_ cells: [RelationCell]) -> String {
        cells.filter { $0.basis == .votes }.map(\.issue.code).joined(separator: " ")
    }

    /// Long CSV: one row per cell, scores with three decimals; `votes_only` marks a cell resting on UN votes alone.
    public func csv() -> String {
        let rows = map.cells.map { cell -> [String] in
            let polarity = cell.counts.byPolarity
            return [cell.focus, cell.partner, cell.issue.code, String(format: "%.3f", cell.score), String(format: "%.3f", cell.confidence),
                    cell.basis.rawValue, String(polarity.total)]
                + Polarity.allCases.map { String(polarity[$0]) }
                + SourceKind.allCases.map { String(cell.counts[$0].total) }
                + [cell.timeline.first.map { String($0.year) } ?? "", cell.timeline.last.map { String($0.year) } ?? "", cell.basis == .votes ? "true" : "false"]
        }
        return CSVText.render(Self.csvHeader, rows)
    }

    /// JSON: the map (cells with their strongest evidence), a summary per dyad, and the patterns; indented unless `pretty` is false.
    /// `strongest: false` leaves each cell's strongest evidence out (its `strongest` list empty): a map of scores a tenth the size.
    public func json(pretty: Bool = true, strongest: Bool = true) throws -> String {
        struct Document: Encodable {
            var focus: [String]
            var partners: [String]
            var cells: [RelationCell]
            var dyads: [DyadSummary]
            var patterns: Patterns
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        let cells = strongest ? map.cells : map.cells.map { cell in
            var lean = cell
            lean.strongest = []
            return lean
        }
        let document = Document(focus: map.focus, partners: map.partners, cells: cells, dyads: map.dyads, patterns: patterns)
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }

    /// Every side that appears in the map, focus sides first, with its role.
    var nodes: [(code: String, role: String)] {
        map.focus.map { ($0, registry.group(code: $0) != nil ? "focus group" : "focus") }
            + map.partners.filter { !map.focus.contains($0) }.map { ($0, "partner") }
    }

    /// The cells of each dyad, in map order.
    var cellsByDyad: [(focus: String, partner: String, cells: [RelationCell])] {
        var result: [(focus: String, partner: String, cells: [RelationCell])] = []
        for cell in map.cells {
            if let last = result.last, last.focus == cell.focus, last.partner == cell.partner {
                result[result.count - 1].cells.append(cell)
            } else {
                result.append((cell.focus, cell.partner, [cell]))
            }
        }
        return result
    }
}

/// RFC 4180 CSV text.
public enum CSVText {
    /// Fields with commas, quotes or line breaks are quoted.
    public static func render(_ header: [String], _ rows: [[String]]) -> String {
        func field(_ text: String) -> String {
            guard text.contains(where: { ",\"\n\r".contains($0) }) else { return text }
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return ([header] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }
}
