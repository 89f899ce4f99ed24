import ArgumentParser
import DiplomapCore
import DiplomapData
import DiplomapReport
import Foundation

/// `diplomap map`: aggregates the evidence into the dyad × issue map and writes the report.
struct MapCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Make the relation map and write it as an HTML report, JSON or CSV.",
        discussion: """
        Rows are pairs of a focus side and a partner: the focus group itself (evidence about \
        the group as a whole, such as a C5+Japan summit) and each of its members. Columns are \
        the 16 issues. A cell's score is the weighted balance of cooperation over conflict, \
        from -1 to +1.

        Examples:
          diplomap map                                   # report for C5 and IND, JPN, IRN, TUR, KOR
          diplomap map --partners CHN,RUS --out china-russia.html
          diplomap map --format csv > map.csv
          diplomap map --since 2015 --until 2020 --out 2015-2020.html
          diplomap map --as-of 2010-01-01              # what was in force on that day
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case html, json, csv
    }

    @OptionGroup var store: StoreOptions

    @OptionGroup(title: "Period") var time: TimeOptions

    @Option(help: "The focus: a group (its members become rows too) or a comma-separated list of states.")
    var focus = "C5"

    @Option(help: "Comma-separated partner states or groups: codes or names.")
    var partners = "IND,JPN,IRN,TUR,KOR"

    @Option(help: "html writes the report to --out; json and csv write the map to standard output.")
    var format: Format = .html

    @Option(help: ArgumentHelp("Where to write the HTML report.", valueName: "file"))
    var out = "diplomap-report.html"

    func run() async throws {
        let workspace = try await Workspace.open(store)
        let registry = workspace.registry
        let focusSides = try sides(focus, registry: registry, expandGroups: true)
        let partnerSides = try sides(partners, registry: registry, expandGroups: false)
        let window = try time.window()
        let evidence = try await workspace.store.evidence(EvidenceQuery(sides: Set(focusSides + partnerSides)))
            .filter { window.contains($0.period) }
        let map = RelationMap(evidence: evidence, focus: focusSides, partners: partnerSides)
        let group = registry.group(code: focusSides[0])
        let patterns = Patterns(map: map, group: group?.code, states: group.map(\.members) ?? focusSides)
        switch format {
        case .json:
            Output.print(try Output.json(map))
        case .csv:
            Output.print(Output.csv(MapTable.header, MapTable.rows(map)))
        case .html:
            let boundaries = try WorldBoundaries(geoJSON: Data(contentsOf: DefaultData.boundariesFile), file: DefaultData.boundariesFile.path)
            let report = MapReport(
                map: map, patterns: patterns, registry: registry, boundaries: boundaries, sources: try await workspace.store.sources(),
                period: window.description, generated: Date().formatted(.iso8601.year().month().day())
            )
            let url = URL(fileURLWithPath: out)
            do {
                try Data(report.render().utf8).write(to: url, options: .atomic)
            } catch {
                throw CommandError("cannot write the report to \(out): \(error.localizedDescription)")
            }
            Output.print("Wrote \(url.path): \(map.cells.count) cells with evidence for \(focusSides.count) focus sides × \(partnerSides.count) partners.\n")
        }
    }

    /// Resolves a comma-separated list; a group in the focus brings its members as rows after it.
    private func sides(_ list: String, registry: CountryRegistry, expandGroups: Bool) throws -> [String] {
        var codes: [String] = []
        for item in list.split(separator: ",").map({ String($0).trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
            let actor = try registry.resolve(item)
            codes.append(actor.code)
            if expandGroups, case .group(let group) = actor { codes += group.members }
        }
        guard !codes.isEmpty else { throw ValidationError("give at least one state or group") }
        var seen = Set<String>()
        return codes.filter { seen.insert($0).inserted }
    }
}

/// The map as one row per cell, the same columns in CSV and tables.
enum MapTable {
    static let header = ["focus", "partner", "issue", "score", "evidence", "cooperation", "conflict", "neutral", "fact", "document", "event", "vote"]

    static func rows(_ map: RelationMap) -> [[String]] {
        map.cells.map { cell in
            let polarity = cell.counts.byPolarity
            return [cell.focus, cell.partner, cell.issue.code, String(format: "%.3f", cell.score), String(polarity.total)]
                + Polarity.allCases.map { String(polarity[$0]) }
                + SourceKind.allCases.map { String(cell.counts[$0].total) }
        }
    }
}
