import ArgumentParser
import DiplomapCore
import DiplomapData
import DiplomapReport
import DiplomapWorkspace
import Foundation
import Logging

/// `diplomap bench-map`: times the map and its report on a large synthetic store.
struct BenchMapCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-map",
        abstract: "Time the relation map and report for many states and a million pieces of evidence.",
        discussion: """
        Fills a store (a temporary SQLite file unless --store names a file or a postgres:// URL) \
        with synthetic evidence between --focus-count focus states \
        and --partner-count partners (real states, random issues, polarities, kinds and years), \
        then times what `diplomap map` does: reading the evidence, aggregating the map, the \
        pattern analysis and the report. Build with -c release for meaningful figures:

          swift run -c release diplomap bench-map
          swift run -c release diplomap bench-map --store postgres://diplomap@localhost/bench

        The import is timed too, in rows per second: each store's bulk path (one transaction \
        of prepared inserts on SQLite, COPY on PostgreSQL).
        """
    )

    @Option(help: "Pieces of evidence to generate.")
    var rows = 1_000_000

    @Option(help: "Focus states.")
    var focusCount = 10

    @Option(help: "Partner states.")
    var partnerCount = 20

    @Option(help: ArgumentHelp(
        "Keep the synthetic store in this SQLite file or PostgreSQL database (postgres://…) and reuse it when it already holds the same rows.",
        valueName: "path-or-url"))
    var store: String?

    @Flag(help: "Import the rows even when the store already holds them, to time the import.")
    var reimport = false

    @Option(help: "Make the map and report this many times and keep each step's best time: other work on the machine only slows a run down.")
    var runs = 3

    func run() async throws {
        let registry = try Workspace.registry()
        let members = registry.countries.filter { $0.status == .member }.map(\.iso3)
        guard focusCount + partnerCount <= members.count else { throw ValidationError("at most \(members.count) states in all") }
        let focus = Array(members.prefix(focusCount)), partners = Array(members.dropFirst(focusCount).prefix(partnerCount))
        let kinds: [SourceKind] = [.event, .event, .event, .event, .event, .event, .event, .document, .document, .fact, .vote]
        var generator = SeededRandom(seed: 42)
        func evidence() -> [Evidence] { (0..<rows).map { index in
            let kind = kinds[Int(generator.next() % UInt64(kinds.count))]
            return Evidence(
                kind: kind, a: focus[Int(generator.next() % UInt64(focus.count))], b: partners[Int(generator.next() % UInt64(partners.count))],
                issue: Issue.allCases[Int(generator.next() % 16)], polarity: Polarity.allCases[Int(generator.next() % 3)],
                weight: kind == .event ? Double(1 + generator.next() % 40) : 1,
                period: Period(start: PartialDate(year: 1992 + Int(generator.next() % 33), month: 1 + Int(generator.next() % 12))!),
                citation: Citation(title: "Synthetic source \(index)", publisher: "diplomap bench", address: "bench://\(index)", locator: "row \(index)",
                                   summary: kind == .fact ? "A synthetic fact between two states." : nil)
            )
        } }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("diplomap-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let location = try StoreLocation(self.store ?? folder.appendingPathComponent("bench.sqlite").path)
        let store = try await location.open(logger: Logger(label: "diplomap.bench"))
        let source = EvidenceSource(id: "bench", kind: .event, name: "bench \(rows) \(focusCount)×\(partnerCount)", sha256: String(repeating: "0", count: 64))
        if !reimport, try await store.sources().contains(where: { $0.source == source && $0.rowCount == rows }) {
            try Output.print("store: reusing \(rows) rows in \(location)\n")
        } else {
            let generated = evidence()
            let filled = try await timed { try await store.replace(source, with: generated) }
            try Output.print("store: \(rows) rows imported into \(location) in \(format(filled.time.wall)), \(Int(Double(rows) / filled.time.wall)) rows/s (not part of the map's time)\n")
        }

        let boundaries = try Workspace.boundaries()
        let sources = try await store.sources()
        var best: [Double] = [], cpu: [Double] = [], labels: [String] = []
        for _ in 0..<runs {
            // The two steps of `RelationMap(store:query:focus:partners:)`, timed apart.
            let builder = try await timed {
                try await store.aggregate(EvidenceQuery(sides: Set(focus + partners)), into: RelationMapBuilder(focus: focus, partners: partners))
            }
            let map = try await timed {
                let strongest = try await store.evidence(ids: builder.value.strongestIDs)
                return builder.value.map { strongest[$0] }
            }
            let patterns = await timed { Patterns(map: map.value, group: nil, states: focus) }
            let report = await timed {
                MapReport(map: map.value, patterns: patterns.value, registry: registry, boundaries: boundaries, sources: sources,
                          period: TimeWindow().description, generated: "bench").render()
            }
            let steps = [builder.time, map.time, patterns.time, report.time]
            best = best.isEmpty ? steps.map(\.wall) : zip(best, steps).map { min($0, $1.wall) }
            cpu = cpu.isEmpty ? steps.map(\.cpu) : zip(cpu, steps).map { min($0, $1.cpu) }
            labels = [
                "count \(rows) rows into \(map.value.cells.count) cells", "read the \(builder.value.strongestIDs.count) strongest in full",
                "patterns", "report (\(report.value.utf8.count / 1024) KiB)",
            ]
        }
        let total = best.reduce(0, +)
        try Output.print(Output.table(
            ["step", "seconds (best of \(runs))", "CPU seconds"],
            zip(labels, zip(best, cpu)).map { [$0, format($1.0), format($1.1)] } + [["total", format(total), format(cpu.reduce(0, +))]]
        ))
        try Output.print("\(focusCount) focus states × \(partnerCount) partners, \(rows) rows: map and report in \(format(total)) (target: under 2 s)\n")
        await store.close()
    }

    /// Runs `work` and measures its wall-clock time and the CPU time of the whole process meanwhile (all threads).
    private func timed<T>(_ work: () async throws -> T) async rethrows -> (value: T, time: (wall: Double, cpu: Double)) {
        func cpuNow() -> Double {
            var spec = timespec()
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
            return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
        }
        let start = ContinuousClock.now, startCPU = cpuNow()
        let value = try await work()
        let elapsed = ContinuousClock.now - start
        return (value, (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, cpuNow() - startCPU))
    }

    private func format(_ seconds: Double) -> String { String(format: "%.3f s", seconds) }
}
