import PhoneyCore
import PhoneyDigest

/// Issues and checks HMAC-signed access tokens (compact JWS, RFC 7515/7519) with exactly one algorithm
/// (`ALGORITHM`: HS256 by default, HS384 or HS512).
///
/// A token is accepted only when it has three base64url parts, its header is a JSON object that names that
/// algorithm and asks for no extension (`crit`), its signature verifies with the secret key (compared in constant
/// time), its claims are valid now (`AccessToken.isValid(at:)`) and its subject is the configured user. `alg: none`
/// and every other algorithm are refused before any signature is checked.
///
/// Written on BoringSSL's HMAC (PhoneyDigest) rather than a JWT library: the library brought RSA, ECDSA, X.509 and ASN.1 into
/// the Lambda binary (2.4 MB of its 35) for algorithms this service refuses. Tokens are checked against jwt-kit in
/// the tests, both ways.
package final class TokenService: Sendable {
    let key: [UInt8]
    let algorithm: APIConfig.TokenAlgorithm
    let lifetimeSeconds: Int
    let username: String
    /// The encoded header of the tokens this service issues.
    let header: String

    package init(config: APIConfig) async {
        self.key = Array(config.secretKey.utf8)
        self.algorithm = config.algorithm
        self.lifetimeSeconds = config.accessTokenExpireMinutes * 60
        self.username = config.username
        self.header = Base64.encodeURL(Array(#"{"alg":"\#(config.algorithm.rawValue)","typ":"JWT"}"#.utf8))
    }

    /// A signed token for `subject`, valid from `now` (Unix seconds) for the configured lifetime.
    package func issue(subject: String, now: Int64 = WallClock.seconds()) async throws -> String {
        let claims = AccessToken(sub: subject, iat: Double(now), exp: Double(now + Int64(lifetimeSeconds)))
        let signingInput = header + "." + Base64.encodeURL(Array(claims.payloadJSON.utf8))
        return signingInput + "." + Base64.encodeURL(signature(of: Array(signingInput.utf8)))
    }

    /// The verified claims of `token`, or nil when it must be refused.
    package func verify(_ token: String, now: Double = Double(WallClock.milliseconds()) / 1000) async -> AccessToken? {
        let parts = token.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 3, headerAlgorithm(of: token) == algorithm.rawValue,
            let signature = Base64.decode(parts[2]), let payload = Base64.decode(parts[1])
        else { return nil }
        let signingInput = token.utf8[..<parts[2].startIndex].dropLast()
        guard isValid(signature, for: Array(signingInput)), let claims = AccessToken(payload: payload),
            claims.isValid(at: now), ConstantTime.equals(claims.sub, username)
        else { return nil }
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
            case .string(let alg)? = members.last(where: { $0.key == "alg" })?.value
        else { return nil }
        return alg
    }

    private func signature(of input: [UInt8]) -> [UInt8] {
        Digest.hmac(algorithm.digest, key: key, message: input)
    }

    /// Compares in constant time (BoringSSL's `CRYPTO_memcmp`), after the length.
    private func isValid(_ signature: [UInt8], for input: [UInt8]) -> Bool {
        Digest.isValidHMAC(signature, algorithm.digest, key: key, message: input)
    }
}

extension APIConfig.TokenAlgorithm {
    /// The SHA-2 function the HMAC of this algorithm uses.
    var digest: Digest.Algorithm {
        switch self {
        case .hs256: return .sha256
        case .hs384: return .sha384
        case .hs512: return .sha512
        }
    }
}
