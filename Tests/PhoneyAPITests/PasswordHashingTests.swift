import HummingbirdBcrypt
import PhoneyAPI
import Testing

/// libxcrypt's bcrypt against an independent bcrypt (hummingbird-auth's, which the service used before), both ways,
/// and against hashes made by other tools.
struct PasswordHashingTests {
    @Test func ourHashesVerifyWithAnotherBcryptAndTheirsWithOurs() {
        for (password, cost) in [("secret", UInt8(4)), ("pässwörd with spaces", 5), ("", 4)] {
            let ours = PasswordHashing.hash(password, cost: cost)
            #expect(ours.hasPrefix("$2b$0\(cost)$") && ours.utf8.count == 60, "\(ours)")
            #expect(APIConfig.isBcryptHash(ours))
            #expect(Bcrypt.verify(password, hash: ours))
            #expect(!Bcrypt.verify(password + "x", hash: ours))
            let theirs = Bcrypt.hash(password, cost: cost)
            #expect(PasswordHashing.verify(password, hash: theirs))
            #expect(!PasswordHashing.verify(password + "x", hash: theirs))
        }
    }

    @Test func twoHashesOfOnePasswordDifferInTheirSalt() {
        #expect(PasswordHashing.hash("same", cost: 4) != PasswordHashing.hash("same", cost: 4))
    }

    /// Hashes of "password" made by pyca/bcrypt (Python), a third implementation: `$2b$` and `$2a$` as it wrote them,
    /// and the `$2b$` one under `$2y$` (htpasswd's and PHP's prefix for the same algorithm).
    @Test func hashesFromAnotherToolVerifyUnderEveryPrefix() {
        let digest = "$04$PPMSs0ezDWaIZ.LBb.YjB.hL9J1g9MgLsKa.1VALReJ5DiAIffYhm"
        for hash in ["$2b" + digest, "$2y" + digest, "$2a$04$2Z50RHoYQb742M8RqNgASOXH6p..syjS/RYeEmUXKglVHUflXJ12."] {
            #expect(PasswordHashing.verify("password", hash: hash), "\(hash)")
            #expect(!PasswordHashing.verify("Password", hash: hash), "\(hash)")
        }
    }

    /// libcrypt knows more than bcrypt; a SHA-512-crypt, MD5-crypt or DES hash of the right password (made by
    /// `openssl passwd` and Python's `crypt`) is refused.
    @Test func hashesOfOtherSchemesAreRefused() {
        let others = [
            "$6$saltsalt$qFmFH.bQmmtXzyBY0s9v7Oicd2z4XSIecDzlB5KiA2/jctKu9YterLp8wwnSq.qc.eoxqOmSuNp2xS0ktL3nh/",
            "$1$saltsalt$qjXMvbEw8oaL.CzflDtaK/",
            "sa3tHJ3/KuYvI",
        ]
        for hash in others {
            #expect(!PasswordHashing.verify("password", hash: hash), "\(hash)")
        }
        #expect(!PasswordHashing.verify("password", hash: ""))
        #expect(!PasswordHashing.verify("password", hash: "$2b$04$short"))
    }
}
