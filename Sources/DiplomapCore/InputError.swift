/// A problem in an input file, located well enough for a person to fix it: `file:line: field: message`.
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// One-based line number, when the problem has one.
    public var line: Int?
    /// The column, key or field at fault.
    public var field: String?
    public var message: String

    public init(file: String, line: Int? = nil, field: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let field { text += "\(field): " }
        return text + message
    }
}

/// Several input problems found in one pass, so that a person fixes them all at once.
public struct InputErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [InputError]

    public init(_ errors: [InputError]) { self.errors = errors }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
