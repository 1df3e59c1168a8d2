/// Base64 (RFC 4648): the standard alphabet for API Gateway bodies, the URL alphabet without padding for JWTs.
package enum Base64 {
    /// The decoded bytes of `text` in either alphabet, padding optional; nil when `text` holds characters outside
    /// the alphabets or has an impossible length.
    package static func decode<Text: Collection<UInt8>>(_ text: Text) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(text.count * 3 / 4)
        var buffer: UInt32 = 0
        var bits = 0
        for byte in text {
            let value: UInt32
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = UInt32(byte - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = UInt32(byte - UInt8(ascii: "a") + 26)
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt32(byte - UInt8(ascii: "0") + 52)
            case UInt8(ascii: "-"), UInt8(ascii: "+"): value = 62
            case UInt8(ascii: "_"), UInt8(ascii: "/"): value = 63
            case UInt8(ascii: "="): continue
            default: return nil
            }
            buffer = (buffer << 6) | value
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
            }
        }
        return bits >= 6 ? nil : output
    }

    static let standardAlphabet: StaticString = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    static let urlAlphabet: StaticString = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

    /// Appends `bytes` in standard base64 with padding.
    package static func encode(_ bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        encode(bytes, alphabet: standardAlphabet, padding: true, to: &out)
    }

    /// `bytes` in base64url without padding, as JWT uses it.
    package static func encodeURL(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        bytes.withUnsafeBytes { encode($0, alphabet: urlAlphabet, padding: false, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    static func encode(
        _ bytes: UnsafeRawBufferPointer, alphabet: StaticString, padding: Bool, to out: inout [UInt8]
    ) {
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
        guard rest > 0 else { return }
        var value = UInt32(bytes[index]) << 16
        if rest == 2 { value |= UInt32(bytes[index + 1]) << 8 }
        out.append(table[Int(value >> 18)])
        out.append(table[Int(value >> 12 & 63)])
        if rest == 2 {
            out.append(table[Int(value >> 6 & 63)])
        } else if padding {
            out.append(UInt8(ascii: "="))
        }
        if padding { out.append(UInt8(ascii: "=")) }
    }
}
