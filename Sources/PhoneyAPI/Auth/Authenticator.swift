import Dispatch
import HTTPTypes

/// Decides who a request is: a valid bearer token, or the API key when one is configured.
package struct Authenticator: Sendable {
    let tokens: TokenService
    let apiKey: String?
    let username: String
    let passwordHash: String

    package init(tokens: TokenService, config: APIConfig) {
        self.tokens = tokens
        self.apiKey = config.apiKey
        self.username = config.username
        self.passwordHash = config.passwordHash
    }

    /// The authenticated subject of `request`.
    ///
    /// - Throws: `APIError.notAuthenticated` when it carries no credentials, `APIError.invalidCredentials` when
    ///   they do not verify.
    package func authenticate(_ request: APIRequest) async throws(APIError) -> String {
        var presented = false
        if let authorization = request.headers[.authorization] {
            let scheme = authorization.prefix { $0 != " " }
            if scheme.lowercased() == "bearer" {
                presented = true
                let token = authorization.dropFirst(scheme.count).trimmed
                if !token.isEmpty, let claims = await tokens.verify(token) { return claims.sub }
            }
        }
        if let apiKey, let given = request.headers[.xAPIKey] {
            presented = true
            if ConstantTime.equals(given, apiKey) { return "api-key" }
        }
        throw presented ? .invalidCredentials : .notAuthenticated
    }

    /// Whether `username` and `password` are the configured user's, checked off the request threads (bcrypt is
    /// slow on purpose). The hash is always checked, so an unknown user takes as long as a wrong password.
    package func checkPassword(username: String, password: String) async -> Bool {
        let hash = passwordHash
        if hash.isEmpty { return false }
        let passwordMatches = await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            DispatchQueue.global().async {
                continuation.resume(returning: PasswordHashing.verify(password, hash: hash))
            }
        }
        return ConstantTime.equals(username, self.username) && passwordMatches
    }
}
