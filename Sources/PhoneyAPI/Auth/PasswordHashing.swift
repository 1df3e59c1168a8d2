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
    package static func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }
}
