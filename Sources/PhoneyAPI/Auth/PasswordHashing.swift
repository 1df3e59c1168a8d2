import CCrypt

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// bcrypt hashes for `API_PASSWORD_HASH`, computed by libxcrypt (the system's `libcrypt`, linked statically into the
/// Lambda's bootstrap).
///
/// libxcrypt reads `$2a$`, `$2b$` and `$2y$` (htpasswd's and PHP's prefix for the same algorithm), as the original's
/// passlib does, and writes `$2b$`. Only those prefixes are accepted here: the library also knows SHA-crypt, MD5-crypt
/// and DES, which this service never takes.
package enum PasswordHashing {
    /// A bcrypt hash of `password` with a random 16-byte salt.
    ///
    /// - Parameter cost: log2 of the rounds, 4 to 31 (12 is the original's passlib default).
    package static func hash(_ password: String, cost: UInt8 = 12) -> String {
        precondition((4...31).contains(cost), "bcrypt's cost is 4 to 31")
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        var setting = [CChar](repeating: 0, count: Int(CRYPT_GENSALT_OUTPUT_SIZE))
        let made = salt.withUnsafeBufferPointer { salt in
            setting.withUnsafeMutableBufferPointer { output in
                crypt_gensalt_rn(
                    "$2b$", UInt(cost), salt.baseAddress, Int32(salt.count), output.baseAddress, Int32(output.count))
            }
        }
        precondition(made != nil, "libcrypt has no bcrypt")
        let text = setting.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        guard let hash = crypt(password, setting: text) else {
            preconditionFailure("libcrypt could not hash with bcrypt")
        }
        return hash
    }

    /// Whether `password` matches `hash`, a bcrypt hash; compared in constant time.
    package static func verify(_ password: String, hash: String) -> Bool {
        guard ["$2a$", "$2b$", "$2y$"].contains(where: { hash.utf8.starts(with: $0.utf8) }),
            let computed = crypt(password, setting: hash)
        else { return false }
        return ConstantTime.equals(computed, hash)
    }

    /// `crypt_rn` with its state on the heap (32 kB): the hash of `phrase` under `setting`, or nil when the setting
    /// is not one the library can use.
    static func crypt(_ phrase: String, setting: String) -> String? {
        let size = MemoryLayout<crypt_data>.size
        let state = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: MemoryLayout<crypt_data>.alignment)
        defer {
            memset(state, 0, size)
            state.deallocate()
        }
        memset(state, 0, size)
        guard let result = crypt_rn(phrase, setting, state, Int32(size)) else { return nil }
        return String(cString: result)
    }
}
