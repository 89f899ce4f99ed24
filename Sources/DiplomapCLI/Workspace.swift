import DiplomapCore
import DiplomapData
import DiplomapFacts
import DiplomapStore
import Foundation
import Logging

/// What every command works with: the registry and the store, brought up to date with the embedded data.
struct Workspace {
    let registry: CountryRegistry
    let store: SQLiteStore

    /// The registry of the embedded data, without a store.
    static func registry() throws -> CountryRegistry {
        try KnowledgeBase.registry(countries: DefaultData.countriesFile, groups: DefaultData.groupsFile)
    }

    /// Opens the store at `path` and re-imports every embedded fact file that is new or changed since the last run.
    static func open(_ options: StoreOptions) async throws -> Workspace {
        let registry = try registry()
        let store: SQLiteStore
        do {
            var logger = Logger(label: "diplomap.store")
            logger.logLevel = options.verbose ? .info : .warning
            store = try SQLiteStore(path: options.path, logger: logger)
        } catch {
            throw CommandError("cannot open the store \(options.path): \(error)")
        }
        try await syncDefaultFacts(store: store, registry: registry)
        try await VoteImport.importDefaultIfMissing(store: store, registry: registry)
        return Workspace(registry: registry, store: store)
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
