import DiplomapCore
import DiplomapTestSupport
import Foundation
import Testing

/// What every store must do, written once and run on SQLite and (when a server is given) PostgreSQL.
struct StoreTests {
    static let citation = Citation(title: "A page", publisher: "A publisher", address: "https://example.org/a", locator: "paragraph 1", summary: "Kazakhstan and Japan met.")

    func row(_ a: String, _ b: String, _ issue: Issue = .dialogue, _ polarity: Polarity = .cooperation) -> Evidence {
        Evidence(kind: .fact, a: a, b: b, issue: issue, polarity: polarity, period: Period(start: PartialDate("2019-12")!), citation: Self.citation)
    }

    func source(_ id: String, sha: Character = "a") -> EvidenceSource {
        EvidenceSource(id: id, kind: .fact, name: id, sha256: String(repeating: sha, count: 64))
    }

    static let invalidRows = [
        "INSERT INTO evidence (source_id, ordinal, kind, side_a, side_b, issue, polarity, weight, citation_title, citation_address) VALUES ('s', 0, 'fact', 'KAZ', 'JPN', 'security.terror', 'cooperation', 1, 't', 'a')",
        "INSERT INTO evidence (source_id, ordinal, kind, side_a, side_b, issue, polarity, weight, citation_title, citation_address) VALUES ('s', 0, 'fact', 'KAZ', 'JPN', 'economy.trade', 'friendly', 1, 't', 'a')",
        "INSERT INTO evidence (source_id, ordinal, kind, side_a, side_b, issue, polarity, weight, citation_title, citation_address) VALUES ('s', 0, 'fact', 'KAZ', 'KAZ', 'economy.trade', 'conflict', 1, 't', 'a')",
        "INSERT INTO evidence (source_id, ordinal, kind, side_a, side_b, issue, polarity, weight, citation_title, citation_address) VALUES ('s', 0, 'fact', 'KAZ', 'JPN', 'economy.trade', 'conflict', -1, 't', 'a')",
        "INSERT INTO evidence (source_id, ordinal, kind, side_a, side_b, issue, polarity, weight, citation_title, citation_address) VALUES ('missing', 0, 'fact', 'KAZ', 'JPN', 'economy.trade', 'conflict', 1, 't', 'a')",
        "INSERT INTO evidence (source_id, ordinal, kind, side_a, side_b, issue, polarity, weight, citation_title, citation_address) VALUES ('s', 0, 'fact', 'KAZ', 'JPN', 'economy.trade', 'conflict', 1, NULL, 'a')",
        "INSERT INTO evidence (source_id, ordinal, kind, side_a, side_b, issue, polarity, weight, citation_title, citation_address) VALUES ('s', 0, 'fact', 'KAZ', 'JPN', 'economy.trade', 'conflict', 1, 't', 'a'), ('s', 0, 'fact', 'KAZ', 'JPN', 'economy.trade', 'conflict', 1, 't', 'a')",
        "INSERT INTO evidence (source_id, ordinal, kind, side_a, side_b, issue, polarity, weight, end_date, citation_title, citation_address) VALUES ('s', 0, 'fact', 'KAZ', 'JPN', 'economy.trade', 'conflict', 1, '2020', 't', 'a')",
        "INSERT INTO source (id, kind, name, sha256, imported_at) VALUES ('t', 'rumour', 'n', '\(String(repeating: "a", count: 64))', 'now')",
        "INSERT INTO source (id, kind, name, sha256, imported_at) VALUES ('t', 'fact', 'n', 'abc', 'now')",
    ]

    @Test(arguments: StoreKind.available, invalidRows)
    func theSchemaRejectsInvalidRows(kind: StoreKind, sql: String) async throws {
        try await kind.withStore { store in
            try await StoreKind.execute("INSERT INTO source (id, kind, name, sha256, imported_at) VALUES ('s', 'fact', 'n', '\(String(repeating: "a", count: 64))', 'now')", on: store)
            await #expect(throws: (any Error).self) { try await StoreKind.execute(sql, on: store) }
            #expect(try await store.evidence(EvidenceQuery()).isEmpty)
        }
    }

