/// The text of a Markdown file: links and images become their text, emphasis and code marks
/// are dropped; headings and list items stay on their own lines, which end sentences.
enum MarkdownText {
    static func text(_ markdown: String) -> String {
        var out = ""
        out.reserveCapacity(markdown.utf8.count)
        var rest = Substring(markdown)
        // The next "]" and ")" from where the last search began: positions only move forward, so each is searched
        // for once over the text, and a line of unclosed brackets is read in linear time, not quadratic.
        var nextBracket = Next("]"), nextParenthesis = Next(")")
        while let i = rest.firstIndex(where: { $0 == "[" || $0 == "*" || $0 == "_" || $0 == "`" || $0 == "!" }) {
            out += rest[..<i]
            rest = rest[i...]
            let c = rest.first!
            if c == "!" , rest.dropFirst().first == "[" {
                rest = rest.dropFirst()
                continue
            }
            if c == "[", let close = nextBracket.index(in: rest), rest[rest.index(after: close)...].first == "(",
               let end = nextParenthesis.index(in: rest[close...]) {
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

    /// The first occurrence of a character at or after the start of a text that only ever shrinks from the front.
    private struct Next {
        let character: Character
        private var found: Substring.Index?
        private var none = false

        init(_ character: Character) { self.character = character }

        mutating func index(in text: Substring) -> Substring.Index? {
            if none { return nil }
            if let found, found >= text.startIndex { return found }
            found = text.firstIndex(of: character)
            none = found == nil
            return found
        }
    }
}
