import DiplomapCore
import DiplomapData
import DiplomapFacts
import DiplomapStore
import Foundation
import Logging

/// What the command-line tool and the server work with: the registry and the store, brought up to date with the embedded data.
public struct Workspace: Sendable {
    public let registry: CountryRegistry
    public let store: SQLiteStore

    /// The registry of the embedded data, without a store.
    public static func registry() throws -> CountryRegistry {
        try KnowledgeBase.registry(countries: DefaultData.countriesFile, groups: DefaultData.groupsFile)
    }

    /// The embedded source policy, `Data/facts/sources.yaml`: the domains a fact may not rest on alone.
    public static func sourcePolicy() throws -> SourcePolicy {
        try KnowledgeBase.sourcePolicy(DefaultData.factsFolder.appendingPathComponent(KnowledgeBase.sourcePolicyFileName))
    }

    /// Where the store lives unless told: `$DIPLOMAP_DB`, else `diplomap/diplomap.sqlite` in `$XDG_DATA_HOME` or `~/.local/share`.
    public static var defaultStorePath: String {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["DIPLOMAP_DB"], !path.isEmpty { return path }
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".local/share").path
        return URL(fileURLWithPath: base).appendingPathComponent("diplomap/diplomap.sqlite").path
    }

    /// Opens the store at `path` and re-imports every embedded fact file that is new or changed since the last run.
    public static func open(path: String, verbose: Bool = false) async throws -> Workspace {
        let registry = try registry()
        let store: SQLiteStore
        do {
            var logger = Logger(label: "diplomap.store")
            logger.logLevel = verbose ? .info : .warning
            store = try SQLiteStore(path: path, logger: logger)
        } catch {
            throw WorkspaceError("cannot open the store \(path): \(error)")
        }
        try await syncDefaultFacts(store: store, registry: registry)
        try await VoteImport.importDefaultIfMissing(store: store, registry: registry)
        return Workspace(registry: registry, store: store)
    }

    /// The Natural Earth boundaries and capitals the report and the GeoJSON export draw.
    public static func boundaries() throws -> WorldBoundaries {
        let capitals = try Capitals(csv: String(contentsOf: DefaultData.capitalsFile, encoding: .utf8), file: DefaultData.capitalsFile.path)
        return try WorldBoundaries(geoJSON: Data(contentsOf: DefaultData.boundariesFile), file: DefaultData.boundariesFile.path, capitals: capitals)
    }

    /// Makes the store's fact sources match `Data/facts`: changed files replaced, removed files dropped.
    private static func syncDefaultFacts(store: SQLiteStore, registry: CountryRegistry) async throws {
        let files = try KnowledgeBase.factFiles(in: [DefaultData.factsFolder])
        let (loaded, errors) = KnowledgeBase.loadFacts(files, registry: registry)
        guard errors.isEmpty else { throw InputErrors(errors) }
        let stored = Dictionary(try await store.sources().map { ($0.source.id, $0.source.sha256) }, uniquingKeysWith: { first, _ in first })
        for file in loaded where stored[file.source.id] != file.sha256 {
            try await store.replace(file.source, with: file.facts.flatMap { $0.evidence(members: registry.members) })
        }
        let current = Set(loaded.map(\.source.id))
        for id in stored.keys where id.hasPrefix("facts/") && !current.contains(id) {
            try await store.remove(sourceID: id)
        }
    }
}

/// A request the workspace cannot serve, said in one line for a person.
public struct WorkspaceError: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}
