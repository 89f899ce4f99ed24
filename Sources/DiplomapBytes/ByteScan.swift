/// Word-at-a-time helpers for scanning delimited bytes, and numbers read in place: the one integer and decimal parser of
/// the event and vote readers.
///
/// Event files are gigabytes of short tab-separated fields; looking at eight
/// bytes per step (SWAR) and parsing numbers straight from the bytes keeps the
/// reader near the speed of memory, where a `String` per field would not be.
/// Everything is inlinable: the callers' hot loops are in other modules.
public enum ByteScan {
    // Constants as inlinable computed properties, so that they fold into the callers' loops as literals would.
    @inlinable public static var tab: UInt8 { 0x09 }
    @inlinable public static var newline: UInt8 { 0x0A }
    @inlinable public static var carriageReturn: UInt8 { 0x0D }
    @inlinable public static var space: UInt8 { 0x20 }
    @inlinable public static var tabs: UInt64 { 0x0909_0909_0909_0909 }
    @inlinable public static var newlines: UInt64 { 0x0A0A_0A0A_0A0A_0A0A }
    @inlinable public static var highBits: UInt64 { 0x8080_8080_8080_8080 }
    @inlinable static var lowBits: UInt64 { 0x7F7F_7F7F_7F7F_7F7F }

    /// 0x80 in each byte of `word` that is zero, and nothing else: exact, with no carries between bytes.
    @inlinable @inline(__always)
    public static func zeroBytes(_ word: UInt64) -> UInt64 {
        ~(((word & lowBits) &+ lowBits) | word | lowBits)
    }

    /// 0x80 in each byte of `word` that is a tab or a newline.
    @inlinable @inline(__always)
    public static func separators(_ word: UInt64) -> UInt64 {
        zeroBytes(word ^ tabs) | zeroBytes(word ^ newlines)
    }

    /// Parses an optionally signed decimal integer; `nil` when the bytes are not one.
    @inlinable @inline(__always)
    public static func integer(_ bytes: UnsafePointer<UInt8>, count: Int) -> Int? {
        var index = 0, negative = false
        if count > 0 && (bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+")) {
            negative = bytes[0] == UInt8(ascii: "-")
            index = 1
        }
        guard index < count, count - index <= 18 else { return nil }
        var value = 0
        while index < count {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
            index += 1
        }
        return negative ? -value : value
    }

    /// Parses a plain decimal number such as `-7.2` or `4`, as event files write the Goldstein scale.
    ///
    /// The result is the double nearest to the decimal, as a general parser would give,
    /// because digits and the place of the point are exact integers before one division.
    @inlinable @inline(__always)
    public static func decimal(_ bytes: UnsafePointer<UInt8>, count: Int) -> Double? {
        var index = 0, negative = false
        if count > 0 && (bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+")) {
            negative = bytes[0] == UInt8(ascii: "-")
            index = 1
        }
        var mantissa = 0, digits = 0, decimals = 0, seenPoint = false
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") && !seenPoint {
                seenPoint = true
            } else {
                let digit = byte &- UInt8(ascii: "0")
                guard digit < 10, digits < 15 else { return nil }
                mantissa = mantissa * 10 + Int(digit)
                digits += 1
                if seenPoint { decimals += 1 }
            }
            index += 1
        }
        guard digits > 0 else { return nil }
        let value = decimals == 0 ? Double(mantissa) : Double(mantissa) / powersOfTen[decimals]
        return negative ? -value : value
    }

    @usableFromInline static let powersOfTen: [Double] = (0...15).map { exponent in
        (0..<exponent).reduce(1.0) { value, _ in value * 10 }
    }
}
