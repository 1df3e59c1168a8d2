/// A growable byte buffer that generators write into without allocating per value.
///
/// It owns raw memory: call `deallocate()` once when done (the executor's buffers do this).
package struct ByteWriter {
    @usableFromInline package var base: UnsafeMutablePointer<UInt8>
    @usableFromInline package var count: Int
    @usableFromInline package var capacity: Int

    package init(capacity: Int = 1 << 16) {
        let size = max(capacity, 64)
        self.base = .allocate(capacity: size)
        self.count = 0
        self.capacity = size
    }

    package func deallocate() {
        base.deallocate()
    }

    /// The bytes written so far.
    package var bytes: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: base, count: count)
    }

    /// Makes room for `additional` more bytes.
    @inlinable
    package mutating func reserve(_ additional: Int) {
        if capacity &- count < additional { grow(additional) }
    }

    @inline(never)
    @usableFromInline
    package mutating func grow(_ additional: Int) {
        var newCapacity = capacity * 2
        while newCapacity - count < additional { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Empties the buffer and gives its memory back, keeping `capacity` bytes (after a huge record).
    package mutating func shrink(to capacity: Int) {
        base.deallocate()
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
        count = 0
    }

    @inlinable
    package mutating func removeAll() {
        count = 0
    }

    @inlinable
    package mutating func truncate(to length: Int) {
        count = length
    }

    @inlinable
    package mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count &+= 1
    }

    @inlinable
    package mutating func append(_ source: UnsafePointer<UInt8>, count length: Int) {
        reserve(length)
        (base + count).update(from: source, count: length)
        count &+= length
    }

    /// How many bytes `append(overReadable:count:)` may read from its source, whatever the count.
    package static let overRead = 32

    /// Appends `length` bytes from a source that stays readable for at least `overRead` bytes: values that short
    /// (most table fields and template literals) are copied as whole 8-byte words instead of through `memmove`.
    @inlinable
    package mutating func append(overReadable source: UnsafePointer<UInt8>, count length: Int) {
        reserve(length &+ ByteWriter.overRead)
        let from = UnsafeRawPointer(source)
        let to = UnsafeMutableRawPointer(base + count)
        if length <= 16 {
            to.storeBytes(of: from.loadUnaligned(as: UInt64.self), as: UInt64.self)
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: 8, as: UInt64.self), toByteOffset: 8, as: UInt64.self)
        } else if length <= ByteWriter.overRead {
            for offset in stride(from: 0, to: ByteWriter.overRead, by: 8) {
                to.storeBytes(
                    of: from.loadUnaligned(fromByteOffset: offset, as: UInt64.self), toByteOffset: offset,
                    as: UInt64.self)
            }
        } else {
            (base + count).update(from: source, count: length)
        }
        count &+= length
    }

    @inlinable
    package mutating func append(_ source: UnsafeRawBufferPointer) {
        guard let start = source.baseAddress else { return }
        append(start.assumingMemoryBound(to: UInt8.self), count: source.count)
    }

    package mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0.baseAddress!, count: $0.count) }
    }

    package mutating func append(string: String) {
        var copy = string
        copy.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    /// Writes `true` or `false` with one word store (no array, so no reference counting).
    @inlinable
    package mutating func appendBoolean(_ value: Bool) {
        reserve(8)
        // "true" and "false" as little-endian words; the bytes past the text are overwritten by what comes next.
        let word: UInt64 = value ? 0x6575_7274 : 0x65_736C_6166
        UnsafeMutableRawPointer(base + count).storeBytes(of: word.littleEndian, as: UInt64.self)
        count &+= value ? 4 : 5
    }

    /// Writes `value` in decimal.
    @inlinable
    package mutating func appendDecimal(_ value: UInt64) {
        reserve(20)
        if value < 10 {
            base[count] = 0x30 &+ UInt8(truncatingIfNeeded: value)
            count &+= 1
            return
        }
        var digits = 0
        var probe = value
        while probe > 0 {
            digits &+= 1
            probe /= 10
        }
        var rest = value
        var position = count &+ digits
        while rest > 0 {
            position &-= 1
            base[position] = 0x30 &+ UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        }
        count &+= digits
    }

    /// Writes `value` in decimal with a leading `-` when negative.
    @inlinable
    package mutating func appendDecimal(_ value: Int64) {
        if value < 0 {
            append(0x2D)
            appendDecimal(UInt64(bitPattern: 0 &- value))
        } else {
            appendDecimal(UInt64(value))
        }
    }

    /// Writes `value` in decimal, left-padded with zeros to `width` digits.
    @inlinable
    package mutating func appendPadded(_ value: UInt64, width: Int) {
        reserve(max(width, 20))
        var rest = value
        var digits = 1
        var probe = value / 10
        while probe > 0 {
            digits &+= 1
            probe /= 10
        }
        let total = max(width, digits)
        var position = count &+ total
        for _ in 0..<total {
            position &-= 1
            base[position] = 0x30 &+ UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        }
        count &+= total
    }

    /// Writes the low `digits` (at most 16) nibbles of `value` as lower-case hex, most significant first.
    @inlinable
    package mutating func appendHex(_ value: UInt64, digits: Int) {
        reserve(16)
        if digits > 8 {
            storeHex8(UInt32(truncatingIfNeeded: value >> 32) << UInt32(truncatingIfNeeded: (16 &- digits) &* 4))
            count &+= digits &- 8
            storeHex8(UInt32(truncatingIfNeeded: value))
            count &+= 8
        } else {
            storeHex8(UInt32(truncatingIfNeeded: value) << UInt32(truncatingIfNeeded: (8 &- digits) &* 4))
            count &+= digits
        }
    }

    /// Stores the 8 hex digits of `value` at `count` without advancing it (the caller reserved the room).
    ///
    /// Eight digits at once (SWAR): the nibbles are spread one to a byte, most significant first, then each byte
    /// becomes `0`–`9` or `a`–`f` with no branch, since random nibbles would mispredict a `< 10` test half the time.
    @inlinable
    mutating func storeHex8(_ value: UInt32) {
        var x = UInt64(value)
        x = (x | x << 16) & 0x0000_FFFF_0000_FFFF
        x = (x | x << 8) & 0x00FF_00FF_00FF_00FF
        x = (x | x << 4) & 0x0F0F_0F0F_0F0F_0F0F
        // Byte i now holds nibble i (least significant first); memory wants the most significant first.
        x = x.byteSwapped
        let letters = ((x &+ 0x0606_0606_0606_0606) >> 4) & 0x0101_0101_0101_0101
        let text = x &+ 0x3030_3030_3030_3030 &+ letters &* 39
        UnsafeMutableRawPointer(base + count).storeBytes(of: text.littleEndian, as: UInt64.self)
    }

    /// Writes one random decimal digit.
    @inlinable
    package mutating func appendRandomDigits(_ n: Int, _ rng: inout PhoneyRandom) {
        reserve(n)
        for _ in 0..<n {
            base[count] = 0x30 &+ UInt8(truncatingIfNeeded: rng.below(10))
            count &+= 1
        }
    }
}
