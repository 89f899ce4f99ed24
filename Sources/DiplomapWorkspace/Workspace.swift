import DiplomapCore
import DiplomapData
import DiplomapFacts
import Foundation
import Logging

/// The one application service: the registry and a store behind `EvidenceStore`, with every import, the maps on
/// request and their cache, evidence paging and the vote data. The command-line tool and the server call it and never
/// reach past it to a concrete store.
public final class Workspace: Sendable {
    public let registry: CountryRegistry
    /// The store, SQLite or PostgreSQL: read through the workspace's methods, which keep the map cache true.
    public let store: any EvidenceStore
    /// The embedded UN vote data, read once, when it is first asked for.
    public let votes: VoteDataLoader
    let maps = MapCache()
    let logger: Logger

    /// A workspace over `store` as it is: nothing imported (tests, and `open` once it has filled the store).
    public init(registry: CountryRegistry, store: any EvidenceStore, logger: Logger = Logger(label: "diplomap.workspace")) {
        self.registry = registry
        self.store = store
        self.logger = logger
        votes = VoteDataLoader(registry: registry, logger: logger)
    }

    /// The registry of the embedded data, without a store.
    public static func registry() throws -> CountryRegistry {
        try KnowledgeBase.registry(countries: DefaultData.countriesFile, groups: DefaultData.groupsFile)
    }

    /// The embedded source policy, `Data/facts/sources.yaml`: the domains a fact may not rest on alone.
    public static func sourcePolicy() throws -> SourcePolicy {
        try KnowledgeBase.sourcePolicy(DefaultData.factsFolder.appendingPathComponent(KnowledgeBase.sourcePolicyFileName))
    }

    /// Where the store lives unless told: `$DIPLOMAP_DB`, else `diplomap.sqlite` in the data directory.
    public static var defaultStorePath: String {
        if let path = ProcessInfo.processInfo.environment["DIPLOMAP_DB"], !path.isEmpty { return path }
        return dataDirectory.appendingPathComponent("diplomap.sqlite").path
    }

