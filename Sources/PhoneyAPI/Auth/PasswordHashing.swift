import HummingbirdBcrypt

/// bcrypt hashes for `API_PASSWORD_HASH`.
package enum PasswordHashing {
    /// A bcrypt hash of `password` with a random salt.
    ///
    /// - Parameter cost: log2 of the rounds, 4 to 31 (12 is the original's passlib default).
    package static func hash(_ password: String, cost: UInt8 = 12) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    /// Whether `password` matches `hash`.
    ///
    /// `$2y$` (htpasswd's and PHP's prefix) is the same algorithm as `$2b$`; the bcrypt library knows only `$2a$` and
    /// `$2b$`, so it is read as `$2b$`.
    package static func verify(_ password: String, hash: String) -> Bool {
        let known = hash.hasPrefix("$2y$") ? "$2b$" + hash.dropFirst(4) : hash
        return Bcrypt.verify(password, hash: known)
    }
}
