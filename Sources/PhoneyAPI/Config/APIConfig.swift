import Logging
import PhoneyCore

/// Everything the API reads from its environment, validated.
///
/// The names are the original Phoney's (`ENV_STATE`, `SECRET_KEY`, …) plus a few limits of our own; see
/// `APIConfig+Load.swift` for how each is read and checked.
package struct APIConfig: Sendable {
    package enum EnvState: String, Sendable, CaseIterable {
        case dev, test, prod
    }

    /// The HMAC algorithms a token may be signed with; `ALGORITHM` picks exactly one.
    package enum TokenAlgorithm: String, Sendable, CaseIterable {
        case hs256 = "HS256"
        case hs384 = "HS384"
        case hs512 = "HS512"

        /// Bytes of the algorithm's digest: the shortest key RFC 7518 (§3.2) allows for it.
        package var digestBytes: Int {
            switch self {
            case .hs256: return 32
            case .hs384: return 48
            case .hs512: return 64
            }
        }
    }

    package var envState: EnvState
    package var host: String
    package var port: Int
    package var secretKey: String
    package var algorithm: TokenAlgorithm
    package var accessTokenExpireMinutes: Int
    package var username: String
    /// A bcrypt hash (`$2b$12$…`).
    package var passwordHash: String
    package var apiKey: String?
    /// Requests per minute per client address; 0 turns rate limiting off.
    package var rateLimitPerMinute: Int
    /// Take the client address from the first `X-Forwarded-For` entry (only behind a trusted proxy).
    package var trustForwardedFor: Bool
    package var corsOrigins: [String]
    package var corsMethods: [String]
    package var corsHeaders: [String]
    package var logLevel: Logger.Level
    /// Most records one streamed response may carry.
    package var maxStreamCount: UInt64
    /// Largest request body.
    package var maxBodyBytes: Int
    /// Largest buffered (non-streamed) response body.
    package var maxBufferedBytes: Int
    /// How long a buffered (non-streamed) response may take to generate, in milliseconds; past it the request gets
    /// a 503 saying how far it got (`REQUEST_TIME_BUDGET_MS`). A transport with a deadline of its own (the Lambda)
    /// keeps the earlier of the two.
    package var requestTimeBudgetMilliseconds: Int
    package var templateLimits: TemplateLimits
    /// A password made up at start because none was configured (dev and test only): shown once, never logged.
    package var generatedPassword: String?
    /// Things worth saying at start that are not errors (a random secret key, say).
    package var notices: [String]

    /// A configuration with the given credentials and the defaults for everything else.
    package init(
        envState: EnvState = .dev, secretKey: String, passwordHash: String, username: String = "api_user",
        apiKey: String? = nil
    ) {
        self.envState = envState
        self.host = "127.0.0.1"
        self.port = 8080
        self.secretKey = secretKey
        self.algorithm = .hs256
        self.accessTokenExpireMinutes = 10080
        self.username = username
        self.passwordHash = passwordHash
        self.apiKey = apiKey
        self.rateLimitPerMinute = 60
        self.trustForwardedFor = false
        self.corsOrigins = ["http://localhost:3000", "http://localhost:8000"]
        self.corsMethods = ["*"]
        self.corsHeaders = ["*"]
        self.logLevel = .info
        self.maxStreamCount = 10_000_000
        self.maxBodyBytes = 1 << 20
        self.maxBufferedBytes = 32 << 20
        self.requestTimeBudgetMilliseconds = 30_000
        self.templateLimits = .default
        self.generatedPassword = nil
        self.notices = []
    }

    /// Bulk requests without authentication may ask for at most this many records.
    package static let publicMaxCount: UInt64 = 1000
    /// Buffered authenticated requests may ask for at most this many records.
    package static let bufferedMaxCount: UInt64 = 10_000
    /// Single-generator endpoints return at most this many values.
    package static let fakeMaxCount = 100
}
