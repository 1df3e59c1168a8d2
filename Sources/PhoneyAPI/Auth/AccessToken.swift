import JWTKit

/// The claims of a Phoney access token: who (`sub`), when issued (`iat`) and until when valid (`exp`).
package struct AccessToken: JWTPayload, Equatable {
    package var sub: SubjectClaim
    package var iat: IssuedAtClaim
    package var exp: ExpirationClaim

    package init(sub: SubjectClaim, iat: IssuedAtClaim, exp: ExpirationClaim) {
        self.sub = sub
        self.iat = iat
        self.exp = exp
    }

    package func verify(using algorithm: some JWTAlgorithm) async throws {
        try exp.verifyNotExpired()
    }
}
