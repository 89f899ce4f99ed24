/// The text of an HTML page: scripts and styles dropped, tags removed (block tags become
/// paragraph breaks, so headings and paragraphs stay sentences of their own), entities decoded.
enum HTMLText {
    private static let blockTags: Set<String> = [
        "p", "br", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "td", "th", "table",
        "section", "article", "header", "footer", "blockquote", "title", "hr", "dd", "dt", "pre", "main", "nav",
    ]
    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "mdash": "—", "ndash": "–",
        "rsquo": "’", "lsquo": "‘", "ldquo": "“", "rdquo": "”", "hellip": "…", "laquo": "«", "raquo": "»",
        "eacute": "é", "uuml": "ü", "ouml": "ö", "auml": "ä", "ccedil": "ç", "euro": "€", "pound": "£", "yen": "¥", "copy": "©",
    ]

    static func text(_ html: String) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count)
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            out += decode(rest[..<open])
            rest = rest[open...]
            if rest.hasPrefix("<!--") {
                rest = rest.range(of: "-->").map { rest[$0.upperBound...] } ?? ""
                continue
            }
            guard let close = rest.firstIndex(of: ">") else { rest = ""; break }
            let tag = rest[rest.index(after: rest.startIndex)..<close]
            let name = tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
            rest = rest[rest.index(after: close)...]
            if (name == "script" || name == "style"), !tag.hasPrefix("/") {
                rest = rest.range(of: "</\(name)", options: .caseInsensitive).map { rest[$0.lowerBound...] } ?? ""
                continue
            }
            if blockTags.contains(name) { out += "\n\n" }
        }
        out += decode(rest)
        return out
    }

    /// Decodes named, decimal and hexadecimal character references.
    static func decode(_ text: Substring) -> String {
        guard text.contains("&") else { return String(text) }
        var out = ""
        var rest = text
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            rest = rest[amp...]
            guard let semi = rest.prefix(12).firstIndex(of: ";") else {
                out += "&"
                rest = rest.dropFirst()
                continue
            }
            let body = rest[rest.index(after: rest.startIndex)..<semi]
            var replacement: String?
            if body.hasPrefix("#x") || body.hasPrefix("#X") {
                replacement = UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else if body.hasPrefix("#") {
                replacement = UInt32(body.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else {
                replacement = named[String(body)]
            }
            if let replacement {
                out += replacement
                rest = rest[rest.index(after: semi)...]
            } else {
                out += "&"
                rest = rest.dropFirst()
            }
        }
        out += rest
        return out
    }
}
