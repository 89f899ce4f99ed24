import DiplomapCore
import PostgresNIO

/// The mapping between `Evidence` and a row of the `evidence` table on PostgreSQL: `COPY` lines out, result rows in.
enum PostgresRows {
    static let copyColumns = [
        "source_id", "ordinal", "kind", "side_a", "side_b", "issue", "polarity", "weight", "start_date", "end_date",
        "citation_title", "citation_publisher", "citation_address", "citation_published", "citation_locator", "citation_summary", "citation_quote",
        "citation_also",
    ]

    /// The columns `evidence(_:)` reads after the id, in the order it reads them by position.
    static let selectColumns = """
        kind, side_a, side_b, issue, polarity, weight, start_date, end_date,
        citation_title, citation_publisher, citation_address, citation_published, citation_locator, citation_summary, citation_quote,
        citation_also
        """

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

    /// Reads a row of `id, selectColumns` back; the schema's checks guarantee the codes are valid.
    static func evidence(_ row: PostgresRow) throws -> (Int64, Evidence) {
        let cells = PostgresRandomAccessRow(row)
        func text(_ index: Int) throws -> String { try cells[index].decode(String.self) }
        func optional(_ index: Int) throws -> String? { try cells[index].decode(String?.self) }
        let start = try optional(7), end = try optional(8), published = try optional(12)
        let evidence = Evidence(
            kind: SourceKind(rawValue: try text(1))!,
            a: try text(2), b: try text(3),
            issue: Issue(rawValue: try text(4))!,
            polarity: Polarity(rawValue: try text(5))!,
            weight: try cells[6].decode(Double.self),
            period: start.flatMap(PartialDate.init).flatMap { Period(start: $0, end: end.flatMap(PartialDate.init)) },
            citation: Citation(
                title: try text(9), publisher: try optional(10), address: try text(11),
                published: published.flatMap(PartialDate.init), locator: try optional(13),
                summary: try optional(14), quote: try optional(15), also: Citation.also(json: try optional(16))
            )
        )
        return (try cells[0].decode(Int64.self), evidence)
    }
}

/// Counts result rows of the `evidence` table into a map builder straight from the received bytes.
///
/// Results come in binary format: text columns are their UTF-8 bytes, `bigint` and `double precision` eight
/// big-endian bytes. The codes and dates come joined by tabs in one text column, since each column of each row costs
/// the client more to receive than the server to join; they are matched and parsed from those bytes, so that no string
/// is made per row. The builder's sums are exact in any order, so rows are counted as they arrive.
enum PostgresMapScan {
    /// The id, the weight, and kind, sides, issue, polarity, start and end (empty for none) joined by tabs.
    static let selectColumns = """
        id, weight, kind || E'\\t' || side_a || E'\\t' || side_b || E'\\t' || issue || E'\\t' || polarity \
        || E'\\t' || coalesce(start_date, '') || E'\\t' || coalesce(end_date, '')
        """

    static func run(_ rows: PostgresRowSequence, window: TimeWindow, into builder: inout RelationMapBuilder) async throws {
        var sides = CodeTable(builder.sides), firstSides = sides
        let allKinds = SourceKind.allCases, allIssues = Issue.allCases, allPolarities = Polarity.allCases
        var kinds = CodeTable(allKinds.map(\.rawValue)), issues = CodeTable(allIssues.map(\.rawValue))
        var polarities = CodeTable(allPolarities.map(\.rawValue))
        for try await row in rows {
            var cells = row.makeIterator()
            guard let id = cells.next()?.bytes, let weightCell = cells.next()?.bytes, let packed = cells.next()?.bytes,
                  let identifier = id.getInteger(at: id.readerIndex, as: Int64.self),
                  let weight = weightCell.getInteger(at: weightCell.readerIndex, as: UInt64.self).map(Double.init(bitPattern:))
            else { continue }
            let fields: (a: Int, b: Int, kind: Int, issue: Int, polarity: Int, start: PartialDate?, end: PartialDate?)? =
                packed.withUnsafeReadableBytes { raw in
                    let bytes = raw.bindMemory(to: UInt8.self)
                    // Where each of the seven fields ends, found without an allocation per row.
                    return withUnsafeTemporaryAllocation(of: Int.self, capacity: 7) { ends in
                        var count = 0
                        for index in bytes.indices where bytes[index] == 9 && count < 6 {
                            ends[count] = index
                            count += 1
                        }
                        guard count == 6 else { return nil }
                        ends[6] = bytes.count
                        func field(_ number: Int) -> UnsafeBufferPointer<UInt8> {
                            UnsafeBufferPointer(rebasing: bytes[(number == 0 ? 0 : ends[number - 1] + 1)..<ends[number]])
                        }
                        // The schema's checks guarantee valid kinds, issues and polarities; sides outside the map are skipped.
                        guard let kind = kinds.position(of: field(0)), let a = firstSides.position(of: field(1)),
                              let b = sides.position(of: field(2)), let issue = issues.position(of: field(3)),
                              let polarity = polarities.position(of: field(4))
                        else { return nil }
                        return (a, b, kind, issue, polarity, PartialDate(ascii: field(5)), PartialDate(ascii: field(6)))
                    }
                }
            guard let (a, b, kind, issue, polarity, start, end) = fields else { continue }
            if !window.isUnbounded {
                let period = start.flatMap { Period(start: $0, end: end) }
                guard window.contains(period, kind: allKinds[kind]) else { continue }
            }
            builder.add(
                id: identifier, kind: allKinds[kind], a: a, b: b, issue: allIssues[issue], polarity: allPolarities[polarity], weight: weight, start: start
            )
        }
    }
}
