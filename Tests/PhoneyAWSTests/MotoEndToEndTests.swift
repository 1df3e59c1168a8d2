import Foundation
import Logging
import NIOCore
import PhoneyCore
import PhoneyTestSupport
import Testing

@testable import PhoneyAWS

/// `RemoteSettings.load` against a real `moto` server on loopback, seeded through this package's own signed client.
@Suite(.serialized)
struct MotoEndToEndTests {
    static let prefix = "/phoney/test"
    static let secretName = "phoney/test/app"
    static let secretString =
        #"{"API_TOKEN":"tok-3f9a","WORKERS":4,"DEBUG":false,"SECRET_KEY":"from-secrets-manager"}"#

    /// Twelve plain parameters (more than one page of ten), a SecureString, a nested SecureString and two
    /// parameters outside the prefix, one of them sharing its first characters.
    static let parameters: [(name: String, value: String, type: String)] =
        (1...12).map { ("\(prefix)/KEY_\($0 < 10 ? "0" : "")\($0)", "value \($0)", "String") } + [
            ("\(prefix)/SECRET_KEY", "from-parameter-store", "SecureString"),
            ("\(prefix)/db/DB_PASSWORD", "pa55-word", "SecureString"),
            ("/phoney/testing/OUTSIDE", "must not appear", "String"),
            ("/other/ELSEWHERE", "must not appear", "String"),
        ]

    static let parameterSettings: [String: String] = {
        var settings = Dictionary(
            uniqueKeysWithValues: (1...12).map { ("KEY_\($0 < 10 ? "0" : "")\($0)", "value \($0)") })
        settings["SECRET_KEY"] = "from-parameter-store"
        settings["DB_PASSWORD"] = "pa55-word"
        return settings
    }()

    static let secretSettings = [
        "API_TOKEN": "tok-3f9a", "WORKERS": "4", "DEBUG": "false", "SECRET_KEY": "from-secrets-manager",
    ]

    static func environment(_ server: MotoServer) -> [String: String] {
        [
            "AWS_ACCESS_KEY_ID": "AKIDMOTOTEST", "AWS_SECRET_ACCESS_KEY": "moto-secret-access-key",
            "AWS_SESSION_TOKEN": "moto-session-token", "AWS_REGION": "us-east-1",
            "AWS_ENDPOINT_URL": server.endpoint,
            "PARAMETER_STORE_PREFIX": prefix, "SECRET_NAME": secretName,
        ]
    }

    static func client(_ service: AWSService, _ server: MotoServer) -> AWSJSONClient {
        AWSJSONClient(
            service: service, endpoint: AWSEndpoint(url: server.endpoint)!,
            credentials: AWSCredentials(accessKeyID: "AKIDMOTOTEST", secretAccessKey: "moto-secret-access-key"),
            region: "us-east-1", httpClient: AWSHTTPClient.shared,
            // Seeding is set-up, not what is tested: moto loads a service's backend on its first call, which on a
            // loaded machine (several moto servers starting at once in the parallel suite) takes more than 5 s.
            timeout: .seconds(30))
    }

    static func seed(_ server: MotoServer) async throws {
        let ssm = client(.ssm, server)
        for parameter in parameters {
            let request: JSONValue = .object([
                ("Name", .string(parameter.name)), ("Value", .string(parameter.value)),
                ("Type", .string(parameter.type)), ("Overwrite", .bool(true)),
            ])
            _ = try await ssm.call("PutParameter", request, resource: "parameter \(parameter.name)")
        }
        let secrets = client(.secretsManager, server)
        let request: JSONValue = .object([("Name", .string(secretName)), ("SecretString", .string(secretString))])
        _ = try await secrets.call("CreateSecret", request, resource: "secret \(secretName)")
    }

    @Test func loadsParametersAndSecretsWithoutLoggingValues() async throws {
        let server = try await MotoServer.start()
        defer { server.stop() }
        try await Self.seed(server)
        var environment = Self.environment(server)

        environment["USE_PARAMETER_STORE"] = "true"
        #expect(try await RemoteSettings.load(environment: environment) == Self.parameterSettings)

        environment["USE_PARAMETER_STORE"] = nil
        environment["USE_SECRETS_MANAGER"] = "YES"
        #expect(try await RemoteSettings.load(environment: environment) == Self.secretSettings)

        environment["USE_PARAMETER_STORE"] = "1"
        let logs = CapturedLogs()
        var logger = Logger(label: "test") { _ in CapturingLogHandler(logs: logs) }
        logger.logLevel = .trace
        let both = try await RemoteSettings.load(environment: environment, logger: logger)
        let expected = Self.parameterSettings.merging(Self.secretSettings) { _, secret in secret }
        #expect(both == expected)
        #expect(both["SECRET_KEY"] == "from-secrets-manager")

        let logText = logs.lines.joined(separator: "\n")
        #expect(logText.contains("loaded 14 settings from Parameter Store path /phoney/test"))
        #expect(logText.contains("loaded 4 settings from Secrets Manager secret phoney/test/app"))
        for secret in [
            "from-parameter-store", "pa55-word", "tok-3f9a", "from-secrets-manager", "value 1",
            "moto-secret-access-key", "moto-session-token", "Signature=",
        ] {
            #expect(!logText.contains(secret), "logs must not hold \(secret)")
        }

        let merged = RemoteSettings.merge(remote: both, environment: ["SECRET_KEY": "from-environment"])
        #expect(merged["SECRET_KEY"] == "from-environment")
        #expect(merged["API_TOKEN"] == "tok-3f9a")
    }

