import DiplomapCore
@testable import DiplomapPostgres
import DiplomapTestSupport
import Logging
import Testing

/// The two ways the PostgreSQL store reads a map, its rows one by one and the rows of each block of pages packed into
/// one value, count the same rows; a row with a tab in a field is left out alone, its neighbours counted.
struct PostgresMapScanTests {
    static let focus = ["C5", "KAZ", "UZB"], partners = ["JPN", "TUR", "CHN"]

    /// Every row, and the rows of some issues and one kind (bound to the query as parameters).
    static let queries = [
        EvidenceQuery(),
        EvidenceQuery(issues: [.trade, .water, .energy, .development], sides: Set(focus + partners), kinds: [.event]),
    ]

    @Test(.enabled(if: PostgresTestServer.configured != nil), arguments: [false, true], queries.indices)
    func bothReadsCountEveryRowOnce(selective: Bool, queryIndex: Int) async throws {
        let query = Self.queries[queryIndex]
        try await PostgresTestServer.withDatabase { url in
            let store = try await PostgresStore.open(try PostgresLocation(url: url))
            // Written first, past the importers, which never store such a code: the row cannot be read, but the rows
            // after it in its block can.
            for statement in [
                "INSERT INTO source (id, kind, name, sha256, imported_at) VALUES ('raw', 'fact', 'raw', '\(String(repeating: "b", count: 64))', 'now')",
                """
                INSERT INTO evidence (source_id, ordinal, kind, side_a, side_b, issue, polarity, weight, citation_title, citation_address)
                VALUES ('raw', 0, 'fact', 'KAZ', E'TUR\\tJPN', 'economy.trade', 'conflict', 1, 't', 'a')
                """,
            ] { try await store.execute(rawSQL: statement) }
            try await MapScanTests().fill(store)
            let rows = try await store.client.query(PostgresMapScan.query(query, selective: selective), logger: Logger(label: "test"))
            var builder = RelationMapBuilder(focus: Self.focus, partners: Self.partners)
            try await PostgresMapScan.run(rows, window: query.window, into: &builder)
            let strongest = try await store.evidence(ids: builder.strongestIDs)
            let map = builder.map { strongest[$0] }
            let kept = MapScanTests.evidence.filter { item in
                (query.issues.map { $0.contains(item.issue) } ?? true) && (query.kinds.map { $0.contains(item.kind) } ?? true)
            }
            let expected = RelationMap(evidence: kept, focus: Self.focus, partners: Self.partners)
            #expect(map.cells.count >= 4)
            #expect(map.cells.map(\.counts) == expected.cells.map(\.counts))
            #expect(map.cells.map(\.score) == expected.cells.map(\.score))
            #expect(map.cells.map { $0.strongest.map(\.citation.title) } == expected.cells.map { $0.strongest.map(\.citation.title) })
            // Which of the two the store takes follows the planner's estimate: a pair's rows one by one, a map of every
            // side (once the table's statistics say it keeps every row) in blocks.
            let logger = Logger(label: "test")
            #expect(try await PostgresMapScan.isSelective(EvidenceQuery(dyad: Dyad("KAZ", "JPN")), on: store.client, logger: logger))
            try await store.execute(rawSQL: "ANALYZE evidence")
            #expect(try await !PostgresMapScan.isSelective(EvidenceQuery(sides: Set(Self.focus + Self.partners)), on: store.client, logger: logger))
            await store.close()
        }
    }
}
