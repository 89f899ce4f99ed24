import DiplomapCore
import DiplomapEvents
import DiplomapTestSupport
@testable import DiplomapWorkspace
import Foundation
import Testing

/// Event imports through the workspace leave their ledger entries, on each store: counts of a clean import, a refused
/// damaged one, and a partial one whose evidence is marked.
struct ImportLedgerWorkspaceTests {
    func withWorkspace(_ kind: StoreKind, _ body: (Workspace) async throws -> Void) async throws {
        let registry = try WorkspaceTests.registry.get()
        try await kind.withStore { store in
            let workspace = Workspace(registry: registry, store: store)
            try await body(workspace)
        }
    }

    func importEvents(_ workspace: Workspace, _ files: [String], source: String, accept: Bool = false) async throws -> ImportRecord {
        let focus = try workspace.registry.resolveStates("C5").map { workspace.registry.country(iso3: $0)?.cameo ?? $0 }
        let options = EventScanOptions(focus: FocusCodes(focus), damage: DamagePolicy(acceptDamaged: accept))
        let (aggregate, report) = try await workspace.scanEvents(files, options: options)
        return try await workspace.importEvents(aggregate, report: report, files: files, source: source, settings: "--focus C5")
    }

    @Test(arguments: StoreKind.available)
    func theLedgerKeepsEachImportedFilesMD5AsMd5sumGivesIt(kind: StoreKind) async throws {
        try await withWorkspace(kind) { workspace in
            let files = [WorkspaceTests.fixture("gdelt1_sample.tsv"), WorkspaceTests.fixture("truncated.tsv.gz")]
            let record = try await importEvents(workspace, files, source: "events/two")
            let expected = try files.map { try coreutilsDigest("md5sum", $0) }
            #expect(expected.allSatisfy { $0.count == 32 })
            #expect(record.files.map(\.md5) == expected)
            #expect(try await workspace.imports().first { $0.sourceID == "events/two" }?.files.map(\.md5) == expected)
        }
    }

    @Test(arguments: StoreKind.available)
    func aCleanADamagedAndAPartialImportAreCountedInTheLedger(kind: StoreKind) async throws {
        try await withWorkspace(kind) { workspace in
            let clean = try await importEvents(workspace, [WorkspaceTests.fixture("gdelt1_sample.tsv")], source: "events/clean")
            #expect(clean.outcome == .imported && clean.rowsRead == 400 && clean.rowsKept == 7 && clean.rowsMalformed == 0 && clean.evidenceRows == 5)
            #expect(clean.files.map(\.bytes) == [146_002] && clean.files.map(\.damaged) == [false])

            let truncated = WorkspaceTests.fixture("truncated.tsv.gz")
            let refused = try await importEvents(workspace, [truncated], source: "events/damaged")
            #expect(refused.outcome == .refused && refused.evidenceRows == 0 && refused.rowsKept == 0 && refused.rowsRead > 500)
            #expect(refused.files.map(\.damaged) == [true])
            #expect(try await workspace.sources().map(\.source.id).contains("events/damaged") == false)

            let partial = try await importEvents(workspace, [truncated], source: "events/damaged", accept: true)
            #expect(partial.outcome == .partial && partial.evidenceRows > 0 && partial.rowsKept > 0)
            let rows = try await workspace.store.evidence(sourceID: "events/damaged")
            #expect(rows.count == partial.evidenceRows)
            #expect(rows.allSatisfy { $0.citation.title.hasSuffix("(partly from a damaged file)") && $0.citation.summary?.contains("truncated.tsv.gz") == true })

            let ledger = try await workspace.imports().filter { $0.sourceID.hasPrefix("events/") }
            #expect(ledger.map(\.outcome) == [.imported, .refused, .partial])
            #expect(ledger.map(\.id) == [clean.id, refused.id, partial.id])
            // The manifest reads the import the rows came from: the partial one, not the refusal before it.
            let manifest = try await workspace.sourcesWithImports().first { $0.source.id == "events/damaged" }
            #expect(manifest?.lastImport?.id == partial.id)
            // The clean file is known by its checksum; the damaged one is read again next time.
            #expect(try await workspace.unchangedImport(sourceID: "events/clean", files: clean.files, settings: "--focus C5") != nil)
            #expect(try await workspace.unchangedImport(sourceID: "events/clean", files: clean.files, settings: "--focus KAZ") == nil)
            #expect(try await workspace.unchangedImport(sourceID: "events/damaged", files: partial.files, settings: "--focus C5") == nil)
        }
    }
}