    @Test(arguments: StoreKind.available)
    func aFactsFurtherSourcesComeBackWithItsRow(kind: StoreKind) async throws {
        try await kind.withStore { store in
            var item = row("KAZ", "JPN")
            item.citation.also = [
                Citation(title: "A second page", publisher: "Another", address: "https://example.com/b", published: PartialDate("2020-01"), locator: "heading 2", summary: "Again."),
                Citation(title: "A third page", address: "https://example.net/c", locator: "p. 3"),
            ]
            try await store.replace(source("s1"), with: [item, row("UZB", "KOR")])
            let read = try await store.evidence(EvidenceQuery())
            #expect(read == [item, row("UZB", "KOR")])
            #expect(read[0].citation.also.map(\.address) == ["https://example.com/b", "https://example.net/c"] && read[1].citation.also.isEmpty)
        }
    }

    @Test(arguments: StoreKind.available)
    func readsBackWhatItStored(kind: StoreKind) async throws {
        try await kind.withStore { store in
            var item = row("KAZ", "JPN")
            item.citation.quote = "a quote"
            let awkward = awkwardRow()
            var undated = row("TJK", "IRN", .water, .neutral)
            undated.period = nil
            try await store.replace(source("s1"), with: [item, awkward, undated])
            #expect(try await store.evidence(EvidenceQuery()) == [item, awkward, undated])
            #expect(try await store.evidence(sourceID: "s1") == [item, awkward, undated])
        }
    }

    /// What a COPY line must escape, text beyond ASCII, an empty text beside a missing one, a weight that is not a short decimal.
    func awkwardRow() -> Evidence {
        var awkward = row("UZB", "KOR", .trade, .conflict)
        awkward.citation = Citation(
            title: "Tab\there, newline\nthere, back\\slash \\N and \r", publisher: nil, address: "https://example.org/ü?q=1&r=\\t",
            published: PartialDate("2020-02-29"), locator: nil, summary: "Ташкент — 서울", quote: "")
        awkward.weight = 0.1 + 0.2
        awkward.period = Period(start: PartialDate("2001")!, end: PartialDate("2003-04"))
        return awkward
    }

