import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import PhoneyAPI
import PhoneyCore
import PhoneyServer
import Testing

/// Shared fixtures: a test configuration with known credentials and an in-process application around the router.
enum TestSupport {
    static let password = "correct horse battery staple"
    /// Cost 4 keeps the tests fast; the format is the same as production's cost 12.
    static let passwordHash = PasswordHashing.hash(password, cost: 4)
    static let secretKey = "test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz-0123456789ABCDEF"
    static let apiKey = "test-api-key-0123456789abcdef"

    static func config(_ edit: (inout APIConfig) -> Void = { _ in }) -> APIConfig {
        var config = APIConfig(envState: .test, secretKey: secretKey, passwordHash: passwordHash, apiKey: apiKey)
        config.rateLimitPerMinute = 0
        edit(&config)
        return config
    }

    /// An application serving `PhoneyRouter` for `config`.
    static func app(
        _ config: APIConfig = config(), logger: Logger? = nil, metrics: APIMetrics = APIMetrics(),
        exporter: (@Sendable () -> [UInt8])? = nil, jobs: (any ExportJobs)? = nil
    ) async -> some ApplicationProtocol {
        let api = await APIService(config: config, metrics: metrics, metricsExporter: exporter, jobs: jobs)
        var quiet = Logger(label: "test")
        quiet.logLevel = .critical
        return Application(responder: APIResponderAdapter(PhoneyRouter.responder(api)), logger: logger ?? quiet)
    }

    /// A token from `POST /token` with the test credentials.
    static func token(_ client: some TestClientProtocol) async throws -> String {
        try await client.execute(
            uri: "/token", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: "username=api_user&password=\(password.replacing(" ", with: "+"))")
        ) { (response) async throws in
            #expect(response.status == .ok)
            return try #require(try json(response)["access_token"]?.stringValue)
        }
    }

    static func json(_ response: TestResponse) throws -> JSONValue {
        try JSONValue.parse(
            String(buffer: response.body), limits: TemplateLimits(maxBytes: 1 << 30, maxDepth: 64, maxNodes: .max))
    }

    static func body(_ text: String) -> ByteBuffer {
        ByteBuffer(string: text)
    }

    static let jsonHeaders: HTTPFields = [.contentType: "application/json"]

    static func bearer(_ token: String) -> HTTPFields {
        [.contentType: "application/json", .authorization: "Bearer \(token)"]
    }
}

extension JSONValue {
    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var intValue: Int? {
        if case .number(let text) = self { return Int(text) }
        return nil
    }

    var uint64Value: UInt64? {
        if case .number(let text) = self { return UInt64(text) }
        return nil
    }

    var boolValue: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    var arrayValue: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    var objectKeys: [String]? {
        if case .object(let members) = self { return members.map(\.key) }
        return nil
    }
}
