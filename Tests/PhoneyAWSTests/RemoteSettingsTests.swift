import Testing

@testable import PhoneyAWS

struct SettingNameTests {
    @Test(
        arguments: [
            ("/phoney/prod/SECRET_KEY", "/phoney/prod", "SECRET_KEY"),
            ("/phoney/prod/SECRET_KEY", "/phoney/prod/", "SECRET_KEY"),
            ("/phoney/prod/db/PASSWORD", "/phoney/prod", "PASSWORD"),
            ("/phoney/prod/a/b/DEEP", "/phoney/prod", "DEEP"),
            ("/TOP", "/", "TOP"),
        ] as [(String, String, String)])
    func settingName(_ parameter: String, _ prefix: String, _ expected: String) {
        #expect(ParameterStore.settingName(of: parameter, under: prefix) == expected)
    }

    @Test(arguments: [
        ("/phoney/production/KEY", "/phoney/prod"),
        ("/other/KEY", "/phoney/prod"),
        ("/phoney/prod", "/phoney/prod"),
        ("/phoney/prod/dir/", "/phoney/prod"),
    ])
    func namesOutsideThePrefixAreSkipped(_ parameter: String, _ prefix: String) {
        #expect(ParameterStore.settingName(of: parameter, under: prefix) == nil)
    }
}

struct SecretStringTests {
    @Test func stringsNumbersAndBooleansBecomeText() throws {
        let settings = try SecretsManager.settings(
            fromSecretString: #"{"A":"x","N":42,"F":-1.5e3,"T":true,"B":false,"A2":"a\"b","A":"last"}"#,
            secret: "app")
        #expect(settings == ["A": "last", "N": "42", "F": "-1.5e3", "T": "true", "B": "false", "A2": #"a"b"#])
    }

    @Test(arguments: [
        (#"{"DB":{"user":"u"}}"#, "DB"), (#"{"LIST":[1]}"#, "LIST"), (#"{"NOTHING":null}"#, "NOTHING"),
    ])
    func nestedValuesNameTheKey(_ text: String, _ key: String) {
        let error = #expect(throws: AWSError.self) {
            try SecretsManager.settings(fromSecretString: text, secret: "app")
        }
        #expect(error?.kind == .invalidSecret)
        #expect(error.map { "\($0)" }?.contains("key \(key)") == true)
        #expect(error.map { "\($0)" }?.contains("secret app") == true)
    }

    @Test(arguments: ["hunter2-plain-password", #"{"A":"hunter2"#, #"["hunter2"]"#, #""hunter2""#])
    func aSecretThatIsNotAnObjectIsNotEchoed(_ text: String) {
        let error = #expect(throws: AWSError.self) {
            try SecretsManager.settings(fromSecretString: text, secret: "app")
        }
        let description = error.map { "\($0)" } ?? ""
        #expect(error?.kind == .invalidSecret)
        #expect(description.contains("not JSON") || description.contains("not an object"))
        #expect(!description.contains("hunter2"))
        #expect(!description.contains("byte"))
    }
}

struct RemoteSettingsTests {
    @Test func nothingHappensWhenBothSwitchesAreOff() async throws {
        // No credentials or region: reading them, or making a client, would throw.
        #expect(try await RemoteSettings.load(environment: [:]).isEmpty)
        let off = ["USE_PARAMETER_STORE": "false", "USE_SECRETS_MANAGER": "0", "PARAMETER_STORE_PREFIX": "/p"]
        #expect(try await RemoteSettings.load(environment: off).isEmpty)
    }

    @Test(arguments: [
        ("USE_PARAMETER_STORE", "PARAMETER_STORE_PREFIX"),
        ("USE_SECRETS_MANAGER", "SECRET_NAME"),
    ])
    func theSourceNameIsRequired(_ flag: String, _ variable: String) async {
        let environment = [
            flag: "yes", "AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "s3cr3t", "AWS_REGION": "us-east-1",
            variable: "  ",
        ]
        let error = await #expect(throws: AWSError.self) { try await RemoteSettings.load(environment: environment) }
        #expect(error?.kind == .missingVariable)
        #expect(error?.variable == variable)
        #expect(error.map { "\($0)" }?.contains(flag) == true)
    }

    @Test func credentialsAreRequiredOnceASourceIsOn() async {
        let environment = ["USE_SECRETS_MANAGER": "true", "SECRET_NAME": "app", "AWS_REGION": "us-east-1"]
        let error = await #expect(throws: AWSError.self) { try await RemoteSettings.load(environment: environment) }
        #expect(error?.variable == "AWS_ACCESS_KEY_ID")
    }

    @Test func theEnvironmentAlwaysWins() {
        let merged = RemoteSettings.merge(
            remote: ["SECRET_KEY": "remote", "DATABASE_URL": "remote-db"],
            environment: ["SECRET_KEY": "env", "PORT": "8080"])
        #expect(merged == ["SECRET_KEY": "env", "DATABASE_URL": "remote-db", "PORT": "8080"])
    }

    @Test func awsMessagesLoseCredentialsAndTheCanonicalRequest() {
        let credentials = AWSCredentials(
            accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI", sessionToken: "FwoGZXIvYXdzEXAMPLETOKEN")
        let signatureMismatch =
            "The request signature we calculated does not match the signature you provided.\n\n"
            + "The Canonical String for this request should have been\n'POST\n/\n\n"
            + "x-amz-security-token:FwoGZXIvYXdzEXAMPLETOKEN\n'"
        #expect(
            AWSJSONClient.sanitized(signatureMismatch, hiding: credentials)
                == "The request signature we calculated does not match the signature you provided.")
        let echoing = "token " + credentials.sessionToken! + " and key wJalrXUtnFEMI are invalid"
        #expect(
            AWSJSONClient.sanitized(echoing, hiding: credentials) == "token <redacted> and key <redacted> are invalid")
        let long = String(repeating: "x", count: 290) + credentials.sessionToken!
        #expect(AWSJSONClient.sanitized(long, hiding: credentials) == String(repeating: "x", count: 290) + "<redacted>")
    }

    @Test func errorDescriptionsNameWhatFailed() {
        let error = AWSError(
            .service, "Secrets Manager can't find the specified secret.",
            operation: "secretsmanager:GetSecretValue", resource: "secret phoney/prod", httpStatus: 400,
            awsCode: "ResourceNotFoundException")
        #expect(
            "\(error)"
                == "secretsmanager:GetSecretValue (secret phoney/prod): HTTP 400 ResourceNotFoundException - "
                + "Secrets Manager can't find the specified secret. [service]")
    }
}
