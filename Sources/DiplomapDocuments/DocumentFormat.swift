/// The file formats the mapper reads, chosen by file name extension.
public enum DocumentFormat: String, Sendable, CaseIterable {
    case plain, markdown, html, pdf, jsonl

    /// The format a file name's extension says; plain text for anything unknown.
    public init(fileName: String) {
        let name = fileName.lowercased()
        let ext = name.contains(".") ? String(name.split(separator: ".").last!) : ""
        switch ext {
        case "md", "markdown": self = .markdown
        case "html", "htm", "xhtml": self = .html
        case "pdf": self = .pdf
        case "jsonl", "ndjson": self = .jsonl
        default: self = .plain
        }
    }
}
