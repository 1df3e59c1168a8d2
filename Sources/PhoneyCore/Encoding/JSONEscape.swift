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

    /// Escapes `out[start..<out.count]` in place.
    @inline(never)
    package static func escapeInPlace(_ out: inout ByteWriter, from start: Int) {
        let length = out.count - start
        let copy = UnsafeMutablePointer<UInt8>.allocate(capacity: length)
        defer { copy.deallocate() }
        copy.update(from: out.base + start, count: length)
        out.count = start
        var escaped: [UInt8] = []
        escaped.reserveCapacity(length + 16)
        JSONValue.appendEscaped(UnsafeBufferPointer(start: copy, count: length), to: &escaped)
        out.append(escaped)
    }
}
