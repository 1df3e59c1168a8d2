/// JSON string escaping of bytes a generator already wrote.
package enum JSONEscape {
    /// True when any byte needs escaping inside a JSON string.
    @inlinable
    package static func needed(_ base: UnsafeMutablePointer<UInt8>, from start: Int, to end: Int) -> Bool {
        firstEscape(base, from: start, to: end) != end
    }

    /// The index of the first byte in `start..<end` that needs escaping inside a JSON string, or `end`.
    ///
    /// Eight bytes at a time: a word has such a byte exactly when one of its bytes is below 0x20, or equal to `"`
    /// or `\` (the classic has-zero-byte tests, exact as yes/no answers); only that word is then read byte by byte.
    @inlinable
    package static func firstEscape(_ base: UnsafeMutablePointer<UInt8>, from start: Int, to end: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var index = start
        while index &+ 8 <= end {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            let quote = word ^ (ones &* 0x22)
            let backslash = word ^ (ones &* 0x5C)
            let control = (word &- ones &* 0x20) & ~word
            let hits = (control | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)) & highs
            if hits != 0 { break }
            index &+= 8
        }
        while index < end {
            let byte = base[index]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C { return index }
            index &+= 1
        }
        return end
    }

    /// Escapes what was written since `start`, when any of it needs escaping: the check inline, the work not.
    @inline(__always)
    package static func escapeWritten(_ out: inout ByteWriter, from start: Int) {
        if needed(out.base, from: start, to: out.count) { escapeInPlace(&out, from: start) }
    }

    /// Escapes `out[start..<out.count]` in place, working backwards so nothing is allocated.
    ///
    /// Bytes before the first one that needs escaping stay where they are; only the rest moves, once.
    @inline(never)
    package static func escapeInPlace(_ out: inout ByteWriter, from start: Int) {
        let end = out.count
        let first = firstEscape(out.base, from: start, to: end)
        if first == end { return }
        var extra = 0
        for index in first..<end { extra &+= extraBytes(out.base[index]) }
        out.reserve(extra)
        let base = out.base
        var source = end &- 1
        var target = end &+ extra &- 1
        while source >= first {
            let byte = base[source]
            source &-= 1
            if byte >= 0x20 && byte != 0x22 && byte != 0x5C {
                base[target] = byte
                target &-= 1
                continue
            }
            switch byte {
            case 0x22, 0x5C:
                base[target] = byte
            case 0x0A:
                base[target] = UInt8(ascii: "n")
            case 0x0D:
                base[target] = UInt8(ascii: "r")
            case 0x09:
                base[target] = UInt8(ascii: "t")
            default:
                base[target] = JSONValue.hexDigit(byte & 0xF)
                base[target &- 1] = JSONValue.hexDigit(byte >> 4)
                base[target &- 2] = 0x30
                base[target &- 3] = 0x30
                base[target &- 4] = UInt8(ascii: "u")
                target &-= 4
            }
            base[target &- 1] = 0x5C
            target &-= 2
        }
        out.count = end &+ extra
    }

    /// How many bytes escaping `byte` adds.
    @inline(__always)
    static func extraBytes(_ byte: UInt8) -> Int {
        if byte >= 0x20 { return byte == 0x22 || byte == 0x5C ? 1 : 0 }
        return byte == 0x0A || byte == 0x0D || byte == 0x09 ? 1 : 5
    }
}
