import PhoneyCore
import Testing

@testable import PhoneyLambda

/// Parsing API Gateway events into requests, for both payload formats.
struct GatewayRequestTests {
    func parse(_ text: String) throws -> GatewayRequest {
        try Array(text.utf8).withUnsafeBytes { bytes in try GatewayRequest.parse(bytes) }
    }

    @Test func httpAPIEventKeepsQueryHeadersCookiesAndSource() throws {
        let request = try parse(
            """
            {"version":"2.0","routeKey":"$default","rawPath":"/fake/name","rawQueryString":"count=3&locale=de_DE",
             "cookies":["a=1","b=2"],"headers":{"accept":"application/json","x-multi":"one,two"},
             "requestContext":{"http":{"method":"GET","path":"/fake/name","sourceIp":"203.0.113.9"},"stage":"$default"},
             "isBase64Encoded":false}
            """)
        #expect(request.version == .v2)
        #expect(request.method == "GET")
        #expect(request.path == "/fake/name")
        #expect(request.query == "count=3&locale=de_DE")
        #expect(request.sourceIP == "203.0.113.9")
        #expect(request.headers.contains { $0.name == "x-multi" && $0.value == "one,two" })
        #expect(request.headers.contains { $0.name == "cookie" && $0.value == "a=1; b=2" })
        #expect(request.body.isEmpty)
    }

    @Test func httpAPIBase64BodyIsDecoded() throws {
        // {"count":2} in base64.
        let request = try parse(
            """
            {"version":"2.0","rawPath":"/template","requestContext":{"http":{"method":"POST"}},
             "body":"eyJjb3VudCI6Mn0=","isBase64Encoded":true}
            """)
        #expect(String(decoding: request.body, as: UTF8.self) == #"{"count":2}"#)
    }

    @Test func namedStageIsTakenOffThePath() throws {
        let request = try parse(
            """
            {"version":"2.0","rawPath":"/prod/template","requestContext":{"http":{"method":"POST"},"stage":"prod"}}
            """)
        #expect(request.path == "/template")
        let root = try parse(
            #"{"version":"2.0","rawPath":"/prod","requestContext":{"http":{"method":"GET"},"stage":"prod"}}"#)
        #expect(root.path == "/")
        let other = try parse(
            #"{"version":"2.0","rawPath":"/production/x","requestContext":{"http":{"method":"GET"},"stage":"prod"}}"#)
        #expect(other.path == "/production/x")
    }

    @Test func restEventUsesMultiValueHeadersAndEncodesTheQuery() throws {
        let request = try parse(
            """
            {"resource":"/{proxy+}","path":"/fake/name","httpMethod":"GET",
             "headers":{"Accept":"text/plain"},
             "multiValueHeaders":{"Accept":["application/json"],"X-Two":["a","b"]},
             "queryStringParameters":{"q":"ignored"},
             "multiValueQueryStringParameters":{"count":["2"],"text":["a b&c=d"]},
             "requestContext":{"identity":{"sourceIp":"198.51.100.7"}},
             "body":null,"isBase64Encoded":false}
            """)
        #expect(request.version == .v1)
        #expect(request.query == "count=2&text=a%20b%26c%3Dd")
        #expect(request.headers.map(\.name) == ["Accept", "X-Two", "X-Two"])
        #expect(request.headers.map(\.value) == ["application/json", "a", "b"])
        #expect(request.sourceIP == "198.51.100.7")
    }

    /// An ALB passes the query as the client sent it (still percent-encoded) and the client's address only in
    /// `X-Forwarded-For`, whose last entry is the one the load balancer saw.
    @Test func loadBalancerEventKeepsItsEncodedQuery() throws {
        let request = try parse(
            """
            {"requestContext":{"elb":{"targetGroupArn":"arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/t/1"}},
             "httpMethod":"GET","path":"/fake/email",
             "queryStringParameters":{"count":"%35","seed":"1+","locale":"de%5FDE"},
             "headers":{"x-forwarded-for":"203.0.113.9, 198.51.100.20","host":"lb.example"},
             "body":"","isBase64Encoded":false}
            """)
        #expect(request.fromLoadBalancer)
        #expect(request.query == "count=%35&seed=1+&locale=de%5FDE")
        #expect(request.sourceIP == "198.51.100.20")
        let rest = try parse(#"{"httpMethod":"GET","path":"/x","queryStringParameters":{"count":"%35"}}"#)
        #expect(!rest.fromLoadBalancer)
        #expect(rest.query == "count=%2535")
    }

    @Test func restEventFallsBackToSingleValueMaps() throws {
        let request = try parse(
            """
            {"path":"/health","httpMethod":"GET","headers":{"Host":"x"},"queryStringParameters":{"a":"1"},
             "body":"hello","isBase64Encoded":false}
            """)
        #expect(request.query == "a=1")
        #expect(request.headers.first?.name == "Host")
        #expect(request.body == Array("hello".utf8))
    }

    @Test(arguments: [
        ("not json", "not valid JSON"),
        ("[1,2]", "not a JSON object"),
        ("{}", "neither `requestContext.http`"),
        (#"{"requestContext":{"http":{}}}"#, "`requestContext.http.method` is missing"),
        (#"{"requestContext":{"http":{"method":7}}}"#, "`requestContext.http.method` must be a string"),
        (#"{"httpMethod":"GET","body":"@@@","isBase64Encoded":true}"#, "not valid base64"),
        (#"{"httpMethod":"GET","isBase64Encoded":"yes","body":"x"}"#, "`isBase64Encoded` must be true or false"),
        (#"{"httpMethod":"GET","headers":["a"]}"#, "`headers` must be an object of strings"),
        (#"{"httpMethod":"GET","multiValueHeaders":{"a":"b"}}"#, "`multiValueHeaders.a` must be a list"),
    ])
    func malformedEventsSayWhatIsWrong(event: String, message: String) {
        #expect {
            try parse(event)
        } throws: { error in
            (error as? GatewayEventError)?.description.contains(message) == true
        }
    }
}