    /// A map's strongest pieces are read back by id (on PostgreSQL a thousand ids to a packed value): more ids than one
    /// value holds, in no order, one no row has, and every field as it was stored.
    @Test(arguments: StoreKind.available)
    func readsRowsBackByID(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let rows = (0..<2_345).map { index in
                var item = row(["KAZ", "KGZ", "TJK"][index % 3], "JPN", Issue.allCases[index % Issue.allCases.count])
                item.weight = Double(index)
                item.citation.locator = "row \(index)"
                return item
            }
            let written = rows + [awkwardRow()]
            try await store.replace(source("s1"), with: written)
            // A new store numbers the rows in the order they were written.
            let ids = try await store.evidence(EvidenceQuery(), after: nil, limit: .max).map(\.id)
            let wanted = Dictionary(uniqueKeysWithValues: zip(ids, written).enumerated().filter { $0.offset % 2 == 0 || $0.offset == rows.count }.map(\.element))
            #expect(wanted.count == 1_174 && wanted[ids.last!] == awkwardRow())
            let unknown = (1...1_500).map { ids.max()! + Int64($0) }
            #expect(try await store.evidence(ids: wanted.keys.shuffled() + unknown + Array(wanted.keys.prefix(3))) == wanted)
            #expect(try await store.evidence(ids: unknown).isEmpty)
        }
    }

    /// SQLite inserts many rows a statement: loads shorter than one, as long as one and a little longer come back
    /// whole and in order, each row with its own values.
    @Test(arguments: StoreKind.available, [1, 63, 64, 65, 200])
    func everyRowOfALoadComesBackInOrder(kind: StoreKind, count: Int) async throws {
        try await kind.withStore { store in
            let partners = ["JPN", "KOR", "IND", "TUR", "IRN"]
            let rows = (0..<count).map { index in
                var item = row(["KAZ", "KGZ", "TJK"][index % 3], partners[index / 3 % partners.count], Issue.allCases[index % Issue.allCases.count])
                item.weight = Double(index)
                item.citation.locator = "row \(index)"
                return item
            }
            try await store.replace(source("s1"), with: rows)
            #expect(try await store.evidence(sourceID: "s1") == rows)
        }
    }

    @Test(arguments: StoreKind.available)
    func reimportReplacesInsteadOfDuplicating(kind: StoreKind) async throws {
        try await kind.withStore { store in
            try await store.replace(source("s1"), with: [row("KAZ", "JPN"), row("UZB", "KOR")])
            try await store.replace(source("s2"), with: [row("C5", "TUR")])
            try await store.replace(source("s1", sha: "b"), with: [row("KAZ", "JPN"), row("UZB", "KOR")])
            #expect(try await store.evidence(EvidenceQuery()).count == 3)
            let sources = try await store.sources()
            #expect(sources.map(\.source.id) == ["s1", "s2"] && sources.map(\.rowCount) == [2, 1])
            #expect(sources.first?.source.sha256.first == "b")
        }
    }

    @Test(arguments: StoreKind.available)
    func aFailedImportLeavesTheStoreAsItWas(kind: StoreKind) async throws {
        try await kind.withStore { store in
            try await store.replace(source("s1"), with: [row("KAZ", "JPN")])
            let before = try await store.evidence(EvidenceQuery())
            let counter = try await store.changeCounter()
            await #expect(throws: (any Error).self) {
                try await store.replace(source("s1", sha: "c"), with: [row("KAZ", "KOR"), row("KAZ", "KAZ")])
            }
            #expect(try await store.evidence(EvidenceQuery()) == before)
            #expect(try await store.sources().first?.source.sha256.first == "a")
            #expect(try await store.changeCounter() == counter)
        }
    }

    /// A weight the map's exact sums cannot count (`ExactSum`) would be left out of it unseen: the store refuses the
    /// import, naming the source and row, and keeps what it had. PostgreSQL's `CHECK (weight >= 0)` lets NaN and
    /// infinity through, so the check cannot be left to the schema.
    @Test(arguments: StoreKind.available, [Double.nan, .infinity, 0x1p40, 1e300, -0.5])
    func aWeightTheMapCannotCountIsRefusedByRow(kind: StoreKind, weight: Double) async throws {
        try await kind.withStore { store in
            try await store.replace(source("s1"), with: [row("KAZ", "JPN")])
            let before = try await store.evidence(EvidenceQuery())
            var bad = row("KAZ", "KOR")
            bad.weight = weight
            let error = await #expect(throws: InputError.self) {
                try await store.replace(source("s1", sha: "c"), with: [row("UZB", "KOR"), row("KAZ", "IND"), bad])
            }
            #expect(error?.file == "source s1" && error?.field == "weight" && error?.message.hasPrefix("row 3 of the import: ") == true)
            #expect(try await store.evidence(EvidenceQuery()) == before)
            var largest = row("KAZ", "KOR")
            largest.weight = 0x1p40.nextDown
            try await store.replace(source("s2"), with: [largest])
            #expect(try await store.evidence(EvidenceQuery(dyad: Dyad("KAZ", "KOR"))).map(\.weight) == [0x1p40.nextDown])
        }
    }

    /// A large import with a row the store refuses midway: SQLite fails the statement holding it, PostgreSQL the copy
    /// while megabytes of it are still being sent. Either way: one line, nothing imported, and the store takes the next import.
    @Test(arguments: StoreKind.available)
    func aLargeImportRefusedMidwayEndsInOneLine(kind: StoreKind) async throws {
        try await kind.withStore { store in
            try await store.replace(source("s1"), with: [row("KAZ", "JPN")])
            let before = try await store.evidence(EvidenceQuery())
            var rows = (0..<150_000).map { index in
                var item = row("UZB", "KOR", Issue.allCases[index % Issue.allCases.count])
                item.citation.summary = "row \(index) of an import the store refuses midway"
                return item
            }
            rows[50_000] = row("KAZ", "KAZ")
            let error = await #expect(throws: (any Error).self) { try await store.replace(source("s1", sha: "c"), with: rows) }
            #expect(error.map { !String(describing: $0).contains("\n") } == true)
            #expect(try await store.evidence(EvidenceQuery()) == before)
            try await store.replace(source("s2"), with: [row("UZB", "KOR")])
            #expect(try await store.sources().map(\.source.id) == ["s1", "s2"])
        }
    }

    @Test(arguments: StoreKind.available)
    func filtersByDyadInEitherOrderIssueAndSides(kind: StoreKind) async throws {
        try await kind.withStore { store in
            try await store.replace(source("s1"), with: [row("KAZ", "JPN"), row("JPN", "KAZ", .trade), row("UZB", "JPN"), row("C5", "TUR", .multilateral)])
            #expect(try await store.evidence(EvidenceQuery(dyad: Dyad("JPN", "KAZ"))).count == 2)
            #expect(try await store.evidence(EvidenceQuery(dyad: Dyad("KAZ", "JPN"), issues: [.trade])).map(\.a) == ["JPN"])
            #expect(try await store.evidence(EvidenceQuery(sides: ["C5", "TUR", "KAZ"])).map(\.b) == ["TUR"])
        }
    }

    @Test(arguments: StoreKind.available)
    func removingASourceRemovesItsRows(kind: StoreKind) async throws {
        try await kind.withStore { store in
            try await store.replace(source("s1"), with: [row("KAZ", "JPN")])
            try await store.replace(source("s2"), with: [row("UZB", "KOR")])
            try await store.remove(sourceID: "s1")
            #expect(try await store.evidence(EvidenceQuery()).map(\.a) == ["UZB"])
            #expect(try await store.sources().map(\.source.id) == ["s2"])
        }
    }

    @Test(arguments: StoreKind.available)
    func pagesFollowTheCursorWithoutRepeatingARow(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let items = (0..<7).map { index in row("KAZ", "JPN", Issue.allCases[index]) } + [row("UZB", "KOR")]
            try await store.replace(source("s1"), with: items)
            let query = EvidenceQuery(dyad: Dyad("JPN", "KAZ"))
            var pages: [[Evidence]] = [], cursor: Int64?
            repeat {
                let page = try await store.evidence(query, after: cursor, limit: 3)
                if !page.isEmpty { pages.append(page.map(\.evidence)) }
                #expect(page.map(\.id) == page.map(\.id).sorted())
                cursor = page.count == 3 ? page.last?.id : nil
            } while cursor != nil
            #expect(pages.map(\.count) == [3, 3, 1])
            #expect(pages.flatMap { $0 } == Array(items.prefix(7)))
            let windowed = EvidenceQuery(dyad: Dyad("JPN", "KAZ"), window: TimeWindow(since: PartialDate("2030")))
            #expect(try await store.evidence(windowed, after: nil, limit: 3).isEmpty)
        }
    }

    @Test(arguments: StoreKind.available)
    func everyWriteMovesTheChangeCounter(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let start = try await store.changeCounter()
            try await store.replace(source("s1"), with: [row("KAZ", "JPN")])
            let afterImport = try await store.changeCounter()
            try await store.remove(sourceID: "unknown")
            #expect(try await store.changeCounter() == afterImport)
            try await store.remove(sourceID: "s1")
            let afterRemove = try await store.changeCounter()
            #expect(start < afterImport && afterImport < afterRemove)
        }
    }

    @Test(arguments: StoreKind.available)
    func importsAtOnceNeitherDuplicateNorLoseRows(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let many = (0..<2_000).map { index in row(index % 2 == 0 ? "KAZ" : "UZB", "JPN", Issue.allCases[index % 16]) }
            try await withThrowingTaskGroup(of: Void.self) { group in
                // The same source four times, and three other sources, all at once.
                for _ in 0..<4 { group.addTask { try await store.replace(source("same"), with: many) } }
                for other in 0..<3 { group.addTask { try await store.replace(source("other\(other)"), with: Array(many.prefix(100 * (other + 1)))) } }
                try await group.waitForAll()
            }
            let sources = try await store.sources()
            #expect(sources.map(\.source.id) == ["other0", "other1", "other2", "same"])
            #expect(sources.map(\.rowCount) == [100, 200, 300, 2_000])
            #expect(try await store.evidence(EvidenceQuery()).count == 2_600)
            #expect(try await store.evidence(sourceID: "same") == many)
        }
    }

    /// A load as large as the store takes the bulk path (50,000 rows or more on both stores; indexes, and on PostgreSQL
    /// keys, built again after it): the same guarantees as a small import, and every constraint back afterwards.
    @Test(arguments: StoreKind.available)
    func aLoadAsLargeAsTheStoreKeepsEveryGuarantee(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let many = (0..<50_000).map { index in row(index % 2 == 0 ? "KAZ" : "UZB", "JPN", Issue.allCases[index % 16]) }
            try await store.replace(source("big"), with: many)
            // Again, beside a second load larger than the store and small imports of other sources, all at once.
            let more = many + many.prefix(10)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await store.replace(source("big", sha: "b"), with: many) }
                group.addTask { try await store.replace(source("big2"), with: more) }
                for other in 0..<3 { group.addTask { try await store.replace(source("other\(other)"), with: [row("C5", "TUR")]) } }
                try await group.waitForAll()
            }
            let counter = try await store.changeCounter()
            await #expect(throws: (any Error).self) {
                try await store.replace(source("big", sha: "c"), with: many + [row("KAZ", "KAZ")])
            }
            #expect(try await store.changeCounter() == counter)
            let sources = try await store.sources()
            #expect(sources.map(\.source.id) == ["big", "big2", "other0", "other1", "other2"] && sources.map(\.rowCount) == [50_000, 50_010, 1, 1, 1])
            #expect(sources.first?.source.sha256.first == "b")
            #expect(try await store.evidence(sourceID: "big") == many)
            #expect(try await store.evidence(sourceID: "big2") == more)
            // The foreign keys and the unique key hold again.
            let insert = "INSERT INTO evidence (source_id, ordinal, kind, side_a, side_b, issue, polarity, weight, citation_title, citation_address) VALUES "
            for values in ["('missing', 0, 'fact', 'KAZ', 'JPN', 'economy.trade', 'conflict', 1, 't', 'a')",
                           "('big', 0, 'fact', 'KAZ', 'JPN', 'economy.trade', 'conflict', 1, 't', 'a')",
                           "('big', 50000, 'fact', 'KAZ', 'JPN', 'security.terror', 'conflict', 1, 't', 'a')"] {
                await #expect(throws: (any Error).self) { try await StoreKind.execute(insert + values, on: store) }
            }
            try await store.remove(sourceID: "big")
            #expect(try await store.evidence(EvidenceQuery()).count == 50_013)
            // The index the map reads by is there again after every load, the failed one included.
            try await StoreKind.execute(kind == .sqlite ? "DROP INDEX evidence_for_map" : "DROP INDEX evidence_on_sides", on: store)
        }
    }

    @Test(arguments: StoreKind.available)
    func theStoreSaysItsSchemaVersion(kind: StoreKind) async throws {
        try await kind.withStore { store in
            #expect(store.schema.version >= 1)
            #expect(store.schema.appliedNow.count == store.schema.version)
        }
    }
}
