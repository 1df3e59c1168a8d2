import HTTPTypes
import NIOCore
import PhoneyCore

extension ByteBuffer {
    /// Writes `bytes` (UTF-8) escaped for the inside of a JSON string, copying unescaped runs whole.
    package mutating func writeJSONEscaped(_ bytes: UnsafeRawBufferPointer) {
        var runStart = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            if index > runStart { writeBytes(UnsafeRawBufferPointer(rebasing: bytes[runStart..<index])) }
            switch byte {
            case UInt8(ascii: "\""): writeStaticString("\\\"")
            case UInt8(ascii: "\\"): writeStaticString("\\\\")
            case 0x0A: writeStaticString("\\n")
            case 0x0D: writeStaticString("\\r")
            case 0x09: writeStaticString("\\t")
            default:
                let hex = Array("0123456789abcdef".utf8)
                writeBytes([0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            }
            runStart = index + 1
        }
        if bytes.count > runStart { writeBytes(UnsafeRawBufferPointer(rebasing: bytes[runStart...])) }
    }

    /// Writes `text` as a JSON string literal, quotes included.
    package mutating func writeJSONString(_ text: String) {
        var copy = text
        writeStaticString("\"")
        copy.withUTF8 { writeJSONEscaped(UnsafeRawBufferPointer($0)) }
        writeStaticString("\"")
    }
}

/// A 64-bit FNV-1a hash as 16 hex digits: a stable id for a template's text.
package func fnv1aHex(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    var copy = text
    copy.withUTF8 { bytes in
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
    }
    return String(unsafeUninitializedCapacity: 16) { out in
        for position in 0..<16 {
            let nibble = UInt8(truncatingIfNeeded: hash >> UInt64(60 - 4 * position)) & 0xF
            out[position] = nibble < 10 ? 0x30 + nibble : 0x57 + nibble
        }
        return 16
    }
}
