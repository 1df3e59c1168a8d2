import Testing

@testable import PhoneyAWS

struct CredentialsTests {
    static let full = [
        "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE",
        "AWS_SECRET_ACCESS_KEY": "very-secret-key",
        "AWS_SESSION_TOKEN": "very-secret-token",
    ]

    @Test func credentialsKeepTheSessionToken() throws {
        let credentials = try AWSCredentials.fromEnvironment(Self.full)
        #expect(
            credentials
                == AWSCredentials(
                    accessKeyID: "AKIDEXAMPLE", secretAccessKey: "very-secret-key", sessionToken: "very-secret-token"))
    }

    @Test func anEmptySessionTokenIsNone() throws {
        var environment = Self.full
        environment["AWS_SESSION_TOKEN"] = ""
        #expect(try AWSCredentials.fromEnvironment(environment).sessionToken == nil)
        environment["AWS_SESSION_TOKEN"] = nil
        #expect(try AWSCredentials.fromEnvironment(environment).sessionToken == nil)
    }

    @Test(arguments: ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"])
    func aMissingKeyIsNamed(_ variable: String) {
        for value in [nil, ""] as [String?] {
            var environment = Self.full
            environment[variable] = value
            let error = #expect(throws: AWSError.self) { try AWSCredentials.fromEnvironment(environment) }
            #expect(error?.kind == .missingVariable)
            #expect(error?.variable == variable)
            let text = error.map { String(describing: $0) } ?? ""
            #expect(text.contains(variable))
            #expect(!text.contains("very-secret"))
        }
    }

    @Test func printingRedactsTheSecrets() throws {
        let credentials = try AWSCredentials.fromEnvironment(Self.full)
        var dumped = ""
        dump(credentials, to: &dumped)
        for text in [String(describing: credentials), String(reflecting: credentials), dumped, "\(credentials)"] {
            #expect(text.contains("AKIDEXAMPLE"))
            #expect(!text.contains("very-secret"), "\(text)")
        }
    }

    @Test func regionPrefersAWSRegion() throws {
        #expect(
            try AWSEnvironment.region(["AWS_REGION": "eu-west-1", "AWS_DEFAULT_REGION": "us-east-2"]) == "eu-west-1")
        #expect(try AWSEnvironment.region(["AWS_DEFAULT_REGION": "us-east-2"]) == "us-east-2")
        #expect(try AWSEnvironment.region(["AWS_REGION": "", "AWS_DEFAULT_REGION": "us-east-2"]) == "us-east-2")
        let error = #expect(throws: AWSError.self) { try AWSEnvironment.region([:]) }
        #expect(error?.variable == "AWS_REGION")
        #expect(error.map { "\($0)" }?.contains("AWS_DEFAULT_REGION") == true)
    }

    @Test(arguments: [
        ("true", true), ("TRUE", true), ("1", true), ("yes", true), ("Yes ", true),
        ("false", false), ("0", false), ("no", false), ("", false), ("on", false),
    ])
    func switches(_ value: String, _ expected: Bool) {
        #expect(AWSEnvironment.isEnabled("USE_PARAMETER_STORE", in: ["USE_PARAMETER_STORE": value]) == expected)
    }

    @Test func anUnsetSwitchIsOff() {
        #expect(!AWSEnvironment.isEnabled("USE_SECRETS_MANAGER", in: [:]))
    }
}
