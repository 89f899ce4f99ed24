/// A sum of weights that comes out the same whatever the order of its terms.
///
/// Floating-point addition depends on its order, and evidence reaches a map in whatever order a store or its
/// parallel readers give it. Each weight is therefore counted as a whole number of 2⁻⁴⁰ (about 10⁻¹²; the rest of a
/// weight is cut off) in a 128-bit integer, which adds exactly in any order and cannot overflow for any weight a source
/// gives (up to 10²⁵ per piece); a weight beyond that, or not a number, counts as nothing.
struct ExactSum: Sendable, Hashable {
    private var units: Int128 = 0

    private static let scale = 0x1p40
    private static let largest = 1e37

    /// Adds `weight` times `sign` (1, -1 or 0).
    mutating func add(_ weight: Double, times sign: Int = 1) {
        guard sign != 0 else { return }
        let scaled = weight * Self.scale
        let part: Int128
        // The common case in one machine instruction; Int128's own conversion is a library call.
        if abs(scaled) < 0x1p62 {
            part = Int128(Int64(scaled))
        } else if abs(scaled) < Self.largest {
            part = Int128(scaled)
        } else {
            return
        }
        units += sign > 0 ? part : -part
    }

    mutating func add(_ other: ExactSum) {
        units += other.units
    }

    var value: Double {
        // As above: a sum that fits 64 bits, as nearly all do, converts in one instruction.
        if let small = Int64(exactly: units) { return Double(small) / Self.scale }
        return Double(units) / Self.scale
    }
}
