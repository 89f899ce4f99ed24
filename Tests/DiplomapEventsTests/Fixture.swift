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

    /// A copy of a fixture, damaged by `damage`, in a folder of its own; the caller removes the folder.
    static func damagedCopy(of name: String, as copyName: String, _ damage: (inout [UInt8]) -> Void) throws -> URL {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path(name))))
        damage(&bytes)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("diplomap-damaged-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(copyName)
        try Data(bytes).write(to: url)
        return url
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
        _ names: [String], focus: FocusCodes = c5, format: EventFormat? = nil, threads: Int = 1, bufferSize: Int = 1 << 21, splitThreshold: Int = 16 << 20,
        damage: DamagePolicy = DamagePolicy()
    ) async throws -> (csv: String, report: ScanReport) {
        let options = EventScanOptions(
            format: format, focus: focus, threads: threads, namer: namer, bufferSize: bufferSize, splitThreshold: splitThreshold, damage: damage)
        let (sink, report) = try await EventReader.scan(names.map { $0.hasPrefix("/") ? $0 : path($0) }, into: DyadMonthAggregate(), options: options)
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
