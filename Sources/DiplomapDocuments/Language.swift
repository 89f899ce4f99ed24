/// The languages the document mapper reads; each has its lexicon folder and its fitted weights.
public enum Language: String, Sendable, CaseIterable, Codable {
    case english = "en"
    case russian = "ru"

    /// The language's name in English, for notes beside evidence ("in Russian").
    public var name: String {
        switch self {
        case .english: "English"
        case .russian: "Russian"
        }
    }

    /// The languages whose annotated documents this language's weights are fitted to: Russian learns from
    /// the English corpus too (cross-validated strict F1 on the Russian corpus was higher fitted jointly than
    /// alone), English from its own, so that the English weights do not move with the Russian corpus.
    public var learnsFrom: Set<Language> {
        switch self {
        case .english: [.english]
        case .russian: [.russian, .english]
        }
    }

    /// The language of a text by its letters: Russian when at least a third of them are Cyrillic.
    ///
    /// Counting letters rather than words keeps it one pass over the bytes; a Russian text that
    /// quotes English names stays Russian, an English one that names "Казахстан" stays English.
    public static func detect(_ bytes: UnsafeBufferPointer<UInt8>) -> Language {
        var latin = 0, cyrillic = 0
        for byte in bytes {
            if byte == 0xD0 || byte == 0xD1 {
                cyrillic += 1
            } else if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A {
                latin += 1
            }
        }
        return cyrillic * 3 >= cyrillic + latin && cyrillic > 0 ? .russian : .english
    }

    /// The language of a string, as `detect(_:)` reads its UTF-8.
    public static func detect(_ text: String) -> Language {
        var utf8 = Array(text.utf8)
        return utf8.withUnsafeMutableBufferPointer { detect(UnsafeBufferPointer($0)) }
    }
}
