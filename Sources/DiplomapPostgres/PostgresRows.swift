import DiplomapCore
import Foundation
import Logging
import PostgresNIO

/// The mapping between `Evidence` and a row of the `evidence` table on PostgreSQL: `COPY` lines out, result rows in.
enum PostgresRows {
    static let copyColumns = [
        "source_id", "ordinal", "kind", "side_a", "side_b", "issue", "polarity", "weight", "start_date", "end_date",
        "citation_title", "citation_publisher", "citation_address", "citation_published", "citation_locator", "citation_summary", "citation_quote",
        "citation_also",
    ]

    /// Writes one row of `COPY … FROM STDIN` text format: tab-separated, `\N` for null, backslash escapes.
    ///
    /// Written byte by byte into one buffer: a million rows are sent per import, and a string per field would cost
    /// more than sending them.
    static func writeCopyLine(_ item: Evidence, sourceID: String, ordinal: Int, into buffer: inout ByteBuffer) {
        let citation = item.citation
        // Field by field: an array of fields would be allocated for every one of a million rows.
        func field(_ text: String?) {
            buffer.writeInteger(UInt8(ascii: "\t"))
            write(text, &buffer)
        }
        func date(_ date: PartialDate?) {
            buffer.writeInteger(UInt8(ascii: "\t"))
            if let date {
                date.withASCII { _ = buffer.writeBytes($0) }
            } else {
                buffer.writeStaticString("\\N")
            }
        }
        write(sourceID, &buffer)
        buffer.writeInteger(UInt8(ascii: "\t"))
        buffer.writeString(String(ordinal))
        field(item.kind.rawValue)
        field(item.a)
        field(item.b)
        field(item.issue.rawValue)
        field(item.polarity.rawValue)
        buffer.writeInteger(UInt8(ascii: "\t"))
        // Shortest round-tripping decimal: the same double comes back.
        buffer.writeString(item.weight.description)
        date(item.period?.start)
        date(item.period?.end)
        field(citation.title)
        field(citation.publisher)
        field(citation.address)
        date(citation.published)
        field(citation.locator)
        field(citation.summary)
        field(citation.quote)
        field(citation.alsoJSON)
        buffer.writeInteger(UInt8(ascii: "\n"))
    }

