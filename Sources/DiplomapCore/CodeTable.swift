import Foundation

/// Finds which of a few known codes a column's bytes spell, without making a string.
///
/// The map reads a code per column per row; building a Swift string for each
/// of a million rows costs more than the rest of the aggregation. Bytes are
/// compared with the last code found (rows come in index order, so runs of
/// one code are long), else hashed (FNV-1a), looked up, and compared with
/// the code they hash to.
public struct CodeTable: Sendable {
    private let codes: [[UInt8]]
    private var positions: [UInt64: Int] = [:]
    private var last: Int?

    public init(_ codes: [String]) {
        self.codes = codes.map { Array($0.utf8) }
        for (position, code) in self.codes.enumerated() {
            let previous = positions.updateValue(position, forKey: code.withUnsafeBufferPointer(Self.hash))
            precondition(previous == nil, "two codes with one hash")
        }
    }

    /// The position of the code the bytes spell, or nil when they spell none.
    public mutating func position(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        if let last, Self.equal(codes[last], bytes) { return last }
        guard let position = positions[Self.hash(bytes)], Self.equal(codes[position], bytes) else { return nil }
        last = position
        return position
    }

    private static func equal(_ code: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        code.count == bytes.count && code.withUnsafeBufferPointer { memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}
