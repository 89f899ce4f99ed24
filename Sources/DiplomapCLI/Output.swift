import DiplomapExport
import Foundation

/// Writers for the three output forms: aligned text for people, CSV and JSON for programs.
enum Output {
    /// Columns padded to their widest cell, with a header rule.
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        return ([line(header), line(widths.map { String(repeating: "-", count: $0) })] + rows.map(line)).joined(separator: "\n") + "\n"
    }

    /// Writes `text` where an `--out` option names; a failure names the file and the reason.
    static func write(_ text: String, to path: String, what: String) throws {
        try write(Data(text.utf8), to: path, what: what)
    }

    /// Writes `bytes` where an `--out` option names (`OutputPath`: `-` is standard output, a link is followed, a
    /// file replaced atomically where it can be); a failure names the path and the system's reason.
    static func write(_ bytes: Data, to path: String, what: String) throws {
        do {
            try OutputPath(path).write(bytes)
        } catch {
            throw CommandError("cannot write \(what) to \(destination(path)): \(reason(error))")
        }
    }

    /// The system's words for a failed write (Foundation wraps them in its own).
    private static func reason(_ error: any Error) -> String {
        if let error = error as? POSIXError { return String(cString: strerror(error.code.rawValue)) }
        if let error = error as? OutputError { return error.description }
        let wrapped = error as NSError
        if let underlying = wrapped.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return wrapped.localizedDescription
    }

    /// Where `write(_:to:what:)` put its bytes, as a summary names it.
    static func destination(_ path: String) -> String {
        (try? OutputPath(path))?.name ?? path
    }

    /// Pretty, key-sorted JSON, so output is stable and diffs well.
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// Writes `text` to standard output; a failed write (a full disk, a closed descriptor) is an error that says so,
    /// not a crash.
    static func print(_ text: String) throws {
        try write(Data(text.utf8), to: "-", what: "the output")
    }

    /// Writes a line to standard error: summaries and problems, kept apart from the output proper. A failure has
    /// nowhere to be told, so it is let pass.
    static func error(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data((text + "\n").utf8))
    }

    /// Writes the listing in the chosen form.
    static func list(_ format: ListFormat, header: [String], rows: [[String]], json value: some Encodable) throws {
        switch format {
        case .table: try print(table(header, rows))
        case .csv: try print(CSVText.render(header, rows))
        case .json: try print(try json(value))
        }
    }
}