    private static func write(_ text: String?, _ buffer: inout ByteBuffer) {
        guard var text else {
            buffer.writeStaticString("\\N")
            return
        }
        text.withUTF8 { bytes in
            // Most fields need no escape: copy them whole.
            guard bytes.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0 }) else {
                buffer.writeBytes(bytes)
                return
            }
            for byte in bytes {
                switch byte {
                case 0x5C: buffer.writeStaticString("\\\\")
                case 0x09: buffer.writeStaticString("\\t")
                case 0x0A: buffer.writeStaticString("\\n")
                case 0x0D: buffer.writeStaticString("\\r")
                // PostgreSQL text cannot hold NUL: U+FFFD in its place, as the workspace writes it on every store.
                case 0: buffer.writeBytes([0xEF, 0xBF, 0xBD])
                default: buffer.writeInteger(byte)
                }
            }
        }
    }

    /// Text as a bound parameter: NUL, which PostgreSQL text cannot hold, as U+FFFD.
    static func text(_ text: String) -> String {
        text.utf8.contains(0) ? text.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}") : text
    }

    /// The columns of a row read back in full, in the order `evidence(packed:)` reads them.
    private static let readColumns = [
        "kind", "side_a", "side_b", "issue", "polarity", "start_date", "end_date", "citation_title", "citation_publisher",
        "citation_address", "citation_published", "citation_locator", "citation_summary", "citation_quote", "citation_also",
    ]

    /// One row of `evidence` packed by the server into one `bytea`: the id and the weight as eight big-endian bytes each,
    /// then each of `readColumns` ended by a NUL byte, which no PostgreSQL text holds; NULL, in any column, is the one
    /// byte 0xFF, which no UTF-8 text holds (the store's connections speak UTF-8, `PostgresLocation`). Read as sixteen
    /// columns, a row cost the client about 4 µs in postgres-nio's cells and decoders; packed, about half that, and a
    /// thousand rows may share one value (`packedChunks`).
    static let packedEvidence = "int8send(id) || float8send(weight) || " + readColumns.map { column in
        "coalesce(textsend(\(column)), '\\xff'::bytea) || '\\x00'::bytea"
    }.joined(separator: " || ")

    /// The rows whose ids are in the array bound as `$1`, sorted, packed `chunk` to a value: the client reads one
    /// value while the server packs the next.
    static func packedChunks(of chunk: Int) -> String {
        """
        SELECT (SELECT string_agg(\(packedEvidence), ''::bytea) FROM evidence WHERE id = ANY($1[first : first + \(chunk - 1)]))
        FROM generate_series(1, cardinality($1::int8[]), \(chunk)) AS chunks(first)
        """
    }

    /// The id and the weight a packed row begins with, as `int8send` and `float8send` write them: eight big-endian
    /// bytes each.
    @inline(__always)
    static func idAndWeight(_ base: UnsafeRawPointer, at offset: Int) -> (id: Int64, weight: Double) {
        (Int64(bigEndian: base.loadUnaligned(fromByteOffset: offset, as: Int64.self)),
         Double(bitPattern: UInt64(bigEndian: base.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))))
    }

    /// Reads rows packed as `packedEvidence`, one after another, handing each to `take` with its id.
    static func evidence(packed buffer: ByteBuffer, _ take: (Int64, Evidence) throws -> Void) throws {
        try buffer.withUnsafeReadableBytes { bytes in
            var offset = 0, id: Int64 = 0
            func field() throws -> String? {
                guard let nul = memchr(bytes.baseAddress! + offset, 0, bytes.count - offset) else { throw broken(id) }
                let end = bytes.baseAddress!.distance(to: nul)
                defer { offset = end + 1 }
                if end == offset + 1, bytes[offset] == 0xFF { return nil }
                return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self)
            }
            func text() throws -> String {
                guard let text = try field() else { throw broken(id) }
                return text
            }
            func code<Code: RawRepresentable<String>>(_ type: Code.Type) throws -> Code {
                let text = try text()
                guard let code = Code(rawValue: text) else {
                    throw PostgresStoreError("evidence row \(id) holds the \(Code.self) \"\(text)\", which this build does not know: is the store newer than the binary?")
                }
                return code
            }
            while offset < bytes.count {
                guard offset + 16 <= bytes.count else { throw broken(nil) }
                let weight: Double
                (id, weight) = idAndWeight(bytes.baseAddress!, at: offset)
                offset += 16
                let kind = try code(SourceKind.self), a = try text(), b = try text(), issue = try code(Issue.self), polarity = try code(Polarity.self)
                let start = try field(), end = try field()
                let title = try text(), publisher = try field(), address = try text(), published = try field()
                let locator = try field(), summary = try field(), quote = try field(), also = try field()
                try take(id, Evidence(
                    kind: kind, a: a, b: b, issue: issue, polarity: polarity, weight: weight,
                    period: start.flatMap(PartialDate.init).flatMap { Period(start: $0, end: end.flatMap(PartialDate.init)) },
                    citation: Citation(
                        title: title, publisher: publisher, address: address, published: published.flatMap(PartialDate.init),
                        locator: locator, summary: summary, quote: quote, also: Citation.also(json: also)
                    )
                ))
            }
        }
    }

    /// A packed row whose fields do not end where they should, or that has no text where the schema requires one.
    private static func broken(_ id: Int64?) -> PostgresStoreError {
        PostgresStoreError("evidence row \(id.map(String.init) ?? "(unknown)") came back from the server cut short or without a required field")
    }
}

/// Counts the rows of the `evidence` table into a map builder from values the server packs many rows into.
///
/// Each result row costs the client more to receive and take apart than the server to produce (postgres-nio makes a
/// row, a column iterator and a buffer slice for each), so for a map that reads much of the table the server packs the
/// rows of each block of its pages into one `bytea`. Per row: the id and the weight as eight big-endian bytes each,
/// then kind, sides, issue, polarity, start and end (empty for none), each followed by a tab, and a NUL byte, which no
/// text holds on PostgreSQL: a field with a tab in it costs its own row, not the rest of the block. The codes are
/// matched and the dates parsed from those bytes, with no string made per row. The server packs the next blocks while
/// the client counts these (on two cores, a second connection only made the processes wait for each other). A block
/// is read by a TID range scan (PostgreSQL 14 or later), planned well without statistics.
///
/// A map that keeps few rows, as the planner estimates them, reads them one by one (through the sides index, where it
/// helps), each row packed alone: scanning every block would cost more than the rows.
enum PostgresMapScan {
    /// One row, packed: the text fields joined by `||`, which copies them, where `concat_ws` calls each one's output
    /// function (10 % more of the server's time for a million rows).
    private static let packedRow = """
        int8send(id) || float8send(weight) || textsend(kind || E'\\t' || side_a || E'\\t' || side_b || E'\\t' || issue || E'\\t' \
        || polarity || E'\\t' || coalesce(start_date, '') || E'\\t' || coalesce(end_date, '') || E'\\t') || '\\x00'::bytea
        """

