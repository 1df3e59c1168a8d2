import Testing

@testable import PhoneyCore

/// The word-at-a-time byte routines of the hot path, each held against a plain byte-by-byte version.
struct ByteWriterTests {
    /// Bytes that JSON strings must escape, and bytes next to them that must not be taken for them.
    static let interesting: [UInt8] = [
        0x00, 0x01, 0x0A, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0xC3,
        0xFF, 0x41, 0x61,
    ]

    func naiveFirstEscape(_ bytes: [UInt8], from start: Int) -> Int {
        bytes[start...].firstIndex { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C } ?? bytes.count
    }

    @Test func firstEscapeFindsTheFirstByteThatNeedsEscaping() {
        var rng = PhoneyRandom(state: 42)
        for round in 0..<5_000 {
            let count = Int(rng.below(40))
            var bytes = (0..<count).map { _ in UInt8(ascii: "a") &+ UInt8(truncatingIfNeeded: rng.below(26)) }
            // Sprinkle bytes from the interesting set, sometimes none at all.
            for _ in 0..<Int(rng.below(3)) where count > 0 {
                bytes[rng.index(count)] = Self.interesting[rng.index(Self.interesting.count)]
            }
            let start = count == 0 ? 0 : rng.index(count + 1)
            let found = bytes.withUnsafeMutableBufferPointer { buffer in
                JSONEscape.firstEscape(
                    buffer.baseAddress ?? UnsafeMutablePointer(bitPattern: 8)!, from: start, to: count)
            }
            #expect(found == naiveFirstEscape(bytes, from: start), "round \(round): \(bytes) from \(start)")
        }
    }

    @Test func escapeInPlaceMatchesTheSerializer() {
        var rng = PhoneyRandom(state: 7)
        for _ in 0..<2_000 {
            let text = (0..<Int(rng.below(30))).map { _ in Self.interesting[rng.index(Self.interesting.count)] }
                .filter { $0 < 0x80 }
            var out = ByteWriter(capacity: 8)
            defer { out.deallocate() }
            out.append(string: "prefix:")
            let start = out.count
            out.append(text)
            JSONEscape.escapeInPlace(&out, from: start)
            var expected: [UInt8] = []
            JSONValue.appendEscaped(text, to: &expected)
            #expect(Array(out.bytes[start...]) == expected, "\(text)")
            #expect(Array(out.bytes[..<start]) == Array("prefix:".utf8))
        }
    }

    @Test(arguments: [0, 1, 4, 6, 8, 9, 12, 15, 16])
    func appendHexWritesLowerCaseDigits(_ digits: Int) {
        var rng = PhoneyRandom(state: UInt64(digits))
        var out = ByteWriter(capacity: 4)
        defer { out.deallocate() }
        for _ in 0..<500 {
            let value = rng.next()
            out.removeAll()
            out.append(0x7C)
            out.appendHex(value, digits: digits)
            out.append(0x7C)
            let masked = digits == 16 ? value : value & ((1 << UInt64(digits * 4)) - 1)
            let plain = String(masked, radix: 16)
            let expected = digits == 0 ? "" : String(repeating: "0", count: digits - plain.count) + plain
            #expect(String(decoding: out.bytes, as: UTF8.self) == "|\(expected)|")
        }
    }

    @Test func appendBooleanWritesTheWord() {
        var out = ByteWriter(capacity: 1)
        defer { out.deallocate() }
        for value in [true, false, false, true] { out.appendBoolean(value) }
        out.append(0x2E)
        #expect(String(decoding: out.bytes, as: UTF8.self) == "truefalsefalsetrue.")
    }

    @Test func overReadableAppendCopiesExactlyTheCount() {
        let source = (0..<100).map { UInt8($0) }
        var out = ByteWriter(capacity: 1)
        defer { out.deallocate() }
        source.withUnsafeBufferPointer { buffer in
            for length in 0...(source.count - ByteWriter.overRead) {
                out.removeAll()
                out.append(0xEE)
                out.append(overReadable: buffer.baseAddress! + 3, count: length)
                out.append(0xFF)
                #expect(Array(out.bytes) == [0xEE] + source[3..<(3 + length)] + [0xFF], "length \(length)")
            }
        }
    }
}
