/// A keyed bijection of `0..<domain`: a balanced Feistel network on the smallest even bit width that holds the
/// domain, with cycle walking back into range.
///
/// Record *i*'s unique value is `value(index: permutation(i))`, so distinct records get distinct values by
/// construction, for any thread count, chunking or offset page.
package struct UniquePermutation: Sendable {
    package let domain: UInt64
    @usableFromInline let halfBits: UInt64
    @usableFromInline let halfMask: UInt64
    @usableFromInline let keys: (UInt64, UInt64, UInt64, UInt64)

    package init(domain: UInt64, seed: UInt64, slot: UInt32) {
        self.domain = domain
        var bits: UInt64 = domain <= 1 ? 0 : UInt64(64 - (domain - 1).leadingZeroBitCount)
        if bits % 2 == 1 { bits += 1 }
        bits = max(bits, 2)
        halfBits = bits / 2
        halfMask = halfBits >= 64 ? UInt64.max : (UInt64(1) << halfBits) - 1
        var key = PhoneyRandom(state: PhoneyRandom.mix(seed ^ 0x5DEE_CE66_D1CE_4E5B) &+ UInt64(slot))
        keys = (key.next(), key.next(), key.next(), key.next())
    }

    @inlinable
    func round(_ half: UInt64, _ key: UInt64) -> UInt64 {
        PhoneyRandom.mix(half ^ key) & halfMask
    }

    @inlinable
    func encrypt(_ value: UInt64) -> UInt64 {
        var left = value >> halfBits
        var right = value & halfMask
        (left, right) = (right, left ^ round(right, keys.0))
        (left, right) = (right, left ^ round(right, keys.1))
        (left, right) = (right, left ^ round(right, keys.2))
        (left, right) = (right, left ^ round(right, keys.3))
        return left << halfBits | right
    }

    /// The image of `index`; `index` must be below `domain`.
    @inlinable
    package func callAsFunction(_ index: UInt64) -> UInt64 {
        if domain <= 1 { return 0 }
        var value = encrypt(index)
        while value >= domain { value = encrypt(value) }
        return value
    }
}