    /// Whether the planner expects the rows `query` keeps to be fewer than a quarter of the table: then reading them one
    /// by one (through the sides index, where it helps) costs less than scanning every block. Two 0.3 ms questions.
    ///
    /// Measured on a million rows: the client takes about 1.3 µs a row one by one and 0.4 µs packed, while the server
    /// scans the whole table in 0.4 s, alongside; the two ways cost the same at about a quarter of the rows.
    ///
    /// Until the table has statistics (a bulk load gathers them, autovacuum soon after smaller imports), the planner
    /// takes each code for a small share of the rows, and a filtered map is read one by one: the same rows, more slowly.
    static func isSelective(_ query: EvidenceQuery, on client: PostgresClient, logger: Logger) async throws -> Bool {
        let filter = PostgresFilter(query)
        guard !filter.conditions.isEmpty,
              let kept = try await estimatedRows("SELECT id FROM evidence \(filter.clause)", binds: filter.binds, on: client, logger: logger),
              let all = try await estimatedRows("SELECT id FROM evidence", binds: PostgresBindings(), on: client, logger: logger)
        else { return false }
        return kept * 4 < all
    }

    /// The planner's estimate of the rows `sql` returns, or `nil` if its plan cannot be read (the blocks are then read).
    private static func estimatedRows(_ sql: String, binds: PostgresBindings, on client: PostgresClient, logger: Logger) async throws -> Double? {
        struct Explained: Decodable {
            struct Plan: Decodable {
                let rows: Double
                enum CodingKeys: String, CodingKey { case rows = "Plan Rows" }
            }
            let plan: Plan
            enum CodingKeys: String, CodingKey { case plan = "Plan" }
        }
        var json = ""
        for try await line in try await client.query(PostgresQuery(unsafeSQL: "EXPLAIN (FORMAT JSON) " + sql, binds: binds), logger: logger).decode(String.self) {
            json += line
        }
        return (try? JSONDecoder().decode([Explained].self, from: Data(json.utf8)))?.first?.plan.rows
    }

    /// The query for the rows `query` selects: packed one by one when `selective`; otherwise in blocks of pages, 64 of
    /// them or as many as it takes to hold at most 256 pages (2 MB) each.
    static func query(_ query: EvidenceQuery, selective: Bool) -> PostgresQuery {
        let filter = PostgresFilter(query)
        if selective {
            return PostgresQuery(unsafeSQL: "SELECT \(packedRow) FROM evidence \(filter.clause)", binds: filter.binds)
        }
        let conditions = (["ctid >= format('(%s,0)', page)::tid", "ctid < format('(%s,0)', page + size)::tid"] + filter.conditions)
            .joined(separator: " AND ")
        let sql = """
            SELECT (SELECT string_agg(\(packedRow), ''::bytea) FROM evidence WHERE \(conditions))
            FROM (SELECT pg_relation_size('evidence') / current_setting('block_size')::bigint AS pages) AS relation,
            LATERAL (SELECT least(256, pages / 64 + 1) AS size) AS block_size,
            LATERAL generate_series(0, pages, size) AS blocks(page)
            """
        return PostgresQuery(unsafeSQL: sql, binds: filter.binds)
    }

    static func run(_ rows: PostgresRowSequence, window: TimeWindow, into builder: inout RelationMapBuilder) async throws {
        var counter = MapRowCounter(builder: builder, window: window)
        for try await row in rows {
            // A block with no rows kept is NULL.
            var cells = row.makeIterator()
            guard let packed = cells.next()?.bytes else { continue }
            packed.withUnsafeReadableBytes { count($0.bindMemory(to: UInt8.self), with: &counter, into: &builder) }
        }
    }

    /// Counts every row of one packed block.
    private static func count(_ bytes: UnsafeBufferPointer<UInt8>, with counter: inout MapRowCounter, into builder: inout RelationMapBuilder) {
        let base = UnsafeRawPointer(bytes.baseAddress!)
        var offset = 0
        // Where each of a row's seven fields ends, found without an allocation per row.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 7) { ends in
            while offset + 16 < bytes.count {
                let (id, weight) = PostgresRows.idAndWeight(base, at: offset)
                let textStart = offset + 16
                guard let nul = memchr(base + textStart, 0, bytes.count - textStart) else { return }
                let textEnd = base.distance(to: nul)
                offset = textEnd + 1
                var count = 0
                for index in textStart..<textEnd where bytes[index] == 9 {
                    guard count < 7 else { break }
                    ends[count] = index
                    count += 1
                }
                // Seven fields, the last tab the row's last byte; anything else is a row the map cannot read.
                guard count == 7, ends[6] == textEnd - 1 else { continue }
                func field(_ number: Int) -> UnsafeBufferPointer<UInt8> {
                    UnsafeBufferPointer(rebasing: bytes[(number == 0 ? textStart : ends[number - 1] + 1)..<ends[number]])
                }
                counter.count(
                    id: id, weight: weight, kind: field(0), a: field(1), b: field(2), issue: field(3), polarity: field(4), start: field(5),
                    end: { field(6) }, into: &builder)
            }
        }
    }
}
