import Logging
import PhoneyCore

extension APIConfig {
    /// Secret keys published in the original Phoney's code and examples: never acceptable in production.
    static let knownDefaultSecrets: Set<String> = [
        "01234567890123456789012345678901", "your_secret_key_here_must_be_at_least_32_chars",
        "your-secret-key-here", "changeme", "secret", "your_secret_key_here",
    ]

    /// Reads the configuration from `environment` over the variables of the `.env` file at `dotEnvPath`
    /// (the environment wins), and checks it.
    ///
    /// In `dev` and `test` a missing `SECRET_KEY` becomes a random key for this process and a missing
    /// `API_PASSWORD_HASH` a random password (in `generatedPassword`) for `API_USERNAME`, or, without
    /// `generatePassword` (where nobody could read it: the Lambda), no password login at all. In `prod` both must be
    /// set, the key must be at least 32 characters and not a published default, and `CORS_ORIGINS` may not
    /// hold `*`.
    ///
    /// - Throws: `ConfigError` listing every problem found.
    package static func load(
        environment: [String: String], dotEnvPath: String? = ".env", generatePassword: Bool = true
    ) throws(ConfigError)
        -> APIConfig
    {
        var values = try dotEnvPath.map { path throws(ConfigError) in try DotEnv.load(path: path) } ?? [:]
        values.merge(environment) { _, fromEnvironment in fromEnvironment }
        return try from(values, generatePassword: generatePassword)
    }

    /// Builds and checks a configuration from already merged variables.
    package static func from(
        _ values: [String: String], generatePassword: Bool = true
    ) throws(ConfigError)
        -> APIConfig
    {
        var reader = VariableReader(values: values)
        let state = reader.oneOf("ENV_STATE", EnvState.self, default: .dev, folding: { $0.lowercased() })
        var config = APIConfig(envState: state, secretKey: "", passwordHash: "")
        config.host = reader.string("HOST") ?? config.host
        config.port = reader.integer("PORT", in: 0...65535) ?? config.port
        config.algorithm = reader.oneOf("ALGORITHM", TokenAlgorithm.self, default: .hs256, folding: { $0.uppercased() })
        config.accessTokenExpireMinutes =
            reader.integer("ACCESS_TOKEN_EXPIRE_MINUTES", in: 1...(10 * 365 * 24 * 60))
            ?? config.accessTokenExpireMinutes
        config.username = reader.string("API_USERNAME") ?? config.username
        config.apiKey = reader.string("API_KEY")
        config.rateLimitPerMinute = reader.integer("RATE_LIMIT_PER_MINUTE", in: 0...1_000_000_000) ?? 60
        config.trustForwardedFor = reader.boolean("TRUST_FORWARDED_FOR") ?? false
        config.corsOrigins = reader.list("CORS_ORIGINS") ?? config.corsOrigins
        config.corsMethods = reader.list("CORS_METHODS") ?? config.corsMethods
        config.corsHeaders = reader.list("CORS_HEADERS") ?? config.corsHeaders
        config.logLevel = reader.logLevel("LOG_LEVEL") ?? .info
        config.maxStreamCount = reader.integer("MAX_STREAM_COUNT", in: 1...UInt64(1) << 40) ?? config.maxStreamCount
        config.maxBodyBytes = reader.integer("MAX_BODY_BYTES", in: 1024...(1 << 30)) ?? config.maxBodyBytes
        config.maxBufferedBytes =
            reader.integer("MAX_BUFFERED_BYTES", in: 1024...(1 << 34)) ?? config.maxBufferedBytes
        config.requestTimeBudgetMilliseconds =
            reader.integer("REQUEST_TIME_BUDGET_MS", in: 100...3_600_000) ?? config.requestTimeBudgetMilliseconds
        config.templateLimits.maxDepth = reader.integer("MAX_TEMPLATE_DEPTH", in: 1...256) ?? 32
        config.templateLimits.maxNodes = reader.integer("MAX_TEMPLATE_NODES", in: 1...1_000_000) ?? 10_000
        config.templateLimits.maxBytes = config.maxBodyBytes

        let production = state == .prod
        // RFC 7518 §3.2: an HMAC key at least as long as the digest, 32, 48 or 64 bytes.
        let minimumKey = max(32, config.algorithm.digestBytes)
        if let key = reader.string("SECRET_KEY") {
            if key.utf8.count < minimumKey {
                reader.problem(
                    "SECRET_KEY must be at least \(minimumKey) characters for \(config.algorithm.rawValue) "
                        + "(it has \(key.utf8.count))")
            } else if production, knownDefaultSecrets.contains(key) {
                reader.problem("SECRET_KEY is a published default; generate one with `openssl rand -hex 32`")
            }
            config.secretKey = key
        } else if production {
            reader.problem("SECRET_KEY is missing; ENV_STATE=prod needs a key of at least 32 characters")
        } else {
            config.secretKey = randomText(count: 64)
            config.notices.append("SECRET_KEY is not set: tokens are signed with a random key for this process only")
        }

        if let hash = reader.string("API_PASSWORD_HASH") {
            if !isBcryptHash(hash) {
                reader.problem(
                    "API_PASSWORD_HASH is not a bcrypt hash (expected $2b$12$ and 53 characters); "
                        + "make one with `phoney hash-password`")
            }
            config.passwordHash = hash
        } else if production {
            reader.problem("API_PASSWORD_HASH is missing; ENV_STATE=prod needs one (`phoney hash-password`)")
        } else if !generatePassword {
            config.notices.append(
                "API_PASSWORD_HASH is not set: password login is off; set it (`phoney hash-password`) or use API_KEY")
        } else {
            let password = randomText(count: 24)
            config.generatedPassword = password
            config.passwordHash = PasswordHashing.hash(password, cost: 10)
        }

        if production, config.corsOrigins.contains("*") {
            reader.problem("CORS_ORIGINS may not contain \"*\" when ENV_STATE=prod; list the allowed origins")
        }
        if production, let key = config.apiKey, key.count < 16 || key == "your_api_key_here" {
            reader.problem("API_KEY must be at least 16 characters and not the example value when ENV_STATE=prod")
        }
        if config.username.isEmpty {
            reader.problem("API_USERNAME may not be empty")
        }
        if !reader.problems.isEmpty { throw ConfigError(reader.problems) }
        return config
    }

