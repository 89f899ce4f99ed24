import DiplomapCore
import DiplomapData
import DiplomapEvents
import Foundation

/// The fixture files and a scan of them with the defaults of the command line.
enum Fixture {
    static func path(_ name: String) -> String {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(name).path
    }

    static func text(_ name: String) throws -> String {
        try String(contentsOfFile: path(name), encoding: .utf8)
    }

    static let c5 = FocusCodes(["KAZ", "KGZ", "TJK", "TKM", "UZB"])

    /// Country names of the embedded registry, as the command line resolves them for ICEWS.
    static let namer: CountryNamer = {
        let registry = try! CountryRegistry(
            countries: CountryTable.parse(String(contentsOf: DefaultData.countriesFile, encoding: .utf8), file: "countries.csv")
        )
        return { name in (try? registry.resolveCountry(name)).map { $0.cameo ?? $0.iso3 } }
    }()

    static func aggregate(
        _ names: [String], focus: FocusCodes = c5, format: EventFormat? = nil, threads: Int = 1, bufferSize: Int = 1 << 21, splitThreshold: Int = 16 << 20
    ) async throws -> (csv: String, report: ScanReport) {
        let options = EventScanOptions(format: format, focus: focus, threads: threads, namer: namer, bufferSize: bufferSize, splitThreshold: splitThreshold)
        let (sink, report) = try await EventReader.scan(names.map(path), into: DyadMonthAggregate(), options: options)
        return (sink.csv(), report)
    }

    static func issueMap() throws -> IssueMap {
        let folder = DefaultData.cameoFolder
        return try IssueMap(
            issueMapCSV: String(contentsOf: folder.appendingPathComponent("issue_map.csv"), encoding: .utf8),
            quadClassesCSV: String(contentsOf: folder.appendingPathComponent("quad_classes.csv"), encoding: .utf8)
        )
    }
}
