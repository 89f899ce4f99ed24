import Foundation

/// The form names are compared in: case and diacritics folded, punctuation as spaces, a leading "the" dropped.
///
/// So "Türkiye", "turkiye" and "TURKIYE" meet, and "Nur-Sultan" matches "Nur Sultan".
enum NameKey {
    static func make(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var scalars = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars {
            scalars.append(CharacterSet.alphanumerics.contains(scalar) ? scalar : " ")
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