    /// Whether `hash` has the shape of a bcrypt hash: `$2a$`, `$2b$` or `$2y$`, a two-digit cost, 53 characters.
    package static func isBcryptHash(_ hash: String) -> Bool {
        let bytes = Array(hash.utf8)
        guard bytes.count == 60, bytes[0] == UInt8(ascii: "$"), bytes[1] == UInt8(ascii: "2"),
            [UInt8(ascii: "a"), UInt8(ascii: "b"), UInt8(ascii: "y")].contains(bytes[2]),
            bytes[3] == UInt8(ascii: "$"), bytes[6] == UInt8(ascii: "$")
        else { return false }
        guard let cost = Int(String(decoding: bytes[4..<6], as: UTF8.self)), (4...31).contains(cost) else {
            return false
        }
        return bytes[7...].allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "/"):
                return true
            default: return false
            }
        }
    }

    /// `count` random letters and digits from the system's secure generator.
    package static func randomText(count: Int) -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<count).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }
}

/// Reads typed variables and collects a message for each bad one.
struct VariableReader {
    let values: [String: String]
    var problems: [String] = []

    mutating func problem(_ message: String) {
        problems.append(message)
    }

    /// The value of `name`, or nil when unset or blank.
    func string(_ name: String) -> String? {
        guard let value = values[name]?.trimmed, !value.isEmpty else { return nil }
        return value
    }

    mutating func integer<Value: FixedWidthInteger>(_ name: String, in range: ClosedRange<Value>) -> Value? {
        guard let text = string(name) else { return nil }
        guard let value = Value(text), range.contains(value) else {
            problem("\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound) (got \"\(text)\")")
            return nil
        }
        return value
    }

    mutating func boolean(_ name: String) -> Bool? {
        guard let text = string(name)?.lowercased() else { return nil }
        switch text {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default:
            problem("\(name) must be true or false (got \"\(text)\")")
            return nil
        }
    }

    mutating func oneOf<Value: RawRepresentable & CaseIterable>(
        _ name: String, _ type: Value.Type, default fallback: Value, folding: (String) -> String
    ) -> Value where Value.RawValue == String {
        guard let text = string(name) else { return fallback }
        guard let value = Value(rawValue: folding(text)) else {
            let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
            problem("\(name) must be one of \(allowed) (got \"\(text)\")")
            return fallback
        }
        return value
    }

    /// A JSON list of strings (`["a","b"]`), or comma-separated text.
    mutating func list(_ name: String) -> [String]? {
        guard let text = string(name) else { return nil }
        guard text.hasPrefix("[") else {
            return text.split(separator: ",").map(\.trimmed).filter { !$0.isEmpty }
        }
        guard case .array(let items)? = try? JSONValue.parse(text) else {
            problem("\(name) must be a JSON list of strings like [\"https://example.com\"] (got \(text))")
            return nil
        }
        var result: [String] = []
        for item in items {
            guard case .string(let value) = item else {
                problem("\(name) must hold only strings (got \(text))")
                return nil
            }
            result.append(value)
        }
        return result
    }

    mutating func logLevel(_ name: String) -> Logger.Level? {
        guard let text = string(name) else { return nil }
        switch text.lowercased() {
        case "trace": return .trace
        case "debug": return .debug
        case "info": return .info
        case "notice": return .notice
        case "warning", "warn": return .warning
        case "error": return .error
        case "critical": return .critical
        default:
            problem("LOG_LEVEL must be one of TRACE, DEBUG, INFO, NOTICE, WARNING, ERROR, CRITICAL (got \"\(text)\")")
            return nil
        }
    }
}
