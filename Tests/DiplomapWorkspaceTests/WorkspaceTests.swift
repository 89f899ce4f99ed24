import DiplomapCore
import DiplomapDocuments
import DiplomapEvents
import DiplomapTestSupport
@testable import DiplomapWorkspace
import Foundation
import Testing

/// The application service on an empty store of each kind: imports, the map cache and its keys, paging, watching.
struct WorkspaceTests {
    static let registry = Result { try Workspace.registry() }

    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("DiplomapEventsTests/Fixtures").appendingPathComponent(name).path
    }

    func evidence(_ a: String, _ b: String, _ issue: Issue, _ polarity: Polarity = .cooperation, title: String = "t") -> Evidence {
        Evidence(kind: .fact, a: a, b: b, issue: issue, polarity: polarity, period: Period(start: PartialDate("2019")!),
                 citation: Citation(title: title, address: "https://example.org/\(title)"))
    }

    func source(_ id: String) -> EvidenceSource {
        EvidenceSource(id: id, kind: .fact, name: id, sha256: String(repeating: "a", count: 64))
    }

    func withWorkspace(_ kind: StoreKind, _ body: (Workspace) async throws -> Void) async throws {
        let registry = try Self.registry.get()
        try await kind.withStore { store in
            let workspace = Workspace(registry: registry, store: store)
            try await body(workspace)
        }
    }

    @Test(arguments: StoreKind.available)
    func aMapRequestIsResolvedToCodesBeforeItIsACacheKey(kind: StoreKind) async throws {
        try await withWorkspace(kind) { workspace in
            try await workspace.replace(source("s"), with: [evidence("KAZ", "JPN", .trade), evidence("UZB", "KOR", .water, .conflict)])
            let upper = try await workspace.map(MapRequest(focus: "C5", partners: "JPN,KOR"))
            let lower = try await workspace.map(MapRequest(focus: "c5", partners: "jpn, South Korea"))
            #expect(workspace.maps.count == 1)
            #expect(lower.request.focus == "c5")
            #expect(upper.map.cells.map(\.score) == lower.map.cells.map(\.score))
            #expect(try workspace.canonical(MapRequest(focus: "c5,KAZ,kaz", partners: "Japan")).focus == "C5,KAZ")
            _ = try await workspace.map(MapRequest(focus: "C5", partners: "JPN,KOR", issues: [.trade]))
            #expect(workspace.maps.count == 2)
        }
    }

    @Test(arguments: StoreKind.available)
    func everyImportDropsTheCachedMaps(kind: StoreKind) async throws {
        try await withWorkspace(kind) { workspace in
            let request = MapRequest(focus: "KAZ", partners: "JPN")
            try await workspace.replace(source("s"), with: [evidence("KAZ", "JPN", .trade)])
            #expect(try await workspace.map(request).map.cells.count == 1)
            let generation = workspace.generation
            let document = SourceDocument(id: "note", text: "Kazakhstan and Japan signed an agreement on water.", file: "https://example.org/note")
            let relation = ExtractedRelation(a: "KAZ", b: "JPN", issue: .water, polarity: .cooperation, evidence: document.text, start: 0, end: document.text.count, confidence: 1)
            try await workspace.importDocument(document, relations: [relation])
            #expect(workspace.generation > generation && workspace.maps.count == 0)
            #expect(try await workspace.map(request).map.cells.map(\.issue).sorted { $0.code < $1.code } == [.trade, .water])
            try await workspace.remove(sourceID: "s")
            #expect(try await workspace.map(request).map.cells.map(\.issue) == [.water])
        }
    }

    @Test(arguments: StoreKind.available)
    func eventsAreImportedThroughTheWorkspaceOnce(kind: StoreKind) async throws {
        try await withWorkspace(kind) { workspace in
            let files = [Self.fixture("gdelt1_sample.tsv")]
            let focus = try workspace.registry.resolveStates("C5").map { workspace.registry.country(iso3: $0)?.cameo ?? $0 }
            let options = EventScanOptions(focus: FocusCodes(focus))
            for _ in 0..<2 {
                let (aggregate, report) = try await workspace.scanEvents(files, options: options)
                let record = try await workspace.importEvents(aggregate, report: report, files: files)
                #expect(record.sourceID == "events/gdelt1_sample.tsv" && record.kind == .event && record.evidenceRows == 5 && record.outcome == .imported)
            }
            let sources = try await workspace.sources()
            #expect(sources.map(\.source.id) == ["events/gdelt1_sample.tsv"] && sources.map(\.rowCount) == [5])
            let rows = try await workspace.evidence(EvidenceQuery(dyad: Dyad("TKM", "AFG")))
            #expect(rows.count == 1 && rows.first?.kind == .event && rows.first?.issue == .dialogue)
        }
    }

    @Test(arguments: StoreKind.available)
    func theSparkJobsEvidenceLoadsAsEventsImportStoresItAndABadLoadChangesNothing(kind: StoreKind) async throws {
        try await withWorkspace(kind) { workspace in
            let folder = URL(fileURLWithPath: Self.fixture("spark_gdelt1_sample"))
            let output = try SparkEventOutput(folder: folder)
            for _ in 0..<2 {
                let record = try await workspace.loadEvents(output, file: "evidence.csv")
                #expect(record.sourceID == "events/gdelt1_sample.tsv" && record.evidenceRows == 5 && record.outcome == .imported)
            }
            let query = EvidenceQuery(dyad: Dyad("TKM", "AFG"))
            let loaded = try await workspace.evidence(query)
            let sources = try await workspace.sources()

            var foreign = output
            foreign.evidence[3].b = "XXX"
            await #expect(throws: InputErrors.self) { try await workspace.loadEvents(foreign, file: "evidence.csv") }
            let afterFailure = try await workspace.sources()
            #expect(afterFailure == sources)

            let files = [Self.fixture("gdelt1_sample.tsv")]
            let focus = try workspace.registry.resolveStates("C5").map { workspace.registry.country(iso3: $0)?.cameo ?? $0 }
            let (aggregate, report) = try await workspace.scanEvents(files, options: EventScanOptions(focus: FocusCodes(focus)))
            _ = try await workspace.importEvents(aggregate, report: report, files: files, settings: output.report.settings)
            let imported = try await workspace.evidence(query)
            let importedSources = try await workspace.sources()
            #expect(imported == loaded && importedSources == sources)
            // The ledger: two loads and one import, the same files, counts and settings, then the import's entry.
            let ledger = try await workspace.imports().filter { $0.sourceID == "events/gdelt1_sample.tsv" }.map { record in
                [record.files.map { "\($0.name) \($0.bytes) \($0.sha256) \($0.damaged)" }.joined(), record.settings, record.outcome.rawValue,
                 "\(record.rowsRead) \(record.rowsKept) \(record.rowsMalformed) \(record.evidenceRows)"]
            }
            #expect(ledger.count == 3 && Set(ledger).count == 1 && output.report.settings.hasPrefix("--focus C5"))
        }
    }

    @Test(arguments: StoreKind.available)
    func aNULCharacterIsStoredAsTheReplacementCharacterOnEveryStore(kind: StoreKind) async throws {
        try await withWorkspace(kind) { workspace in
            var item = evidence("KAZ", "JPN", .trade, title: "a\u{0}b")
            item.citation.quote = "\u{0}"
            try await workspace.replace(EvidenceSource(id: "s\u{0}", kind: .fact, name: "n\u{0}", sha256: String(repeating: "a", count: 64)), with: [item])
            let stored = try await workspace.evidence(EvidenceQuery())
            #expect(stored.map(\.citation.title) == ["a\u{FFFD}b"] && stored.map(\.citation.quote) == ["\u{FFFD}"])
            #expect(try await workspace.sources().map(\.source.id) == ["s\u{FFFD}"])
        }
    }

    @Test(arguments: StoreKind.available)
    func evidenceComesPageByPageWithTheNextCursor(kind: StoreKind) async throws {
        try await withWorkspace(kind) { workspace in
            let items = (0..<5).map { evidence("KAZ", "JPN", Issue.allCases[$0], title: "p\($0)") }
            try await workspace.replace(source("s"), with: items)
            let query = EvidenceQuery(dyad: Dyad("JPN", "KAZ"))
            let first = try await workspace.evidencePage(query, after: nil, limit: 2)
            let second = try await workspace.evidencePage(query, after: first.next, limit: 2)
            let last = try await workspace.evidencePage(query, after: second.next, limit: 2)
            #expect((first.rows + second.rows + last.rows).map(\.evidence) == items)
            #expect(first.next != nil && second.next != nil && last.next == nil)
            let exact = try await workspace.evidencePage(query, after: nil, limit: 5)
            #expect(exact.rows.count == 5 && exact.next == nil)
        }
    }

    @Test(arguments: StoreKind.available)
    func aWriteByAnotherServerDropsThisOnesMapsUntilTheWatchIsCancelled(kind: StoreKind) async throws {
        let registry = try Self.registry.get()
        try await kind.withStore { store in
            // Two workspaces on one store, as two servers on one database: each has its own cache.
            let writer = Workspace(registry: registry, store: store), reader = Workspace(registry: registry, store: store)
            let request = MapRequest(focus: "KAZ", partners: "JPN")
            let watch = Task { await reader.watchForChanges(every: .milliseconds(50)) }
            defer { watch.cancel() }
            try await writer.replace(source("s"), with: [evidence("KAZ", "JPN", .trade)])
            try await Task.sleep(for: .milliseconds(200))
            #expect(try await reader.map(request).map.cells.count == 1)
            let generation = reader.generation
            try await writer.replace(source("t"), with: [evidence("KAZ", "JPN", .water)])
            let deadline = ContinuousClock.now + .seconds(5)
            while reader.generation == generation, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
            #expect(reader.generation > generation)
            #expect(try await reader.map(request).map.cells.count == 2)

            // Cancelled, the watch returns and looks no more: the reader keeps its map past another write.
            watch.cancel()
            await watch.value
            let stopped = reader.generation
            try await writer.replace(source("u"), with: [evidence("KAZ", "JPN", .energy)])
            try await Task.sleep(for: .milliseconds(300))
            #expect(reader.generation == stopped)
            #expect(try await reader.map(request).map.cells.count == 2)
        }
    }

    @Test(arguments: StoreKind.available)
    func aCopyToAnotherStoreHoldsEveryRow(kind: StoreKind) async throws {
        // The origin on this kind; the copy on every kind, and back.
        try await kind.withStore { origin in
            try await origin.replace(source("a"), with: (0..<300).map { evidence($0 % 2 == 0 ? "KAZ" : "UZB", "JPN", Issue.allCases[$0 % 16], title: "a\($0)\t\\") })
            try await origin.replace(source("b"), with: [evidence("TJK", "IRN", .water, .conflict)])
            for targetKind in StoreKind.available {
                try await targetKind.withStore { target in
                    try await target.replace(source("stale"), with: [evidence("KGZ", "TUR", .trade)])
                    let report = try await StoreLocation.copy(from: origin, to: target)
                    #expect(report == StoreCopyReport(sources: 2, rows: 301, removed: 1))
                    #expect(try await target.sources() == origin.sources())
                    for id in ["a", "b"] { #expect(try await target.evidence(sourceID: id) == origin.evidence(sourceID: id)) }
                    try await kind.withStore { back in
                        _ = try await StoreLocation.copy(from: target, to: back)
                        #expect(try await back.evidence(EvidenceQuery()) == origin.evidence(EvidenceQuery()))
                    }
                }
            }
        }
    }
}
