/// The small, fast, seedable generator behind every value (wyrand).
///
/// Record *i* of a request starts from `PhoneyRandom(seed:record:)`, so its values depend only on the seed and
/// the record index, never on thread count or chunk boundaries.
package struct PhoneyRandom: RandomNumberGenerator, Sendable {
    @usableFromInline var state: UInt64

    @inlinable
    package init(state: UInt64) {
        self.state = state
    }

    /// The generator for record `record` of a run seeded with `seed`.
    @inlinable
    package init(seed: UInt64, record: UInt64) {
        self.state = PhoneyRandom.mix(seed ^ PhoneyRandom.mix(record &+ 0x9E37_79B9_7F4A_7C15))
    }

    /// SplitMix64's finaliser: a bijective 64-bit mix.
    @inlinable
    package static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inlinable
    package mutating func next() -> UInt64 {
        state &+= 0xA076_1D64_78BD_642F
        let product = state.multipliedFullWidth(by: state ^ 0xE703_7ED1_A0B4_28DB)
        return product.high ^ product.low
    }

    /// A value in `0..<bound` (Lemire's multiply-shift; the bias is below 2⁻³² for every bound used here).
    @inlinable
    package mutating func below(_ bound: UInt64) -> UInt64 {
        next().multipliedFullWidth(by: bound).high
    }

    /// A value in `0..<bound` as an `Int`.
    @inlinable
    package mutating func index(_ bound: Int) -> Int {
        Int(truncatingIfNeeded: below(UInt64(truncatingIfNeeded: bound)))
    }

    /// A value in `lower...upper`, both inclusive.
    @inlinable
    package mutating func int(_ lower: Int64, _ upper: Int64) -> Int64 {
        let span = UInt64(bitPattern: upper &- lower)
        if span == UInt64.max { return Int64(bitPattern: next()) }
        return lower &+ Int64(bitPattern: below(span &+ 1))
    }

    /// A double in `[0, 1)`.
    @inlinable
    package mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// True with probability `p`.
    @inlinable
    package mutating func chance(_ p: Double) -> Bool {
        unit() < p
    }
}
