/// Hexadecimal text of bytes, for hashes and percent-encoding.
enum Hex {
    /// Lower-case hex of `bytes`, two digits a byte.
    static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digit(byte >> 4, upperCase: false))
            out.append(digit(byte & 0xF, upperCase: false))
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func digit(_ nibble: UInt8, upperCase: Bool) -> UInt8 {
        nibble < 10 ? 0x30 + nibble : (upperCase ? 0x37 : 0x57) + nibble
    }
}
