import DiplomapCore

/// Reads comma-separated bytes record by record without making a `String` per field.
///
/// The vote file has 869,937 rows; this reader hands out byte ranges so the
/// loader turns only the fields it needs into numbers or codes (through `ByteScan`
/// and `PackedCode`, as the event readers do). Quoted fields
/// (with `""` for a quote) are honoured. An empty field is empty, never "missing
/// by name": Namibia's ISO2 code `NA` is a value.
public struct CSVScanner {
    /// The fields of one record, as ranges into the scanned bytes.
    public struct Record {
        let bytes: UnsafeBufferPointer<UInt8>
        var ranges: [Range<Int>] = []
        var quoted: [Bool] = []
        /// One-based line the record starts on.
        public internal(set) var line = 0

        public var count: Int { ranges.count }

        public func isEmpty(_ index: Int) -> Bool { ranges[index].isEmpty }

        /// The field as text, with doubled quotes undone.
        public func string(_ index: Int) -> String {
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[ranges[index]]), as: UTF8.self)
            return quoted[index] ? text.replacingOccurrences(of: "\"\"", with: "\"") : text
        }

        /// The field as a non-negative decimal integer; `nil` when empty or not all digits.
        public func int(_ index: Int) -> Int? {
            let range = ranges[index]
            guard !range.isEmpty, bytes[range.lowerBound] &- UInt8(ascii: "0") < 10 else { return nil }
            return ByteScan.integer(bytes.baseAddress! + range.lowerBound, count: range.count)
        }

        /// The field as a packed code; `nil` when it is longer than eight bytes.
        public func code(_ index: Int) -> PackedCode? {
            let range = ranges[index]
            return PackedCode(bytes.baseAddress! + range.lowerBound, count: range.count)
        }

        /// Whether the field is exactly `text` (ASCII).
        public func equals(_ index: Int, _ text: StaticString) -> Bool {
            let range = ranges[index]
            guard range.count == text.utf8CodeUnitCount else { return false }
            return text.withUTF8Buffer { expected in
                zip(range, expected).allSatisfy { bytes[$0] == $1 }
            }
        }
    }

    /// Calls `body` for every record after the header, which must be `header`; the record is valid only during the call.
    public static func scan(
        _ data: [UInt8], file: String, header: [String], body: (borrowing Record) throws(InputError) -> Void
    ) throws(InputError) {
        try data.withUnsafeBufferPointer { (bytes) throws(InputError) in
            var record = Record(bytes: bytes)
            var position = 0
            var line = 1
            var first = true
            while position < bytes.count {
                record.ranges.removeAll(keepingCapacity: true)
                record.quoted.removeAll(keepingCapacity: true)
                record.line = line
                position = try readRecord(bytes, from: position, into: &record, line: &line, file: file)
                if record.ranges.count == 1, record.ranges[0].isEmpty { continue }
                if first {
                    first = false
                    let found = (0..<record.count).map { record.string($0) }
                    guard found == header else {
                        throw InputError(file: file, line: 1, message: "expected the header \(header.joined(separator: ",")), found \(found.joined(separator: ","))")
                    }
                    continue
                }
                guard record.count == header.count else {
                    throw InputError(file: file, line: record.line, message: "expected \(header.count) fields, found \(record.count)")
                }
                try body(record)
            }
            if first { throw InputError(file: file, message: "no header: the file holds no text") }
        }
    }

    /// Reads one record starting at `start`; returns where the next one starts.
    private static func readRecord(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, into record: inout Record, line: inout Int, file: String
    ) throws(InputError) -> Int {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var position = start
        while true {
            if position < bytes.count, bytes[position] == quote {
                let fieldStart = position + 1
                position = fieldStart
                while true {
                    guard position < bytes.count else {
                        throw InputError(file: file, line: record.line, message: "a quoted field is not closed before the end of the file")
                    }
                    let byte = bytes[position]
                    if byte == quote {
                        if position + 1 < bytes.count, bytes[position + 1] == quote { position += 2; continue }
                        break
                    }
                    if byte == newline { line += 1 }
                    position += 1
                }
                record.ranges.append(fieldStart..<position)
                record.quoted.append(true)
                position += 1
            } else {
                let fieldStart = position
                while position < bytes.count, bytes[position] != comma, bytes[position] != newline { position += 1 }
                var end = position
                if end > fieldStart, bytes[end - 1] == cr, position == bytes.count || bytes[position] == newline { end -= 1 }
                record.ranges.append(fieldStart..<end)
                record.quoted.append(false)
            }
            guard position < bytes.count else { return position }
            switch bytes[position] {
            case comma:
                position += 1
            case newline:
                line += 1
                return position + 1
            case cr where position + 1 < bytes.count && bytes[position + 1] == newline:
                line += 1
                return position + 2
            default:
                throw InputError(file: file, line: record.line, message: "unexpected text after a closing quote")
            }
        }
    }
}