    @Test func aMissingSecretNamesTheSecretAndTheAWSCode() async throws {
        let server = try await MotoServer.start()
        defer { server.stop() }
        var environment = Self.environment(server)
        environment["USE_SECRETS_MANAGER"] = "true"
        environment["SECRET_NAME"] = "phoney/does-not-exist"
        let error = await #expect(throws: AWSError.self) { try await RemoteSettings.load(environment: environment) }
        #expect(error?.kind == .service)
        #expect(error?.awsCode == "ResourceNotFoundException")
        // AWS answers 400; moto 404. Either way the status is in the error.
        let status = try #require(error?.httpStatus)
        #expect((400..<500).contains(status))
        #expect("\(error!)".contains("HTTP \(status) ResourceNotFoundException"))
        let description = error.map { "\($0)" } ?? ""
        #expect(description.contains("secretsmanager:GetSecretValue"))
        #expect(description.contains("phoney/does-not-exist"))
        #expect(description.contains("ResourceNotFoundException"))
        #expect(!description.contains("moto-secret-access-key") && !description.contains("moto-session-token"))
    }

    @Test func aNonJSONSecretIsAnErrorThatDoesNotEchoIt() async throws {
        let server = try await MotoServer.start()
        defer { server.stop() }
        let secrets = Self.client(.secretsManager, server)
        let request: JSONValue = .object([("Name", .string("plain")), ("SecretString", .string("hunter2 plain"))])
        _ = try await secrets.call("CreateSecret", request, resource: "secret plain")
        var environment = Self.environment(server)
        environment["USE_SECRETS_MANAGER"] = "true"
        environment["SECRET_NAME"] = "plain"
        let error = await #expect(throws: AWSError.self) { try await RemoteSettings.load(environment: environment) }
        #expect(error?.kind == .invalidSecret)
        #expect(error.map { "\($0)" }?.contains("not JSON") == true)
        #expect(error.map { "\($0)" }?.contains("hunter2") == false)
    }

    @Test func twoParametersForOneSettingAreAnError() async throws {
        let server = try await MotoServer.start()
        defer { server.stop() }
        let ssm = Self.client(.ssm, server)
        for name in ["/phoney/dup/TOKEN", "/phoney/dup/nested/TOKEN"] {
            let request: JSONValue = .object([
                ("Name", .string(name)), ("Value", .string("token-value")), ("Type", .string("SecureString")),
            ])
            _ = try await ssm.call("PutParameter", request, resource: "parameter \(name)")
        }
        var environment = Self.environment(server)
        environment["USE_PARAMETER_STORE"] = "true"
        environment["PARAMETER_STORE_PREFIX"] = "/phoney/dup/"
        let error = await #expect(throws: AWSError.self) { try await RemoteSettings.load(environment: environment) }
        #expect(error?.kind == .conflictingSettings)
        let description = error.map { "\($0)" } ?? ""
        #expect(description.contains("/phoney/dup/TOKEN") && description.contains("/phoney/dup/nested/TOKEN"))
        #expect(description.contains("ssm:GetParametersByPath (path /phoney/dup)"))
        #expect(!description.contains("token-value"))
    }

    @Test func theServiceEndpointVariableWinsOverAWSEndpointURL() async throws {
        let server = try await MotoServer.start()
        defer { server.stop() }
        try await Self.seed(server)
        var environment = Self.environment(server)
        environment["AWS_ENDPOINT_URL"] = "http://127.0.0.1:\(try MotoServer.freePort())"
        environment["AWS_ENDPOINT_URL_SSM"] = server.endpoint
        environment["USE_PARAMETER_STORE"] = "true"
        #expect(try await RemoteSettings.load(environment: environment) == Self.parameterSettings)

        // Secrets Manager has no variable of its own here, so it goes to the dead AWS_ENDPOINT_URL.
        environment["USE_PARAMETER_STORE"] = "false"
        environment["USE_SECRETS_MANAGER"] = "true"
        let error = await #expect(throws: AWSError.self) {
            try await RemoteSettings.load(environment: environment, timeout: .seconds(3))
        }
        #expect(error?.kind == .transport)
        #expect(error.map { "\($0)" }?.contains("secretsmanager:GetSecretValue (secret phoney/test/app)") == true)

        environment["AWS_ENDPOINT_URL_SECRETS_MANAGER"] = server.endpoint
        #expect(try await RemoteSettings.load(environment: environment) == Self.secretSettings)
    }
}

/// Log lines kept for inspection.
final class CapturedLogs: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []

    func append(_ line: String) { lock.withLock { stored.append(line) } }
    var lines: [String] { lock.withLock { stored } }
}

/// Keeps every message with its metadata.
struct CapturingLogHandler: LogHandler {
    let logs: CapturedLogs
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        logs.append("\(event.level) \(event.message) \(merged)")
    }
}
