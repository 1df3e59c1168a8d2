import PhoneyCore

/// The claims of a Phoney access token: who (`sub`), when issued (`iat`) and until when valid (`exp`), and, when a
/// token carries it, from when (`nbf`). Times are Unix seconds (JWT's NumericDate).
///
/// Tokens we issue carry the first three; `iat` may be missing, because the original Phoney signed only `sub` and
/// `exp` and its users' tokens must keep working under the same `SECRET_KEY`.
package struct AccessToken: Equatable, Sendable {
    /// Clock skew allowed between the issuer and this server.
    static let leewaySeconds: Double = 60
    /// The longest lifetime a token can have been given (`ACCESS_TOKEN_EXPIRE_MINUTES` allows ten years).
    static let longestLifetimeSeconds: Double = 10 * 366 * 24 * 3600

    package var sub: String
    package var iat: Double?
    package var exp: Double
    package var nbf: Double?

    package init(sub: String, iat: Double?, exp: Double, nbf: Double? = nil) {
        self.sub = sub
        self.iat = iat
        self.exp = exp
        self.nbf = nbf
    }

    /// The claims of a JWT payload (JSON text): `sub` a string and `exp` a number are required, `iat` and `nbf`
    /// numbers when present; nil otherwise.
    package init?(payload: [UInt8]) {
        guard let text = String(validating: payload, as: UTF8.self),
            case .object(let members)? = try? JSONValue.parse(text, limits: TemplateLimits(maxBytes: 8192)),
            case .string(let subject)? = Self.member("sub", of: members),
            let expires = Self.number("exp", of: members)
        else { return nil }
        var issued: Double?
        var notBefore: Double?
        if Self.member("iat", of: members) != nil {
            guard let value = Self.number("iat", of: members) else { return nil }
            issued = value
        }
        if Self.member("nbf", of: members) != nil {
            guard let value = Self.number("nbf", of: members) else { return nil }
            notBefore = value
        }
        self.init(sub: subject, iat: issued, exp: expires, nbf: notBefore)
    }

    /// Whether the token may be used at `now`: not expired, valid already (`nbf`), not issued in the future, and
    /// not expiring further ahead than any lifetime this server can give (a token that would never expire).
    package func isValid(at now: Double) -> Bool {
        guard now < exp else { return false }
        if let nbf, nbf > now + Self.leewaySeconds { return false }
        if let iat, iat > now + Self.leewaySeconds { return false }
        return exp <= now + Self.longestLifetimeSeconds + Self.leewaySeconds
    }

    /// The payload as JSON text, claims in the order `sub`, `iat`, `exp`, `nbf`.
    package var payloadJSON: String {
        var members: [(String, JSONValue)] = [("sub", .string(sub))]
        if let iat { members.append(("iat", .number(Self.text(iat)))) }
        members.append(("exp", .number(Self.text(exp))))
        if let nbf { members.append(("nbf", .number(Self.text(nbf)))) }
        var out: [UInt8] = []
        JSONValue.object(members).serialize(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func member(_ key: String, of members: [(key: String, value: JSONValue)]) -> JSONValue? {
        // The last of duplicate names wins, as in Python's json module the original parsed tokens with.
        members.last(where: { $0.key == key })?.value
    }

    static func number(_ key: String, of members: [(key: String, value: JSONValue)]) -> Double? {
        guard case .number(let text)? = member(key, of: members), let value = Double(text), value.isFinite else {
            return nil
        }
        return value
    }

    static func text(_ seconds: Double) -> String {
        seconds == seconds.rounded(.down) && abs(seconds) < 1e15 ? String(Int64(seconds)) : String(seconds)
    }
}
