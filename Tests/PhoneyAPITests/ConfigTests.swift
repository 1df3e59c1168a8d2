import Foundation
import Logging
import PhoneyAPI
import Testing

struct ConfigTests {
    static let goodKey = "k3y-for-tests-0123456789abcdefghijklmnopqrstuvwxyz-0123456789ABCDEF"

    @Test func aFreshMachineNeedsNoConfiguration() throws {
        let config = try APIConfig.from([:])
        #expect(config.envState == .dev)
        #expect(config.username == "api_user")
        let password = try #require(config.generatedPassword)
        #expect(password.count >= 20)
        #expect(PasswordHashing.verify(password, hash: config.passwordHash))
        #expect(config.secretKey.count >= 32)
        #expect(config.notices.contains { $0.contains("SECRET_KEY") })
        #expect(config.algorithm == .hs256)
        #expect(config.accessTokenExpireMinutes == 10080)
        #expect(config.rateLimitPerMinute == 60)
        #expect(config.maxStreamCount == 10_000_000)
        #expect(config.maxBodyBytes == 1 << 20)
    }

    @Test func everyVariableIsRead() throws {
        let hash = TestSupport.passwordHash
        let config = try APIConfig.from([
            "ENV_STATE": "prod", "SECRET_KEY": Self.goodKey, "ALGORITHM": "HS512", "ACCESS_TOKEN_EXPIRE_MINUTES": "30",
            "API_USERNAME": "alice", "API_PASSWORD_HASH": hash, "API_KEY": "0123456789abcdef0123",
            "RATE_LIMIT_PER_MINUTE": "120", "CORS_ORIGINS": #"["https://a.example","https://b.example"]"#,
            "CORS_METHODS": #"["GET","POST"]"#, "CORS_HEADERS": "Authorization, Content-Type", "LOG_LEVEL": "WARNING",
            "MAX_STREAM_COUNT": "5000", "MAX_BODY_BYTES": "65536", "HOST": "0.0.0.0", "PORT": "9000",
        ])
        #expect(config.envState == .prod)
        #expect(config.algorithm == .hs512)
        #expect(config.accessTokenExpireMinutes == 30)
        #expect(config.username == "alice")
        #expect(config.passwordHash == hash)
        #expect(config.generatedPassword == nil)
        #expect(config.apiKey == "0123456789abcdef0123")
        #expect(config.rateLimitPerMinute == 120)
        #expect(config.corsOrigins == ["https://a.example", "https://b.example"])
        #expect(config.corsMethods == ["GET", "POST"])
        #expect(config.corsHeaders == ["Authorization", "Content-Type"])
        #expect(config.logLevel == .warning)
        #expect(config.maxStreamCount == 5000)
        #expect(config.maxBodyBytes == 65536)
        #expect(config.host == "0.0.0.0")
        #expect(config.port == 9000)
    }

    static func problems(_ values: [String: String]) -> [String] {
        do {
            _ = try APIConfig.from(values)
            return []
        } catch {
            return error.problems
        }
    }

    @Test func productionRefusesUnsafeSettingsAndSaysWhich() {
        let hash = TestSupport.passwordHash
        let safe = ["ENV_STATE": "prod", "SECRET_KEY": Self.goodKey, "API_PASSWORD_HASH": hash]
        #expect(Self.problems(safe).isEmpty)
        #expect(
            Self.problems(safe.merging(["SECRET_KEY": ""]) { $1 }).contains { $0.contains("SECRET_KEY is missing") })
        #expect(
            Self.problems(safe.merging(["SECRET_KEY": "01234567890123456789012345678901"]) { $1 })
                .contains { $0.contains("published default") })
        #expect(
            Self.problems(safe.merging(["SECRET_KEY": "short"]) { $1 }).contains { $0.contains("at least 32") })
        #expect(
            Self.problems(safe.filter { $0.key != "API_PASSWORD_HASH" }).contains {
                $0.contains("API_PASSWORD_HASH is missing")
            })
        #expect(
            Self.problems(safe.merging(["CORS_ORIGINS": #"["*"]"#]) { $1 }).contains { $0.contains("CORS_ORIGINS") })
        let everything = Self.problems(["ENV_STATE": "prod", "CORS_ORIGINS": "*"])
        #expect(everything.count == 3, "all problems at once: \(everything)")
    }

    @Test(arguments: [
        ("ENV_STATE", "staging"), ("ALGORITHM", "RS256"), ("RATE_LIMIT_PER_MINUTE", "-1"), ("LOG_LEVEL", "loud"),
        ("API_PASSWORD_HASH", "$2b$12$tufn64/0gSIHZMPLEHASH"), ("CORS_ORIGINS", "[1,2]"), ("MAX_BODY_BYTES", "lots"),
        ("ACCESS_TOKEN_EXPIRE_MINUTES", "0"), ("PORT", "70000"),
    ])
    func badValuesAreNamed(name: String, value: String) {
        let problems = Self.problems([name: value])
        #expect(problems.count == 1)
        #expect(problems.first?.contains(name) == true, "\(problems)")
    }

    @Test func dotEnvIsReadAndTheEnvironmentWins() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "phoney-env-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent(".env").path
        let text = """
            # comment
            export API_USERNAME=bob
            SECRET_KEY="\(Self.goodKey)"
            ACCESS_TOKEN_EXPIRE_MINUTES=10080  # 7 days
            RATE_LIMIT_PER_MINUTE=5
            CORS_ORIGINS='["https://x.example"]'
            """
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let config = try APIConfig.load(environment: ["RATE_LIMIT_PER_MINUTE": "7"], dotEnvPath: path)
        #expect(config.username == "bob")
        #expect(config.secretKey == Self.goodKey)
        #expect(config.accessTokenExpireMinutes == 10080)
        #expect(config.rateLimitPerMinute == 7)
        #expect(config.corsOrigins == ["https://x.example"])
        let missing = try APIConfig.load(environment: [:], dotEnvPath: directory.appendingPathComponent("none").path)
        #expect(missing.username == "api_user")
    }

    @Test func longerDigestsNeedLongerKeys() {
        let key48 = String(repeating: "k", count: 48)
        #expect(Self.problems(["ALGORITHM": "HS384", "SECRET_KEY": key48]).isEmpty)
        #expect(Self.problems(["ALGORITHM": "HS512", "SECRET_KEY": key48]).contains { $0.contains("at least 64") })
    }

    @Test func anEmptyOrSpecialEnvFileReadsAsEmpty() throws {
        #expect(try DotEnv.load(path: "/dev/null").isEmpty)
        #expect(
            DotEnv.parse("A=1\r\nB = \"two words\" \n# C=3\nnot a line\nD='x # y'").sorted { $0.key < $1.key }
                .map { "\($0.key)=\($0.value)" } == ["A=1", "B=two words", "D=x # y"])
    }

    @Test func bcryptHashShapes() {
        #expect(APIConfig.isBcryptHash(TestSupport.passwordHash))
        #expect(APIConfig.isBcryptHash("$2a$12$" + String(repeating: "a", count: 53)))
        #expect(!APIConfig.isBcryptHash("$2b$12$tufn64/0gSIHZMPLEHASH"))
        #expect(!APIConfig.isBcryptHash("$1$12$" + String(repeating: "a", count: 53)))
        #expect(!APIConfig.isBcryptHash("$2b$99$" + String(repeating: "a", count: 53)))
    }
}
