import JWTKit

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The claims of a Phoney access token: who (`sub`), when issued (`iat`) and until when valid (`exp`), and, when a
/// token carries it, from when (`nbf`).
///
/// Tokens we issue carry the first three; `iat` may be missing, because the original Phoney signed only `sub` and
/// `exp` and its users' tokens must keep working under the same `SECRET_KEY`.
package struct AccessToken: JWTPayload, Equatable {
    /// Clock skew allowed between the issuer and this server.
    static let leewaySeconds: Double = 60
    /// The longest lifetime a token can have been given (`ACCESS_TOKEN_EXPIRE_MINUTES` allows ten years).
    static let longestLifetimeSeconds: Double = 10 * 366 * 24 * 3600

    package var sub: SubjectClaim
    package var iat: IssuedAtClaim?
    package var exp: ExpirationClaim
    package var nbf: NotBeforeClaim?

    package init(sub: SubjectClaim, iat: IssuedAtClaim?, exp: ExpirationClaim, nbf: NotBeforeClaim? = nil) {
        self.sub = sub
        self.iat = iat
        self.exp = exp
        self.nbf = nbf
    }

    /// Refuses a token that has expired, is not valid yet (`nbf` ahead), claims to be issued in the future, or
    /// expires further ahead than any lifetime this server can give (a token that would never expire).
    package func verify(using algorithm: some JWTAlgorithm) async throws {
        try exp.verifyNotExpired()
        let now = Date().timeIntervalSince1970
        if let nbf, nbf.value.timeIntervalSince1970 > now + Self.leewaySeconds {
            throw JWTError.claimVerificationFailure(failedClaim: nbf, reason: "not valid yet")
        }
        if let iat, iat.value.timeIntervalSince1970 > now + Self.leewaySeconds {
            throw JWTError.claimVerificationFailure(failedClaim: iat, reason: "issued in the future")
        }
        if exp.value.timeIntervalSince1970 > now + Self.longestLifetimeSeconds + Self.leewaySeconds {
            throw JWTError.claimVerificationFailure(failedClaim: exp, reason: "expires too far ahead")
        }
    }
}
