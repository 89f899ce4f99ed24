/// A short code (a CAMEO country code, a month, an event root) packed into one integer, first byte highest.
///
/// The hot loop compares, hashes and sorts codes without making a `String` for
/// each field: packing big-endian with zero padding makes integer order equal to
/// byte-wise string order, the order the aggregate contract sorts by.
public struct PackedCode: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let value: UInt64

    /// The longest code that fits.
    public static let capacity = 8

    /// Packs up to eight bytes; `nil` when the field is longer.
    @inline(__always)
    init?(_ bytes: UnsafePointer<UInt8>, count: Int) {
        guard count <= Self.capacity else { return nil }
        var value: UInt64 = 0
        for index in 0..<count { value |= UInt64(bytes[index]) << (56 - 8 * index) }
        self.value = value
    }

    /// Packs the UTF-8 bytes of a short string; `nil` when it is longer than eight bytes.
    public init?(_ text: String) {
        var utf8 = Array(text.utf8)
        guard let packed = utf8.withUnsafeMutableBufferPointer({ PackedCode($0.baseAddress!, count: $0.count) }) else { return nil }
        self = packed
    }

    /// The empty code.
    static let empty = PackedCode(raw: 0)

    private init(raw: UInt64) { value = raw }

    var isEmpty: Bool { value == 0 }

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
