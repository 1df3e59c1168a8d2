import CNIOBoringSSL

/// A SHA-256 digest computed in parts: `update` with each piece, then `finalize` once.
///
/// A value type, as swift-crypto's `SHA256` was: a copy goes on from the state at the time of the copy.
package struct SHA256Hasher: Sendable {
    private var context = SHA256_CTX()

    package init() {
        SHA256_Init(&context)
    }

    /// Adds `bytes` to the message.
    package mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        SHA256_Update(&context, base, bytes.count)
    }

    /// Adds `bytes` to the message.
    package mutating func update(_ bytes: some Collection<UInt8>) {
        let handled: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if handled == nil {
            Array(bytes).withUnsafeBytes { update($0) }
        }
    }

    /// The 32-byte digest of everything added. The hasher is spent: start a new one for another message.
    package mutating func finalize() -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: 32) { output, count in
            SHA256_Final(output.baseAddress, &context)
            count = 32
        }
    }
}
