/// The text of a Markdown file: links and images become their text, emphasis and code marks
/// are dropped; headings and list items stay on their own lines, which end sentences.
enum MarkdownText {
    static func text(_ markdown: String) -> String {
        var out = ""
        out.reserveCapacity(markdown.utf8.count)
        var rest = Substring(markdown)
        while let i = rest.firstIndex(where: { $0 == "[" || $0 == "*" || $0 == "_" || $0 == "`" || $0 == "!" }) {
            out += rest[..<i]
            rest = rest[i...]
            let c = rest.first!
            if c == "!" , rest.dropFirst().first == "[" {
                rest = rest.dropFirst()
                continue
            }
            if c == "[", let close = rest.firstIndex(of: "]"), rest[rest.index(after: close)...].first == "(",
               let end = rest[close...].firstIndex(of: ")") {
                out += rest[rest.index(after: rest.startIndex)..<close]
                rest = rest[rest.index(after: end)...]
                continue
            }
            if c == "*" || c == "`" || (c == "_" && (out.last.map { !$0.isLetter } ?? true)) {
                rest = rest.dropFirst()
                continue
            }
            out.append(c)
            rest = rest.dropFirst()
        }
        out += rest
        return out
    }
}
