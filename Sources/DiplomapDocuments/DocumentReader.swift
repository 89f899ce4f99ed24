import DiplomapCore
import Foundation

/// Reads documents from files: plain text, Markdown, HTML, PDF (through `pdftotext`) and JSONL
/// of `{"id", "text"}` (and optionally `"lang"`), with a clear error for an empty, binary or malformed file.
public struct DocumentReader: Sendable {
    /// Where to look for `pdftotext`; the `PATH` by default.
    public var searchPath: [String]

    public init(searchPath: [String]? = nil) {
        self.searchPath = searchPath ?? (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
    }

    /// The documents of one file, in the format its extension says.
    public func read(_ url: URL) throws -> [SourceDocument] {
        let file = url.path
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw InputError(file: file, message: "cannot read the file: \(error.localizedDescription)")
        }
        guard !data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else {
            throw InputError(file: file, message: "the file is empty: there is no text to map")
        }
        let format = DocumentFormat(fileName: url.lastPathComponent)
        if format == .pdf { return [SourceDocument(id: url.lastPathComponent, text: try pdfText(url), file: file)] }
        let text = try Self.utf8Text(data, file: file)
        switch format {
        case .jsonl: return try Self.jsonLines(text, file: file)
        case .html: return [SourceDocument(id: url.lastPathComponent, text: HTMLText.text(text), file: file)]
        case .markdown: return [SourceDocument(id: url.lastPathComponent, text: MarkdownText.text(text), file: file)]
        case .plain, .pdf: return [SourceDocument(id: url.lastPathComponent, text: text, file: file)]
        }
    }

    /// The bytes as text; `DamagedFile` naming the first offending byte when they are binary or not UTF-8.
    static func utf8Text(_ data: Data, file: String) throws -> String {
        if data.starts(with: Array("%PDF".utf8)) {
            throw InputError(file: file, message: "this is a PDF file; give it a .pdf name so that it is read through pdftotext")
        }
        return try TextBytes.decode(data, file: file)
    }

    /// One document a line: a JSON object with string fields `id` and `text`, optionally `lang` (`en`, `ru`); other fields are ignored.
    static func jsonLines(_ text: String, file: String) throws -> [SourceDocument] {
        var documents: [SourceDocument] = []
        var errors: [InputError] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            guard let object else {
                errors.append(InputError(file: file, line: index + 1, message: "not a JSON object"))
                continue
            }
            guard let id = object["id"] as? String, !id.isEmpty else {
                errors.append(InputError(file: file, line: index + 1, field: "id", message: "missing or not a non-empty string"))
                continue
            }
            guard let body = object["text"] as? String else {
                errors.append(InputError(file: file, line: index + 1, field: "text", message: "missing or not a string"))
                continue
            }
            var language: Language?
            if let lang = object["lang"] {
                guard let code = lang as? String, let known = Language(rawValue: code) else {
                    let codes = Language.allCases.map(\.rawValue).joined(separator: ", ")
                    errors.append(InputError(file: file, line: index + 1, field: "lang", message: "not a known language code (\(codes))"))
                    continue
                }
                language = known
            }
            documents.append(SourceDocument(id: id, text: body, file: file, language: language))
        }
        guard errors.isEmpty else { throw InputErrors(errors) }
        return documents
    }

    /// The text of a PDF through poppler's `pdftotext`, with a clear message when it is not installed.
    func pdfText(_ url: URL) throws -> String {
        guard let tool = searchPath.map({ URL(fileURLWithPath: $0).appendingPathComponent("pdftotext") })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw InputError(file: url.path, message: "reading PDF needs pdftotext, which is not installed (Debian and Ubuntu: apt-get install poppler-utils)")
        }
        let process = Process()
        process.executableURL = tool
        process.arguments = ["-enc", "UTF-8", "-q", url.path, "-"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw InputError(file: url.path, message: "pdftotext could not read it (exit status \(process.terminationStatus)): damaged or not a PDF")
        }
        let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\u{0C}", with: "\n\n")
        guard !text.allSatisfy(\.isWhitespace) else {
            throw InputError(file: url.path, message: "the PDF has no text layer (a scan?); there is no text to map")
        }
        return text
    }
}
