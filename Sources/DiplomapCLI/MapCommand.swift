import ArgumentParser
import DiplomapCore
import DiplomapExport
import DiplomapReport
import DiplomapWorkspace
import Foundation

/// `diplomap map`: aggregates the evidence into the dyad × issue map and writes the report.
struct MapCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Make the relation map and write it as an HTML report, JSON or CSV.",
        discussion: """
        Rows are pairs of a focus side and a partner: the focus group itself (evidence about \
        the group as a whole, such as a C5+Japan summit) and each of its members. Columns are \
        the 16 issues. A cell's score, from -1 (conflict) to +1 (cooperation), weighs each kind \
        of source by its reliability, a pair's UN vote sessions counting as one stream of voting \
        alignment; its confidence grows with independent and corroborating evidence. The report \
        colours a cell as strongly as its score and confidence together, marks cells of one piece \
        or of undated evidence (?) and of UN votes alone (v), and tables the patterns per partner \
        (see the README).

        Examples:
          diplomap map                                   # report for C5 and IND, JPN, IRN, TUR, KOR
          diplomap map --partners CHN,RUS --out china-russia.html
          diplomap map --format csv > map.csv
          diplomap map --since 2015 --until 2020 --out 2015-2020.html
          diplomap map --as-of 2010-01-01              # what held on that day: visits, votes... of the 3 years before
          diplomap map --as-of 2010-01-01 --window 1   # point evidence of the year before only
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case html, json, csv
    }

    @OptionGroup var options: MapOptions

    @Option(help: "html writes the report to --out (diplomap-report.html unless given); json and csv write the map to --out or standard output.")
    var format: Format = .html

    @Option(help: ArgumentHelp("Where to write the report or the map; - for standard output.", valueName: "file"))
    var out: String?

    func run() async throws {
        let (workspace, built) = try await options.build()
        let boundaries = try Workspace.boundaries()
        let export = MapExport(map: built.map, patterns: built.patterns, registry: workspace.registry, boundaries: boundaries)
        switch format {
        case .json:
            try Output.write(try export.json(), to: out ?? "-", what: "the map")
        case .csv:
            try Output.write(export.csv(), to: out ?? "-", what: "the map")
        case .html:
            let out = out ?? "diplomap-report.html"
            let report = MapReport(
                map: built.map, patterns: built.patterns, registry: workspace.registry, boundaries: boundaries,
                sources: try await workspace.sourcesWithImports(), period: built.request.window.description,
                agreement: try await VoteImport.agreementSeries(built.map, workspace: workspace),
                generated: Date().formatted(.iso8601.year().month().day())
            )
            try Output.write(report.render(), to: out, what: "the report")
            Output.error("Wrote \(Output.destination(out)): \(built.map.cells.count) cells with evidence for \(built.map.focus.count) focus sides × \(built.map.partners.count) partners.")
        }
    }
}
