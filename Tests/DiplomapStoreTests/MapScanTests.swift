import DiplomapCore
import DiplomapTestSupport
import Foundation
import Testing

/// The map read from a store (entries from the index or in packed blocks, strongest fetched by id)
/// must equal the map aggregated from the same evidence in memory, on every store.
struct MapScanTests {
    /// Varied evidence: every kind, both orders of sides, groups, undated and ranged periods, sides outside the map.
    static let evidence: [Evidence] = {
        let sides = ["KAZ", "UZB", "C5", "JPN", "TUR", "CHN"]
        let dates = [nil, "1995", "2004-03", "2019-12-05", "2021"]
        var items: [Evidence] = []
        for index in 0..<600 {
            let a = sides[index % sides.count], b = sides[(index / sides.count + index + 1) % sides.count]
            guard a != b else { continue }
            let start = dates[index % dates.count].flatMap(PartialDate.init)
            let end = index % 7 == 0 ? PartialDate("2022") : nil
            items.append(Evidence(
                kind: SourceKind.allCases[index % 4], a: a, b: b, issue: Issue.allCases[index % 16], polarity: Polarity.allCases[index % 3],
                weight: Double(index % 5 + 1), period: start.flatMap { Period(start: $0, end: end) },
                citation: Citation(title: "Item \(index)", address: "https://example.org/\(index)")
            ))
        }
        return items
    }()

    func fill(_ store: any EvidenceStore) async throws {
        try await store.replace(EvidenceSource(id: "s", kind: .fact, name: "s", sha256: String(repeating: "a", count: 64)), with: Self.evidence)
    }

    @Test(arguments: StoreKind.available, [TimeWindow(), TimeWindow(since: PartialDate("2000"), until: PartialDate("2020")), TimeWindow(asOf: PartialDate("2021-06"))])
    func theStoredMapEqualsTheMapInMemory(kind: StoreKind, window: TimeWindow) async throws {
        try await kind.withStore { store in
        try await fill(store)
        let focus = ["C5", "KAZ", "UZB"], partners = ["JPN", "TUR"]
        let query = EvidenceQuery(sides: Set(focus + partners), window: window)
        let fromStore = try await RelationMap(store: store, query: query, focus: focus, partners: partners)
        let inMemory = RelationMap(evidence: Self.evidence.filter { window.contains($0.period, kind: $0.kind) }, focus: focus, partners: partners)
        #expect(fromStore.cells.count > 20)
        #expect(fromStore.cells.map(\.counts) == inMemory.cells.map(\.counts))
        #expect(fromStore.cells.map(\.score) == inMemory.cells.map(\.score))
        #expect(fromStore.cells.map(\.timeline) == inMemory.cells.map(\.timeline))
        #expect(fromStore.cells.map(\.eventMonths) == inMemory.cells.map(\.eventMonths))
        #expect(fromStore.cells.map { $0.strongest.map(\.citation.title) } == inMemory.cells.map { $0.strongest.map(\.citation.title) })
        }
    }

    /// A pair is read row by row on PostgreSQL, a map of more sides in blocks of pages (of one page each for these rows).
    @Test(arguments: StoreKind.available, [(["KAZ"], ["JPN"]), (["C5"], ["TUR"]), (["KAZ", "UZB"], ["JPN"]), (["C5", "KAZ", "UZB"], ["JPN", "TUR", "CHN"])])
    func everyShapeOfMapReadsAsInMemory(kind: StoreKind, sides: ([String], [String])) async throws {
        try await kind.withStore { store in
        try await fill(store)
        let (focus, partners) = sides
        let map = try await RelationMap(store: store, query: EvidenceQuery(sides: Set(focus + partners)), focus: focus, partners: partners)
        let expected = RelationMap(evidence: Self.evidence, focus: focus, partners: partners)
        #expect(!map.cells.isEmpty)
        #expect(map.cells.map(\.counts) == expected.cells.map(\.counts))
        #expect(map.cells.map(\.score) == expected.cells.map(\.score))
        #expect(map.cells.map { $0.strongest.map(\.citation.title) } == expected.cells.map { $0.strongest.map(\.citation.title) })
        }
    }

    @Test(arguments: StoreKind.available)
    func kindsAndIssuesFilterTheMap(kind: StoreKind) async throws {
        try await kind.withStore { store in
        try await fill(store)
        let focus = ["C5", "KAZ", "UZB"], partners = ["JPN", "TUR", "CHN"], issues: Set<Issue> = [.trade, .water, .energy, .development]
        let query = EvidenceQuery(issues: issues, sides: Set(focus + partners), kinds: [.event])
        let map = try await RelationMap(store: store, query: query, focus: focus, partners: partners)
        let expected = RelationMap(evidence: Self.evidence.filter { issues.contains($0.issue) && $0.kind == .event }, focus: focus, partners: partners)
        #expect(!map.cells.isEmpty)
        #expect(map.cells.allSatisfy { issues.contains($0.issue) && $0.counts.byPolarity.total == $0.counts.event.total })
        #expect(map.cells.map(\.counts) == expected.cells.map(\.counts))
        }
    }

    @Test func codesAreMatchedByTheirWholeBytes() {
        var table = CodeTable(["C5", "C5X", "KAZ", "security.terrorism"])
        func position(_ text: String) -> Int? {
            var text = text
            return text.withUTF8 { table.position(of: $0) }
        }
        #expect(position("C5") == 0)
        #expect(position("C5X") == 1)
        #expect(position("C5") == 0)
        #expect(position("C") == nil)
        #expect(position("KAZ") == 2)
        #expect(position("kaz") == nil)
        #expect(position("security.terrorism") == 3)
        #expect(position("") == nil)
    }
}
