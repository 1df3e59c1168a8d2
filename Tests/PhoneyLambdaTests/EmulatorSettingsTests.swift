import Foundation
import PhoneyCore
import PhoneyTestSupport
import Testing

/// The bootstrap under the Runtime Interface Emulator, configured from SSM Parameter Store and Secrets Manager
/// served by `moto` on loopback: a production configuration whose secrets never sit in the environment.
@Suite(.serialized) struct EmulatorSettingsTests {
    static let prefix = "/phoney-e2e/prod"
    static let secretName = "phoney-e2e/secrets"
    static let apiKey = "ssm-api-key-0123456789abcdef"
    static let secretKey = "secrets-manager-signing-key-0123456789abcdef"
    static let password = "correct horse battery"
    /// bcrypt (cost 4) of `password`.
    static let passwordHash = "$2b$04$8HOsX8HntEFQ/.EjWXEPW.9yWd/JBCoClS1GlINe/GEs5VS30V8rC"

    /// Puts the parameters and the secret into moto with boto3 (which moto itself depends on).
    static func seed(_ server: MotoServer) throws {
        let script = """
            import boto3, json, sys
            settings = json.load(sys.stdin)
            kwargs = dict(endpoint_url=settings["endpoint"], region_name="us-east-1",
                          aws_access_key_id="AKIDEMULATOR", aws_secret_access_key="emulator-secret")
            ssm = boto3.client("ssm", **kwargs)
            for name, value, kind in settings["parameters"]:
                ssm.put_parameter(Name=name, Value=value, Type=kind, Overwrite=True)
            secrets = boto3.client("secretsmanager", **kwargs)
            secrets.create_secret(Name=settings["secret_name"], SecretString=json.dumps(settings["secret"]))
            """
        let input: JSONValue = .object([
            ("endpoint", .string(server.endpoint)),
            (
                "parameters",
                .array([
                    .array([.string("\(prefix)/API_KEY"), .string(apiKey), .string("SecureString")]),
                    .array([.string("\(prefix)/API_PASSWORD_HASH"), .string(passwordHash), .string("SecureString")]),
                    .array([.string("\(prefix)/CORS_ORIGINS"), .string("https://app.example.com"), .string("String")]),
                    .array([.string("\(prefix)/RATE_LIMIT_PER_MINUTE"), .string("1"), .string("String")]),
                ])
            ),
            ("secret_name", .string(secretName)),
            ("secret", .object([("SECRET_KEY", .string(secretKey))])),
        ])
        let output = try Python.run(script, input: input.serialized)
        guard output.status == 0 else {
            throw Python.Failure(description: "seeding moto failed: \(output.stderr)")
        }
    }

    @Test func productionSettingsComeFromParameterStoreAndSecretsManager() async throws {
        let server = try await MotoServer.start()
        defer { server.stop() }
        try Self.seed(server)
        let emulator = try Emulator(environment: [
            "ENV_STATE": "prod", "API_KEY": "", "USE_PARAMETER_STORE": "true", "PARAMETER_STORE_PREFIX": Self.prefix,
            "USE_SECRETS_MANAGER": "true", "SECRET_NAME": Self.secretName, "AWS_ENDPOINT_URL": server.endpoint,
            "AWS_REGION": "us-east-1", "AWS_ACCESS_KEY_ID": "AKIDEMULATOR", "AWS_SECRET_ACCESS_KEY": "emulator-secret",
            // The environment wins over the parameter store's limit of 1 a minute.
            "RATE_LIMIT_PER_MINUTE": "0", "LOG_LEVEL": "info",
        ])
        defer { emulator.stop() }
        let person = #"{"name":"{{name}}","email":"{{email}}"}"#
        // The API key from the parameter store opens the authenticated route, several times in a row.
        for _ in 0..<3 {
            let answer = try await emulator.invoke(
                Event.v2(
                    "POST", "/api/v1/template/generate", headers: ["x-api-key": Self.apiKey],
                    json: #"{"template":\#(person),"count":5}"#))
            #expect(try answer.json()["statusCode"] == .number("200"), "\(answer.text.prefix(300))")
        }
        // The password hash from the parameter store and the signing key from Secrets Manager make a token.
        let login = try await emulator.invoke(
            Event.v2(
                "POST", "/token", headers: ["content-type": "application/x-www-form-urlencoded"],
                body: "username=api_user&password=correct%20horse%20battery"))
        let document = try login.json()
        #expect(document["statusCode"] == .number("200"), "\(login.text.prefix(300))")
        guard case .string(let body)? = document["body"],
            case .string(let token)? = try JSONValue.parse(body)["access_token"]
        else {
            Issue.record("no token in \(login.text.prefix(300))")
            return
        }
        let withToken = try await emulator.invoke(
            Event.v2(
                "POST", "/api/v1/template/generate", headers: ["authorization": "Bearer \(token)"],
                json: #"{"template":\#(person),"count":2}"#))
        #expect(try withToken.json()["statusCode"] == .number("200"))
        // None of the secrets reached the function's log.
        let log = emulator.logText()
        #expect(log.contains("\"level\":\"INFO\""), "the runtime logged nothing: \(log.prefix(300))")
        for secret in [Self.apiKey, Self.secretKey, Self.passwordHash, Self.password, token] {
            #expect(!log.contains(secret), "a secret reached the log")
        }
    }

    @Test func unreachableSettingsStoreIsAnInitError() async throws {
        let emulator = try Emulator(environment: [
            "USE_PARAMETER_STORE": "true", "PARAMETER_STORE_PREFIX": Self.prefix,
            "AWS_ENDPOINT_URL": "http://127.0.0.1:\(try MotoServer.freePort())", "AWS_REGION": "us-east-1",
            "AWS_ACCESS_KEY_ID": "AKIDEMULATOR", "AWS_SECRET_ACCESS_KEY": "emulator-secret",
        ])
        defer { emulator.stop() }
        let answer = try await emulator.invoke(Event.v2("GET", "/health"))
        #expect(!answer.text.contains("\"statusCode\":200"))
        #expect(answer.text.contains("GetParametersByPath") || emulator.logText().contains("GetParametersByPath"))
    }
}
