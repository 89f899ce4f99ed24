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

    /// Writes `bytes` where an `--out` option names: `-` is standard output, a device or a pipe (`/dev/stdout`, a
    /// FIFO) is written as it stands, and a file is replaced atomically, so that no reader ever sees half of it. A
    /// symbolic link is followed: the file it points to is replaced and the link kept, as a shell's `>` would.
    static func write(_ bytes: Data, to path: String, what: String) throws {
        if path == "-" { return FileHandle.standardOutput.write(bytes) }
        do {
            var status = stat()
            if stat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG, status.st_mode & S_IFMT != S_IFDIR {
                guard let handle = FileHandle(forWritingAtPath: path) else { throw CocoaError(.fileWriteNoPermission) }
                defer { try? handle.close() }
                try handle.write(contentsOf: bytes)
            } else {
                try bytes.write(to: URL(fileURLWithPath: followingLinks(path)), options: .atomic)
            }
        } catch {
            throw CommandError("cannot write \(what) to \(path): \(error.localizedDescription)")
        }
    }

    /// The path a chain of symbolic links ends at, whether or not a file is there yet (as `>` creates it).
    private static func followingLinks(_ path: String) -> String {
        var url = URL(fileURLWithPath: path)
        // At most as many links as the system follows itself (ELOOP beyond).
        for _ in 0..<40 {
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: url.path) else { break }
            url = URL(fileURLWithPath: target, relativeTo: url.deletingLastPathComponent()).standardizedFileURL
        }
        return url.path
    }

    /// Where `write(_:to:what:)` put a file, as a summary names it.
    static func destination(_ path: String) -> String {
        path == "-" ? "standard output" : path
    }

    /// Pretty, key-sorted JSON, so output is stable and diffs well.
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// Writes `text` to standard output.
    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes a line to standard error: summaries and problems, kept apart from the output proper.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Writes the listing in the chosen form.
    static func list(_ format: ListFormat, header: [String], rows: [[String]], json value: some Encodable) throws {
        switch format {
        case .table: print(table(header, rows))
        case .csv: print(CSVText.render(header, rows))
        case .json: print(try json(value))
        }
    }
}
