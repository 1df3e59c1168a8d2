import CNIOBoringSSL

/// SHA-2 digests and HMACs, computed by the BoringSSL that swift-nio-ssl already links for TLS.
///
/// Phoney hashes S3 payloads and shards (SHA-256) and signs SigV4 requests and access tokens (HMAC-SHA-256/384/512).
/// swift-crypto did this before, but in the Lambda binary it brought a second copy of BoringSSL and, through its
/// `Data` and `DataProtocol` conformances, the whole of FoundationEssentials: 6 MB of the static executable
/// (docs/decisions/0003-lambda-binary-code-layout.md). These are thin calls into the same C functions swift-crypto
/// wraps, in the copy of BoringSSL already there. `CNIOBoringSSL` is swift-nio-ssl's vendored module, not a product
/// of that package: a release that renamed it fails the build, and a wrong digest fails PhoneyDigestTests, which
/// check these against the published test vectors and against swift-crypto.
package enum Digest {
    /// The SHA-2 functions an HMAC can be computed with.
    package enum Algorithm: Sendable {
        case sha256, sha384, sha512

        /// The length of the digest in bytes.
        package var byteCount: Int {
            switch self {
            case .sha256: return 32
            case .sha384: return 48
            case .sha512: return 64
            }
        }

        var evp: OpaquePointer {
            switch self {
            case .sha256: return EVP_sha256()
            case .sha384: return EVP_sha384()
            case .sha512: return EVP_sha512()
            }
        }
    }

    /// The SHA-256 digest of `bytes`.
    package static func sha256(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var hasher = SHA256Hasher()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The HMAC of `message` under `key` (RFC 2104) with `algorithm`.
    package static func hmac(
        _ algorithm: Algorithm, key: some Collection<UInt8>, message: some Collection<UInt8>
    ) -> [UInt8] {
        let key = Array(key)
        let message = Array(message)
        var length: UInt32 = 0
        let code = [UInt8](unsafeUninitializedCapacity: Int(EVP_MAX_MD_SIZE)) { output, count in
            key.withUnsafeBufferPointer { key in
                message.withUnsafeBufferPointer { message in
                    // HMAC returns NULL only when the digest cannot be set up, which for these three never happens.
                    let result = HMAC(
                        algorithm.evp, key.baseAddress, key.count, message.baseAddress, message.count,
                        output.baseAddress, &length)
                    precondition(result != nil, "BoringSSL's HMAC failed")
                }
            }
            count = Int(length)
        }
        return code
    }

    /// Whether `code` is the HMAC of `message` under `key`, compared in constant time once the lengths match.
    package static func isValidHMAC(
        _ code: some Collection<UInt8>, _ algorithm: Algorithm, key: some Collection<UInt8>,
        message: some Collection<UInt8>
    ) -> Bool {
        let expected = hmac(algorithm, key: key, message: message)
        let code = Array(code)
        guard code.count == expected.count else { return false }
        return code.withUnsafeBufferPointer { code in
            expected.withUnsafeBufferPointer { expected in
                CRYPTO_memcmp(code.baseAddress, expected.baseAddress, expected.count) == 0
            }
        }
    }
}
