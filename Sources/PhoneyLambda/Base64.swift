import PhoneyAPI

/// Standard base64 (RFC 4648 §4) for API Gateway bodies.
enum Base64 {
    /// The decoded bytes of `text` (padding optional), or nil when it is not base64.
    static func decode<Text: Collection<UInt8>>(_ text: Text) -> [UInt8]? {
        Base64URL.decode(text)
    }

    /// `bytes` in base64 with padding.
    static func encode(_ bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        let alphabet: StaticString = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
        let table = UnsafeRawBufferPointer(start: alphabet.utf8Start, count: 64)
        out.reserveCapacity(out.count + (bytes.count + 2) / 3 * 4)
        var index = 0
        while index + 3 <= bytes.count {
            let value = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            out.append(table[Int(value >> 18)])
            out.append(table[Int(value >> 12 & 63)])
            out.append(table[Int(value >> 6 & 63)])
            out.append(table[Int(value & 63)])
            index += 3
        }
        let rest = bytes.count - index
        if rest > 0 {
            var value = UInt32(bytes[index]) << 16
            if rest == 2 { value |= UInt32(bytes[index + 1]) << 8 }
            out.append(table[Int(value >> 18)])
            out.append(table[Int(value >> 12 & 63)])
            out.append(rest == 2 ? table[Int(value >> 6 & 63)] : UInt8(ascii: "="))
            out.append(UInt8(ascii: "="))
        }
    }
}
