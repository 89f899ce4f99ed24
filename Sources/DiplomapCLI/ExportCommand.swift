import ArgumentParser
import DiplomapExport
import DiplomapWorkspace

/// `diplomap export`: the map as files that other tools open.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the relation map as CSV, JSON, GraphML, GEXF or GeoJSON.",
        discussion: """
        csv      one row per pair × issue: score, confidence, counts by polarity and source kind
        json     the map with its strongest evidence, a summary per pair and the patterns
        graphml  states as nodes, pairs as edges with per-issue scores (networkx, yEd, Gephi)
        gexf     GEXF 1.3 for Gephi, with the years of evidence as edge spells
        geojson  states as polygons, pairs as lines between capitals (QGIS); a state with no known
                 capital is joined at its centroid, a group at the mean of its members' points

        Examples:
          diplomap export --format gexf --out map.gexf
          diplomap export --format geojson --partners CHN,RUS --out neighbours.geojson
        """
    )

    @OptionGroup var options: MapOptions

    @Option(help: "csv, json, graphml, gexf or geojson.")
    var format: MapExport.Format

    @Option(help: ArgumentHelp("Where to write the file; - for standard output.", valueName: "file"))
    var out: String

    func run() async throws {
        let (workspace, built) = try await options.build()
        let export = MapExport(map: built.map, patterns: built.patterns, registry: workspace.registry, boundaries: try Workspace.boundaries())
        let text = try export.render(format)
        try Output.write(text, to: out, what: "the \(format.rawValue) export")
        Output.error("Wrote \(Output.destination(out)): \(built.map.dyads.count) pairs, \(built.map.cells.count) cells.")
    }
}

extension MapExport.Format: ExpressibleByArgument {}
