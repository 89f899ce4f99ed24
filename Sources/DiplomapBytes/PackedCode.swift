/// A short code (a CAMEO or ISO 3166 country code, a month, an event root) packed into one integer, first byte highest:
/// the one way the event and vote readers turn a code field into a number.
///
/// The hot loops compare, hash and sort codes without making a `String` for
/// each field: packing big-endian with zero padding makes integer order equal to
/// byte-wise string order, the order the aggregate contract sorts by.
public struct PackedCode: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let value: UInt64

    /// The longest code that fits.
    public static let capacity = 8

    /// Packs up to eight bytes; `nil` when the field is longer.
    @inlinable @inline(__always)
    public init?(_ bytes: UnsafePointer<UInt8>, count: Int) {
        guard count <= 8 else { return nil }
        var value: UInt64 = 0
        for index in 0..<count { value |= UInt64(bytes[index]) << (56 - 8 * index) }
        self.value = value
    }

    /// Packs a field's bytes; the empty code when there are none or more than eight.
    @inlinable
    public init(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count > 0, let code = PackedCode(bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), count: bytes.count) else {
            self = .empty
            return
        }
        self = code
    }

    /// Packs the UTF-8 bytes of a short string; `nil` when it is longer than eight bytes.
    public init?(_ text: String) {
        guard text.utf8.count <= 8 else { return nil }
        var value: UInt64 = 0
        for (index, byte) in text.utf8.enumerated() { value |= UInt64(byte) << (56 - 8 * index) }
        self.value = value
    }

    /// The empty code.
    public static let empty = PackedCode(raw: 0)

    @usableFromInline init(raw: UInt64) { value = raw }

    public var isEmpty: Bool { value == 0 }

    /// A code of three upper-case ASCII letters (an ISO 3166 alpha-3 code) as a number below 2¹⁵, to index a flat table
    /// of every such code; `nil` for any other code.
    @inlinable
    public var alpha3Slot: Int? {
        guard value & 0xFF_FFFF_FFFF == 0 else { return nil }
        let first = UInt8(truncatingIfNeeded: value >> 56) &- UInt8(ascii: "A")
        let second = UInt8(truncatingIfNeeded: value >> 48) &- UInt8(ascii: "A")
        let third = UInt8(truncatingIfNeeded: value >> 40) &- UInt8(ascii: "A")
        guard first < 26, second < 26, third < 26 else { return nil }
        return Int(first) << 10 | Int(second) << 5 | Int(third)
    }

    public static func < (lhs: PackedCode, rhs: PackedCode) -> Bool { lhs.value < rhs.value }

    /// The code as text.
    public var description: String {
        var bytes: [UInt8] = []
        var rest = value
        while rest != 0 {
            bytes.append(UInt8(truncatingIfNeeded: rest >> 56))
            rest <<= 8
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
