import JWTKit
import PhoneyCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Issues and checks HMAC-signed access tokens with exactly one algorithm (`ALGORITHM`, HS256 by default).
///
/// A token is accepted only when its header names that algorithm, its signature verifies with the secret key,
/// it has not expired, and its subject is the configured user. `alg: none` and every other algorithm are refused
/// before any signature is checked.
package final class TokenService: Sendable {
    let keys: JWTKeyCollection
    let algorithm: APIConfig.TokenAlgorithm
    let lifetimeSeconds: Int
    let username: String

    package init(config: APIConfig) async {
        let keys = JWTKeyCollection()
        let digest: DigestAlgorithm
        switch config.algorithm {
        case .hs256: digest = .sha256
        case .hs384: digest = .sha384
        case .hs512: digest = .sha512
        }
        await keys.add(hmac: HMACKey(from: config.secretKey), digestAlgorithm: digest)
        self.keys = keys
        self.algorithm = config.algorithm
        self.lifetimeSeconds = config.accessTokenExpireMinutes * 60
        self.username = config.username
    }

    /// A signed token for `subject`, valid from now for the configured lifetime.
    package func issue(subject: String, now: Date = Date()) async throws -> String {
        let issued = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        let payload = AccessToken(
            sub: SubjectClaim(value: subject), iat: IssuedAtClaim(value: issued),
            exp: ExpirationClaim(value: issued.addingTimeInterval(TimeInterval(lifetimeSeconds))))
        return try await keys.sign(payload)
    }

    /// The verified claims of `token`, or nil when it must be refused.
    package func verify(_ token: String) async -> AccessToken? {
        guard headerAlgorithm(of: token) == algorithm.rawValue else { return nil }
        guard let claims = try? await keys.verify(token, as: AccessToken.self) else { return nil }
        guard ConstantTime.equals(claims.sub.value, username) else { return nil }
        return claims
    }

    /// The `alg` of a compact JWS header, when the header is well-formed JSON and asks for no extension: a
    /// header with `crit` names extensions the verifier must understand, and this one understands none (RFC 7515
    /// §4.1.11), so such a token is refused.
    func headerAlgorithm(of token: String) -> String? {
        guard let dot = token.utf8.firstIndex(of: UInt8(ascii: ".")),
            let bytes = Base64.decode(token.utf8[..<dot]),
            case .object(let members) = try? JSONValue.parse(String(decoding: bytes, as: UTF8.self)),
            !members.contains(where: { $0.key == "crit" }),
            case .string(let alg)? = members.first(where: { $0.key == "alg" })?.value
        else { return nil }
        return alg
    }
}
