/// Splits comma-separated text into records of fields, honouring double quotes (RFC 4180).
///
/// Small reference tables only: large event and vote files have their own
/// byte-level readers. Fields are never turned into `nil`: Namibia's ISO2
/// code `NA` is a value.
public enum CSVRecords {
    /// One record with the line it starts on.
    public struct Record {
        public var line: Int
        public var fields: [String]
    }

    /// Parses `text`; throws when a quote is left open.
    public static func parse(_ text: String, file: String) throws(InputError) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var iterator = text.makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let character = pending { pending = nil; return character }
            return iterator.next()
        }
        while let character = next() {
            if inQuotes {
                if character == "\"" {
                    let following = next()
                    if following == "\"" { field.append("\"") } else { inQuotes = false; pending = following }
                } else {
                    if character == "\n" || character == "\r\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty:
                inQuotes = true
            case ",":
                fields.append(field)
                field = ""
            case "\n", "\r\n":
                fields.append(field)
                records.append(Record(line: recordLine, fields: fields))
                fields = []
                field = ""
                line += 1
                recordLine = line
            default:
                field.append(character)
            }
        }
        if inQuotes { throw InputError(file: file, line: recordLine, message: "a quoted field is not closed") }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            records.append(Record(line: recordLine, fields: fields))
        }
        return records
    }
}
