import JWTKit

/// The claims of a Phoney access token: who (`sub`), when issued (`iat`) and until when valid (`exp`).
///
/// Tokens we issue carry all three; `iat` may be missing, because the original Phoney signed only `sub` and `exp`
/// and its users' tokens must keep working under the same `SECRET_KEY`.
package struct AccessToken: JWTPayload, Equatable {
    package var sub: SubjectClaim
    package var iat: IssuedAtClaim?
    package var exp: ExpirationClaim

    package init(sub: SubjectClaim, iat: IssuedAtClaim?, exp: ExpirationClaim) {
        self.sub = sub
        self.iat = iat
        self.exp = exp
    }

    package func verify(using algorithm: some JWTAlgorithm) async throws {
        try exp.verifyNotExpired()
    }
}
