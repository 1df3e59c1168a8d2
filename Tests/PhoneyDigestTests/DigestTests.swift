import Crypto
import PhoneyDigest
import Testing

/// PhoneyDigest against the published vectors (FIPS 180-4 examples, RFC 4231) and against swift-crypto, which the
/// service used before and which computes the same functions with its own copy of BoringSSL.
struct DigestTests {
    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    static func bytes(hex: String) -> [UInt8] {
        let digits = Array(hex.utf8)
        return stride(from: 0, to: digits.count, by: 2).map {
            UInt8(String(decoding: digits[$0..<$0 + 2], as: UTF8.self), radix: 16)!
        }
    }

    @Test func sha256MatchesTheFIPSExamples() {
        #expect(
            Self.hex(Digest.sha256("abc".utf8))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            Self.hex(Digest.sha256([UInt8]()))
                == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            Self.hex(Digest.sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func sha256InPartsEqualsOneShotAndSwiftCrypto() {
        var generator = SplitMix(seed: 7)
        for length in [0, 1, 55, 56, 63, 64, 65, 1000, 100_003] {
            let message = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            var hasher = SHA256Hasher()
            var offset = 0
            var step = 1
            while offset < message.count {
                let end = min(message.count, offset + step)
                message[offset..<end].withUnsafeBytes { hasher.update($0) }
                offset = end
                step = step * 3 + 1
            }
            let parts = hasher.finalize()
            #expect(parts == Digest.sha256(message), "length \(length)")
            #expect(parts == Array(Crypto.SHA256.hash(data: message)), "length \(length)")
        }
    }

    @Test func aCopiedHasherGoesOnFromTheCopy() {
        var first = SHA256Hasher()
        first.update("ab".utf8)
        var second = first
        first.update("c".utf8)
        second.update("d".utf8)
        #expect(first.finalize() == Digest.sha256("abc".utf8))
        #expect(second.finalize() == Digest.sha256("abd".utf8))
    }

    /// RFC 4231 test cases 1, 2 and 6 (the key longer than the block), for the three functions.
    @Test func hmacMatchesRFC4231() {
        let cases: [(key: [UInt8], data: [UInt8], sha256: String, sha384: String, sha512: String)] = [
            (
                [UInt8](repeating: 0x0b, count: 20), Array("Hi There".utf8),
                "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
                "afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59cfaea9ea9076ede7f4af152e8b2fa9cb6",
                "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde"
                    + "daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854"
            ),
            (
                Array("Jefe".utf8), Array("what do ya want for nothing?".utf8),
                "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649",
                "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
                    + "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"
            ),
            (
                [UInt8](repeating: 0xaa, count: 131),
                Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
                "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
                "4ece084485813e9088d2c63a041bc5b44f9ef1012a2b588f3cd11f05033ac4c60c2ef6ab4030fe8296248df163f44952",
                "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f352"
                    + "6b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598"
            ),
        ]
        for test in cases {
            #expect(Self.hex(Digest.hmac(.sha256, key: test.key, message: test.data)) == test.sha256)
            #expect(Self.hex(Digest.hmac(.sha384, key: test.key, message: test.data)) == test.sha384)
            #expect(Self.hex(Digest.hmac(.sha512, key: test.key, message: test.data)) == test.sha512)
        }
    }

    @Test func hmacEqualsSwiftCryptoForManyKeysAndMessages() {
        var generator = SplitMix(seed: 11)
        for round in 0..<200 {
            let key = (0..<(round % 150)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let message = (0..<(round * 7 % 300)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let symmetric = SymmetricKey(data: key)
            #expect(
                Digest.hmac(.sha256, key: key, message: message)
                    == Array(HMAC<SHA256>.authenticationCode(for: message, using: symmetric)))
            #expect(
                Digest.hmac(.sha384, key: key, message: message)
                    == Array(HMAC<SHA384>.authenticationCode(for: message, using: symmetric)))
            #expect(
                Digest.hmac(.sha512, key: key, message: message)
                    == Array(HMAC<SHA512>.authenticationCode(for: message, using: symmetric)))
        }
    }

    @Test func isValidHMACAcceptsOnlyTheExactCode() {
        let key = Array("secret".utf8)
        let message = Array("header.payload".utf8)
        for algorithm in [Digest.Algorithm.sha256, .sha384, .sha512] {
            let code = Digest.hmac(algorithm, key: key, message: message)
            #expect(code.count == algorithm.byteCount)
            #expect(Digest.isValidHMAC(code, algorithm, key: key, message: message))
            var flipped = code
            flipped[flipped.count - 1] ^= 1
            #expect(!Digest.isValidHMAC(flipped, algorithm, key: key, message: message))
            #expect(!Digest.isValidHMAC(code.dropLast(), algorithm, key: key, message: message))
            #expect(!Digest.isValidHMAC([], algorithm, key: key, message: message))
            #expect(!Digest.isValidHMAC(code, algorithm, key: Array("secreT".utf8), message: message))
        }
    }
}

/// A small deterministic generator for test inputs.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