    /// The folder of diplomap's own files: `diplomap` in `$XDG_DATA_HOME` or `~/.local/share`.
    public static var dataDirectory: URL {
        let base = ProcessInfo.processInfo.environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".local/share").path
        return URL(fileURLWithPath: base).appendingPathComponent("diplomap")
    }

    /// Opens the SQLite store at `path`, as `open(_:verbose:)` does.
    public static func open(path: String, verbose: Bool = false) async throws -> Workspace {
        try await open(.sqlite(path: path), verbose: verbose)
    }

    /// Opens the store, brings its schema up to date, and imports the embedded facts that are new or changed and the
    /// default vote pairs when missing.
    public static func open(_ location: StoreLocation, verbose: Bool = false) async throws -> Workspace {
        let registry = try registry()
        var logger = Logger(label: "diplomap.store")
        // Notices too: a schema update that takes a while says so.
        logger.logLevel = verbose ? .info : .notice
        let store = try await location.open(logger: logger)
        let workspace = Workspace(registry: registry, store: store)
        do {
            try await workspace.importDefaultData()
        } catch {
            await store.close()
            throw error
        }
        return workspace
    }

    /// Lets go of the store; the workspace is not used afterwards.
    public func close() async {
        await store.close()
    }

    /// The Natural Earth boundaries and capitals the report and the GeoJSON export draw.
    public static func boundaries() throws -> WorldBoundaries {
        let capitals = try Capitals(csv: String(contentsOf: DefaultData.capitalsFile, encoding: .utf8), file: DefaultData.capitalsFile.path)
        return try WorldBoundaries(geoJSON: Data(contentsOf: DefaultData.boundariesFile), file: DefaultData.boundariesFile.path, capitals: capitals)
    }

    /// Makes the store's fact sources match `Data/facts` and imports the default vote pairs when the store has none.
    public func importDefaultData() async throws {
        try await syncDefaultFacts()
        try await VoteImport.importDefaultIfMissing(workspace: self)
    }

    /// Makes the store's fact sources match `Data/facts`: changed files replaced, removed files dropped.
    private func syncDefaultFacts() async throws {
        let files = try KnowledgeBase.factFiles(in: [DefaultData.factsFolder])
        let (loaded, errors) = KnowledgeBase.loadFacts(files, registry: registry)
        guard errors.isEmpty else { throw InputErrors(errors) }
        let stored = Dictionary(try await store.sources().map { ($0.source.id, $0.source.sha256) }, uniquingKeysWith: { first, _ in first })
        for file in loaded where stored[file.source.id] != file.sha256 {
            let evidence = file.facts.flatMap { $0.evidence(members: registry.members) }
            var read = try ImportRecord.File.reading(file.url.path)
            read.name = file.name
            let record = ImportRecord(
                sourceID: file.source.id, kind: .fact, files: [read], rowsRead: file.facts.count, rowsKept: file.facts.count, rowsMalformed: 0,
                evidenceRows: evidence.count, outcome: .imported)
            try await replace(file.source, with: evidence, recording: record)
        }
        let current = Set(loaded.map(\.source.id))
        for id in stored.keys where id.hasPrefix("facts/") && !current.contains(id) {
            try await remove(sourceID: id)
        }
    }

    // MARK: Writes: each one drops the cached maps.

    /// Replaces a source's rows with `evidence`, atomically, and drops the cached maps; the ledger records rows that
    /// came from no file read here.
    public func replace(_ source: EvidenceSource, with evidence: [Evidence]) async throws {
        try await replace(source, with: evidence, recording: .stored(source, evidenceRows: evidence.count))
    }

    /// Replaces a source's rows with `evidence` and records the import in the ledger, atomically, and drops the cached
    /// maps; returns the ledger's id of the import.
    @discardableResult
    public func replace(_ source: EvidenceSource, with evidence: [Evidence], recording record: ImportRecord) async throws -> Int64 {
        defer { invalidate() }
        var record = record
        record.sourceID = StoredText.clean(source).id
        return try await store.replace(StoredText.clean(source), with: StoredText.clean(evidence), recording: record)
    }

    /// Removes a source and its rows, and drops the cached maps.
    public func remove(sourceID: String) async throws {
        defer { invalidate() }
        try await store.remove(sourceID: sourceID)
    }

    /// Stores a fact file's facts as one source `posted-facts/<name>`, replacing an earlier one of the same name; returns the source and its row count.
    public func importFacts(_ contents: KnowledgeBase.FactFileContents, name: String) async throws -> (source: EvidenceSource, rows: Int) {
        let source = EvidenceSource(id: "posted-facts/\(name)", kind: .fact, name: name, sha256: contents.sha256)
        let evidence = contents.facts.flatMap { $0.evidence(members: registry.members) }
        try await replace(source, with: evidence)
        return (source, evidence.count)
    }

    // MARK: Reads

    /// The imported sources with their row counts, ordered by id.
    public func sources() async throws -> [StoredSource] {
        try await store.sources()
    }

    /// The imported sources with their row counts and the ledger's record of the import each one's rows came from (the
    /// last one that stored rows), ordered by id: what a report's manifest shows.
    public func sourcesWithImports() async throws -> [StoredSource] {
        var latest: [String: ImportRecord] = [:]
        for record in try await store.imports(sourceID: nil) where record.outcome != .refused { latest[record.sourceID] = record }
        return try await store.sources().map { stored in
            var stored = stored
            stored.lastImport = latest[stored.source.id]
            return stored
        }
    }

    /// Every piece of evidence matching `query`, in the order it was imported.
    public func evidence(_ query: EvidenceQuery) async throws -> [Evidence] {
        try await store.evidence(query)
    }

    /// One page of the evidence matching `query`: up to `limit` rows after the row `cursor`, and the cursor of the next page (`nil` on the last).
    public func evidencePage(_ query: EvidenceQuery, after cursor: Int64?, limit: Int) async throws -> (rows: [(id: Int64, evidence: Evidence)], next: Int64?) {
        let rows = try await store.evidence(query, after: cursor, limit: limit + 1)
        let page = Array(rows.prefix(limit))
        return (page, rows.count > limit ? page.last?.id : nil)
    }

    // MARK: The map cache

    /// Counts the changes the cached maps were built from: it moves on every write, here or (once seen) in another process.
    public var generation: Int { maps.generation }

    /// Drops every cached map: the store has changed.
    public func invalidate() {
        maps.invalidate()
    }

    /// Checks the store's change counter every `interval` and drops the cached maps when another process has written,
    /// until the calling task is cancelled: several servers on one database keep their caches true.
    public func watchForChanges(every interval: Duration) async {
        var seen = try? await store.changeCounter()
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: interval)
                let now = try await store.changeCounter()
                if now != seen {
                    if seen != nil { maps.invalidate() }
                    seen = now
                }
            } catch {
                if !Task.isCancelled { logger.warning("cannot read the store's change counter", metadata: ["error": "\(error)"]) }
            }
        }
    }
}

/// A request the workspace cannot serve, said in one line for a person.
public struct WorkspaceError: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}
