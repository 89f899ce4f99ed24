import DiplomapCore

/// Escapes text for HTML content and attribute values.
///
/// Every string from a source (titles, summaries, quotes, addresses) passes
/// through here, so a source cannot inject markup into a report.
public enum HTML {
    /// The text with `& < > " '` replaced by entities.
    public static func escape(_ text: String) -> String { Markup.escape(text) }

    /// An address for reading, escaped, with a break opportunity (`<wbr>`) after each separator (/ . - _ ? & = #),
    /// so that a long address wraps between its parts, never inside a word.
    public static func breakable(_ address: String) -> String {
        var html = ""
        for character in address {
            html += escape(String(character))
            if "/.-_?&=#".contains(character) { html += "<wbr>" }
        }
        return html
    }

    /// An address as a link when it is a web address, as plain text otherwise.
    public static func link(_ address: String, text: String? = nil) -> String {
        let label = escape(text ?? address)
        guard address.hasPrefix("https://") || address.hasPrefix("http://") else { return label }
        return "<a href=\"\(escape(address))\">\(label)</a>"
    }
}
