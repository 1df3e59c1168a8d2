/// JSON string escaping of bytes a generator already wrote.
package enum JSONEscape {
    /// True when any byte needs escaping inside a JSON string.
    @inlinable
    package static func needed(_ base: UnsafeMutablePointer<UInt8>, from start: Int, to end: Int) -> Bool {
        var index = start
        while index < end {
            let byte = base[index]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C { return true }
            index &+= 1
        }
        return false
    }

    /// Escapes `out[start..<out.count]` in place, working backwards so nothing is allocated.
    @inline(never)
    package static func escapeInPlace(_ out: inout ByteWriter, from start: Int) {
        var extra = 0
        for index in start..<out.count {
            let byte = out.base[index]
            if byte == 0x22 || byte == 0x5C || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                extra += 1
            } else if byte < 0x20 {
                extra += 5
            }
        }
        out.reserve(extra)
        var source = out.count - 1
        var target = out.count + extra - 1
        let base = out.base
        func put(_ byte: UInt8) {
            base[target] = byte
            target -= 1
        }
        while source >= start {
            let byte = base[source]
            switch byte {
            case 0x22, 0x5C:
                put(byte)
                put(0x5C)
            case 0x0A:
                put(UInt8(ascii: "n"))
                put(0x5C)
            case 0x0D:
                put(UInt8(ascii: "r"))
                put(0x5C)
            case 0x09:
                put(UInt8(ascii: "t"))
                put(0x5C)
            case 0..<0x20:
                put(JSONValue.hexDigit(byte & 0xF))
                put(JSONValue.hexDigit(byte >> 4))
                put(0x30)
                put(0x30)
                put(UInt8(ascii: "u"))
                put(0x5C)
            default:
                put(byte)
            }
            source -= 1
        }
        out.count += extra
    }
}
