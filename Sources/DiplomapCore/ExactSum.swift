/// A sum of weights that comes out the same whatever the order of its terms.
///
/// Floating-point addition depends on its order, and evidence reaches a map in whatever order a store or its
/// parallel readers give it. Each weight is therefore split into its whole part and its fraction, counted in 2⁻⁶⁴
/// (every weight from 2⁻¹¹ up is kept exactly; the bits of smaller ones below 2⁻⁶⁴ are dropped) in a 128-bit
/// integer, which adds exactly in any order: the value is read from that exact sum by the same two conversions every
/// time. Weights up to 2⁴⁰ (about 10¹²) are counted, in up to 2²² (four million) pieces a sum before it could
/// overflow; a larger weight, or one that is not a number, counts as nothing.
struct ExactSum: Sendable {
    private var units: Int128 = 0

    private static let fractionScale = 0x1p64

    /// Adds `weight` times `sign` (1, -1 or 0).
    mutating func add(_ weight: Double, times sign: Int = 1) {
        let magnitude = abs(weight)
        guard sign != 0, magnitude < Evidence.weightLimit else { return }
        // Truncation is the floor of a positive number; both parts are exact, as a double's bits above 2⁻⁶⁴ fit
        // the fraction's 64.
        let whole = Int64(magnitude)
        let part = Int128(whole) << 64 | Int128(UInt64((magnitude - Double(whole)) * Self.fractionScale))
        units += (sign > 0) == (weight >= 0) ? part : -part
    }

    mutating func add(_ other: ExactSum) {
        units += other.units
    }

    var value: Double {
        // The whole part and the fraction converted apart: each in one machine instruction, and the same every time.
        let negative = units < 0
        let magnitude = negative ? -units : units
        let result = Double(Int64(magnitude >> 64)) + Double(UInt64(truncatingIfNeeded: magnitude)) / Self.fractionScale
        return negative ? -result : result
    }
}
