import DiplomapCore
import DiplomapData
import DiplomapEvents
import Foundation

extension Workspace {
    /// The CAMEO issue and quad-class tables of the embedded data, which give each CAMEO-coded event its issue and
    /// polarity (PLOVER-coded events, POLECAT's, take theirs from `Data/plover`).
    public static func eventIssueMap() throws -> IssueMap {
        let folder = DefaultData.cameoFolder
        return try IssueMap(
            issueMapCSV: String(contentsOf: folder.appendingPathComponent("issue_map.csv"), encoding: .utf8),
            quadClassesCSV: String(contentsOf: folder.appendingPathComponent("quad_classes.csv"), encoding: .utf8)
        )
    }

    /// Reads event files into evidence cells (dyad, month, issue, polarity) with the report of what was read.
    public func scanEvents(_ files: [String], options: EventScanOptions, progress: ScanProgress? = nil) async throws -> (sink: EvidenceAggregate, report: ScanReport) {
        try await EventReader.scan(files, into: EvidenceAggregate(map: try Self.eventIssueMap()), options: options, progress: progress)
    }

    /// The source id of an event import: `source`, or `events/` and the file names.
    public static func eventSourceID(files: [String], source: String? = nil) -> String {
        source ?? "events/" + files.map { URL(fileURLWithPath: $0).lastPathComponent }.sorted().joined(separator: "+")
    }

    /// Stores scanned events as one event source (see `eventSourceID`), replacing an earlier import of it, and records
    /// the import in the ledger with each file's size, SHA-256 and damage.
    ///
    /// The files the scan found damaged gave nothing, unless the scan kept their rows before the damage: then the import
    /// is partial and its evidence marked. When every file was damaged and nothing kept, nothing is stored and the
    /// import is recorded as refused. Each row cites the files and the month.
    public func importEvents(
        _ aggregate: EvidenceAggregate, report: ScanReport, files paths: [String], source: String? = nil, settings: String = ""
    ) async throws -> ImportRecord {
        var files = try paths.map(ImportRecord.File.reading)
        let names = files.map(\.name)
        let dataset = report.formats.contains(.polecat) ? "POLECAT" : report.formats.contains(.icews) ? "ICEWS" : "GDELT"
        let registry = registry
        let evidence = aggregate.evidence(dataset: dataset, files: names) { code in registry.country(code: code, system: .cameo)?.iso3 }
        let damaged = Set(report.damaged.map(\.file))
        for (index, path) in paths.enumerated() where damaged.contains(path) { files[index].damaged = true }
        let outcome = ImportRecord.Outcome.of(files, keptDamaged: report.keptDamaged)
        let id = Self.eventSourceID(files: paths, source: source)
        let sha = try Checksum.sha256(contentsOf: paths.map { URL(fileURLWithPath: $0) })
        let stored = EvidenceSource(id: id, kind: .event, name: names.joined(separator: ", "), sha256: sha)
        let record = ImportRecord(
            sourceID: id, kind: .event, files: files, settings: settings, rowsRead: report.rowsRead, rowsKept: report.rowsKept,
            rowsMalformed: report.rowsSkipped, evidenceRows: evidence.count, outcome: outcome)
        return try await commit(stored, evidence: evidence, record: record)
    }
}

extension Workspace {
    /// Stores the Spark job's evidence as one event source, replacing an earlier load or import of it, in one transaction,
    /// and records the load in the ledger as `events import` records an import: each file with its size, SHA-256 and
    /// damage, the rows read, kept and malformed, the settings.
    ///
    /// The job applied the damage policy: a damaged file gave nothing, or (`--accept-damaged`) its rows before the damage,
    /// whose evidence is then marked here; when every file was damaged and none kept, nothing is stored and the load is
    /// recorded as refused. Every side must be a state of the registry: a row the tool would not have made is refused,
    /// with its line.
    public func loadEvents(_ output: SparkEventOutput, file: String, source: String? = nil) async throws -> ImportRecord {
        let unknown = output.evidence.enumerated().compactMap { index, row -> InputError? in
            guard let side = [row.a, row.b].first(where: { registry.country(iso3: $0) == nil }) else { return nil }
            return InputError(file: file, line: index + 2, field: side == row.a ? "a" : "b", message: "\(side) is not a state diplomap knows")
        }
        guard unknown.isEmpty else { throw InputErrors(unknown) }
        let report = output.report
        let stored = EvidenceSource(id: source ?? report.source.id, kind: .event, name: report.source.name, sha256: report.source.sha256)
        let files = report.files.map { ImportRecord.File(name: $0.name, bytes: $0.bytes, sha256: $0.sha256, md5: $0.md5, damaged: $0.damaged) }
        let record = ImportRecord(
            sourceID: stored.id, kind: .event, files: files, settings: report.settings, rowsRead: report.rowsRead, rowsKept: report.rowsKept,
            rowsMalformed: report.rowsRejected, evidenceRows: output.evidence.count,
            outcome: .of(files, keptDamaged: report.acceptDamaged && files.contains(where: \.damaged)))
        return try await commit(stored, evidence: output.evidence, record: record)
    }
}
