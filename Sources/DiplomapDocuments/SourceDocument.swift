/// A document to map: an identifier and its plain text.
public struct SourceDocument: Sendable, Hashable {
    /// The `id` of a JSONL line, else the file name.
    public var id: String
    public var text: String
    /// The file it was read from.
    public var file: String
    /// The language it is written in, when the file or the user says so; detected from its letters otherwise.
    public var language: Language?

    public init(id: String, text: String, file: String, language: Language? = nil) {
        self.id = id
        self.text = text
        self.file = file
        self.language = language
    }
}
