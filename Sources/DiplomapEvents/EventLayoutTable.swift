import DiplomapBytes
import DiplomapCore
import DiplomapData
import Foundation

/// The event file formats as data: `Data/cameo/event_layouts.csv`, which the Spark job reads too.
///
/// A row gives a format's column count (or `header` when its first line names the columns)
/// and, for each field the reader needs, either `N Name` (column N from 1, named as the
/// format's codebook names it) or a bare header name; `A|B` names a field that some releases
/// of a format call A and others B. Keeping this in one table means the Swift reader and the
/// Spark job cannot drift apart on where a field sits.
public struct EventLayoutTable: Sendable {
    /// One row: a field is a column number with its name, or only a header name.
    struct Row: Sendable {
        var label: String
        /// `nil` for a format whose header row names its columns.
        var columns: Int?
        var fields: [String: (column: Int?, name: String)]
    }

    static let fieldNames = ["date", "source", "target", "root", "event_code", "goldstein", "mentions", "source_type", "target_type", "url", "mode", "context"]
    private let rows: [EventFormat: Row]

    /// The table embedded with the tool; it is checked by the tests, so a failure here is a broken build.
    public static let standard: EventLayoutTable = {
        let url = DefaultData.cameoFolder.appendingPathComponent("event_layouts.csv")
        do {
            return try EventLayoutTable(csv: String(contentsOf: url, encoding: .utf8), file: url.path)
        } catch {
            fatalError("the embedded event layouts do not parse: \(error)")
        }
    }()

    /// Parses the table; errors name file, line and field.
    public init(csv: String, file: String) throws {
        let records = try CSVRecords.parse(csv, file: file)
        let header = ["format", "label", "columns"] + Self.fieldNames
        guard records.first?.fields == header else {
            throw InputError(file: file, line: 1, message: "the header must be " + header.joined(separator: ","))
        }
        var rows: [EventFormat: Row] = [:]
        for record in records.dropFirst() {
            let values = Dictionary(uniqueKeysWithValues: zip(header, record.fields))
            guard record.fields.count == header.count else {
                throw InputError(file: file, line: record.line, message: "has \(record.fields.count) fields, expected \(header.count)")
            }
            guard let format = EventFormat(rawValue: values["format"]!) else {
                throw InputError(file: file, line: record.line, field: "format", message: "not a format diplomap reads: \(values["format"]!)")
            }
            let columns = Int(values["columns"]!)
            guard columns != nil || values["columns"] == "header" else {
                throw InputError(file: file, line: record.line, field: "columns", message: "a number or header")
            }
            var fields: [String: (column: Int?, name: String)] = [:]
            for name in Self.fieldNames {
                let cell = values[name]!.trimmingCharacters(in: .whitespaces)
                guard !cell.isEmpty else { continue }
                if columns == nil {
                    fields[name] = (nil, cell)
                    continue
                }
                let parts = cell.split(separator: " ", maxSplits: 1)
                guard parts.count == 2, let column = Int(parts[0]), (1...columns!).contains(column) else {
                    throw InputError(file: file, line: record.line, field: name, message: "expected a column number from 1 to \(columns!) and a name: \(cell)")
                }
                fields[name] = (column - 1, String(parts[1]))
            }
            for needed in ["date", "source", "target", "event_code", "goldstein"] where fields[needed] == nil {
                throw InputError(file: file, line: record.line, field: needed, message: "every format needs this field")
            }
            rows[format] = Row(label: values["label"]!, columns: columns, fields: fields)
        }
        if let missing = EventFormat.allCases.first(where: { rows[$0] == nil }) {
            throw InputError(file: file, message: "no row for the format \(missing.rawValue)")
        }
        self.rows = rows
    }

    /// A name for people, as summaries print it.
    func label(_ format: EventFormat) -> String { rows[format]?.label ?? format.rawValue }

    /// The format of a file from its first line: by its column count, or by a header that names every field of a format.
    func detect(firstLine: some Sequence<UInt8>) -> EventFormat? {
        let fields = firstLine.split(separator: ByteScan.tab, omittingEmptySubsequences: false)
        if let format = EventFormat.allCases.first(where: { rows[$0]?.columns == fields.count }) { return format }
        let names = Self.names(fields)
        return EventFormat.allCases.first { format in
            guard let row = rows[format], row.columns == nil else { return false }
            return row.fields.values.allSatisfy { Self.column(of: $0.name, in: names) != nil }
        }
    }

    /// The layout of a format; for a format with a header, `nil` when the header lacks a field.
    func layout(_ format: EventFormat, firstLine: some Sequence<UInt8>) -> EventLayout? {
        guard let row = rows[format] else { return nil }
        var columnNames: [Int: String] = [:]
        var columns = row.columns ?? 0
        var place: [String: Int] = [:]
        if row.columns == nil {
            let names = Self.names(firstLine.split(separator: ByteScan.tab, omittingEmptySubsequences: false))
            columns = names.count
            for (field, entry) in row.fields {
                guard let index = Self.column(of: entry.name, in: names) else { return nil }
                place[field] = index
            }
            for (index, name) in names.enumerated() where columnNames[index] == nil { columnNames[index] = name }
        } else {
            for (field, entry) in row.fields {
                place[field] = entry.column
                columnNames[entry.column!] = entry.name
            }
        }
        return EventLayout(
            format: format, label: row.label, columns: columns, hasHeader: row.columns == nil, date: place["date"]!, source: place["source"]!,
            target: place["target"]!, root: place["root"], eventCode: place["event_code"]!, goldstein: place["goldstein"]!,
            mentions: place["mentions"], sourceType: place["source_type"], targetType: place["target_type"], url: place["url"],
            mode: place["mode"], context: place["context"], columnNames: columnNames
        )
    }

    /// The header fields that name the columns, where a format has a header; for error messages.
    func headerFields(_ format: EventFormat) -> [String] {
        guard let row = rows[format], row.columns == nil else { return [] }
        return Self.fieldNames.compactMap { row.fields[$0]?.name.replacingOccurrences(of: "|", with: " or ") }
    }

    /// The column a header cell names: the first of its alternatives (`A|B`) the header has.
    private static func column(of cell: String, in names: [String]) -> Int? {
        cell.split(separator: "|").lazy.compactMap { names.firstIndex(of: String($0)) }.first
    }

    private static func names(_ fields: [some Sequence<UInt8>]) -> [String] {
        fields.map { String(decoding: Array($0), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
    }
}
