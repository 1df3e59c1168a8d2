import Testing

@testable import PhoneyAWS

struct EndpointTests {
    @Test func theStandardEndpointIsRegional() throws {
        let ssm = try AWSEndpoint.resolve(.ssm, region: "eu-west-1", environment: [:])
        #expect(ssm.url == "https://ssm.eu-west-1.amazonaws.com/")
        #expect(ssm.hostHeader == "ssm.eu-west-1.amazonaws.com")
        let secrets = try AWSEndpoint.resolve(.secretsManager, region: "us-east-1", environment: [:])
        #expect(secrets.url == "https://secretsmanager.us-east-1.amazonaws.com/")
    }

    @Test func theServiceVariableWinsOverTheGlobalOne() throws {
        let environment = [
            "AWS_ENDPOINT_URL": "http://127.0.0.1:1111",
            "AWS_ENDPOINT_URL_SSM": "http://127.0.0.1:2222",
        ]
        #expect(try AWSEndpoint.resolve(.ssm, region: "us-east-1", environment: environment).port == 2222)
        #expect(try AWSEndpoint.resolve(.secretsManager, region: "us-east-1", environment: environment).port == 1111)
        let secrets = ["AWS_ENDPOINT_URL_SECRETS_MANAGER": "http://localhost:3333/", "AWS_ENDPOINT_URL": "http://x"]
        #expect(try AWSEndpoint.resolve(.secretsManager, region: "us-east-1", environment: secrets).port == 3333)
    }

    @Test(arguments: [
        ("http://127.0.0.1:4566", "127.0.0.1:4566", "http://127.0.0.1:4566/"),
        ("https://example.com:443/", "example.com", "https://example.com/"),
        ("http://example.com:80", "example.com", "http://example.com/"),
        ("https://example.com:8443/base", "example.com:8443", "https://example.com:8443/base"),
        ("HTTP://[::1]:5000", "[::1]:5000", "http://[::1]:5000/"),
        ("http://[::1]", "[::1]", "http://[::1]/"),
    ])
    func hostHeaderCarriesANonDefaultPort(_ url: String, _ host: String, _ normalized: String) throws {
        let endpoint = try #require(AWSEndpoint(url: url))
        #expect(endpoint.hostHeader == host)
        #expect(endpoint.url == normalized)
    }

    @Test(arguments: [
        "localhost:4566", "ftp://host", "http://", "http://user:pw@host", "http://host:99999",
        "http://host:port", "http://host/?a=b",
    ])
    func badURLsAreRefused(_ url: String) {
        #expect(AWSEndpoint(url: url) == nil)
    }

    @Test func aBadEndpointVariableIsNamed() {
        let error = #expect(throws: AWSError.self) {
            try AWSEndpoint.resolve(.ssm, region: "us-east-1", environment: ["AWS_ENDPOINT_URL_SSM": "localhost"])
        }
        #expect(error?.kind == .invalidVariable)
        #expect(error?.variable == "AWS_ENDPOINT_URL_SSM")
    }
}
