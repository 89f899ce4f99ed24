import DiplomapCore
import DiplomapTestSupport
import Foundation
import Testing

/// The import ledger, on SQLite and (when a server is given) PostgreSQL: every import kept with its files and counts.
struct ImportLedgerTests {
    static let citation = Citation(title: "A page", address: "https://example.org/a")
    let fileA = ImportRecord.File(name: "a.export.CSV.gz", bytes: 1_234, sha256: String(repeating: "a", count: 64), md5: "0123456789abcdef0123456789abcdef")
    let fileB = ImportRecord.File(name: "b.export.CSV.zip", bytes: 99, sha256: String(repeating: "b", count: 64))

    func row(_ a: String, _ b: String) -> Evidence {
        Evidence(kind: .event, a: a, b: b, issue: .trade, polarity: .cooperation, weight: 3, citation: Self.citation)
    }

    func source(_ id: String) -> EvidenceSource {
        EvidenceSource(id: id, kind: .event, name: id, sha256: String(repeating: "c", count: 64))
    }

    @Test(arguments: StoreKind.available)
    func aCleanAndARefusedImportAreBothKeptWithTheirCounts(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let clean = ImportRecord(
                sourceID: "events/a", kind: .event, files: [fileA, fileB], settings: "focus C5", rowsRead: 1_000, rowsKept: 40, rowsMalformed: 2,
                evidenceRows: 2, outcome: .imported, importedAt: Date(timeIntervalSince1970: 1_700_000_000.7))
            let cleanID = try await store.replace(source("events/a"), with: [row("KAZ", "JPN"), row("UZB", "KOR")], recording: clean)
            let refused = ImportRecord(
                sourceID: "events/a", kind: .event, files: [fileB], rowsRead: 10, rowsKept: 1, rowsMalformed: 0, evidenceRows: 0, outcome: .refused)
            let refusedID = try await store.record(refused)
            #expect(refusedID > cleanID)

            let ledger = try await store.imports(sourceID: nil)
            var expectedClean = clean, expectedRefused = refused
            (expectedClean.id, expectedRefused.id) = (cleanID, refusedID)
            #expect(ledger == [expectedClean, expectedRefused])
            #expect(ledger[0].importedAt == Date(timeIntervalSince1970: 1_700_000_000))
            #expect(ledger.map(\.damaged) == [false, true])
            #expect(ledger[0].files.map(\.md5) == ["0123456789abcdef0123456789abcdef", nil])
            // The refused import left the rows of the clean one.
            #expect(try await store.evidence(sourceID: "events/a").count == 2)
            #expect(try await store.imports(sourceID: "events/other").isEmpty)
        }
    }

    @Test(arguments: StoreKind.available)
    func aFileCountsAsImportedOnlyWhileTheSourceHoldsItsRows(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let record = ImportRecord(sourceID: "events/a", kind: .event, files: [fileA], rowsRead: 5, rowsKept: 5, rowsMalformed: 0, evidenceRows: 1, outcome: .imported)
            try await store.replace(source("events/a"), with: [row("KAZ", "JPN")], recording: record)
            #expect(try await store.hasImported(sha256: fileA.sha256, sourceID: "events/a"))
            #expect(try await store.hasImported(sha256: fileB.sha256, sourceID: "events/a") == false)
            #expect(try await store.hasImported(sha256: fileA.sha256, sourceID: "events/b") == false)

            // A partial import (rows kept from a damaged file) does not count: the file is read again next time.
            var partial = record
            var damagedB = fileB
            damagedB.damaged = true
            (partial.files, partial.outcome) = ([damagedB], .partial)
            try await store.replace(source("events/a"), with: [row("KAZ", "JPN")], recording: partial)
            #expect(try await store.hasImported(sha256: fileA.sha256, sourceID: "events/a") == false)
            #expect(try await store.hasImported(sha256: fileB.sha256, sourceID: "events/a") == false)

            try await store.replace(source("events/a"), with: [row("KAZ", "JPN")], recording: record)
            try await store.remove(sourceID: "events/a")
            #expect(try await store.hasImported(sha256: fileA.sha256, sourceID: "events/a") == false)
            // Removing a source keeps its history.
            #expect(try await store.imports(sourceID: "events/a").map(\.outcome) == [.imported, .partial, .imported])
        }
    }

    @Test(arguments: StoreKind.available)
    func theLedgerRefusesAnMD5ThatIsNotThirtyTwoLowercaseHexDigits(kind: StoreKind) async throws {
        try await kind.withStore { store in
            for md5 in ["0123456789ABCDEF0123456789ABCDEF", "0123456789abcdef", "0123456789abcdef0123456789abcdeg"] {
                var file = fileA
                file.md5 = md5
                let record = ImportRecord(sourceID: "events/a", kind: .event, files: [file], rowsRead: 5, rowsKept: 0, rowsMalformed: 0, evidenceRows: 0, outcome: .refused)
                await #expect(throws: (any Error).self, "\(md5)") { try await store.record(record) }
            }
            let ledger = try await store.imports(sourceID: nil)
            #expect(ledger.isEmpty)
        }
    }

    @Test(arguments: StoreKind.available)
    func theLedgerRefusesARefusedImportThatStoredRows(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let record = ImportRecord(sourceID: "events/a", kind: .event, files: [fileA], rowsRead: 5, rowsKept: 5, rowsMalformed: 0, evidenceRows: 1, outcome: .refused)
            await #expect(throws: (any Error).self) { try await store.replace(source("events/a"), with: [row("KAZ", "JPN")], recording: record) }
            let (sources, ledger) = (try await store.sources(), try await store.imports(sourceID: nil))
            #expect(sources.isEmpty && ledger.isEmpty)
        }
    }
}
