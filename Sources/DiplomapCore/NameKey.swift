import Foundation

/// The form names are compared in: case and diacritics folded, punctuation as spaces, a leading "the" dropped.
///
/// So "Türkiye", "turkiye" and "TURKIYE" meet, and "Nur-Sultan" matches "Nur Sultan".
enum NameKey {
    static func make(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII, as most names are: folding is lower-casing, and only letters and digits are alphanumeric. Every
            // command reads thousands of names with the registry, and Foundation's folding took most of that time.
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): scalars.append(Unicode.Scalar(byte + 0x20))
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): scalars.append(Unicode.Scalar(byte))
                default: scalars.append(" ")
                }
            }
        } else {
            let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            for scalar in folded.unicodeScalars {
                scalars.append(CharacterSet.alphanumerics.contains(scalar) ? scalar : " ")
            }
        }
        let words: [Substring] = String(scalars).split(separator: " ")
        let kept = words.first == "the" ? words.dropFirst() : words[...]
        return kept.joined(separator: " ")
    }

    /// Edit distance between two keys, for suggesting the nearest names.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
