/// A document to map: an identifier and its plain text.
public struct SourceDocument: Sendable, Hashable {
    /// The `id` of a JSONL line, else the file name.
    public var id: String
    public var text: String
    /// The file it was read from.
    public var file: String

    public init(id: String, text: String, file: String) {
        self.id = id
        self.text = text
        self.file = file
    }
}
