import Foundation
import PhoneyCore
import PhoneyTestSupport
import Testing

@testable import PhoneyAWS

/// The same requests signed by this signer and by botocore's `SigV4Auth` (the signer of boto3 and the AWS CLI) at
/// a fixed time must carry the same `Authorization` header.
struct BotocoreCrossCheckTests {
    static let date = SigV4Date(year: 2024, month: 5, day: 17, hour: 9, minute: 30, second: 15)

    /// Reads cases as JSON on stdin, signs each with botocore at 2024-05-17T09:30:15Z, prints the results as JSON.
    /// `add_auth` stamps the time from `botocore.auth.get_current_datetime`, so that is what is fixed.
    static let script = """
        import datetime, json, sys
        import botocore.auth
        from botocore.awsrequest import AWSRequest
        from botocore.credentials import Credentials
        botocore.auth.get_current_datetime = lambda *args, **kwargs: datetime.datetime(2024, 5, 17, 9, 30, 15)
        results = []
        for case in json.load(sys.stdin):
            request = AWSRequest(method=case["method"], url=case["url"], data=case["body"].encode("utf-8"))
            for name, value in case["headers"]:
                request.headers[name] = value
            credentials = Credentials(case["access"], case["secret"], case["token"])
            auth = botocore.auth.SigV4Auth(credentials, case["service"], case["region"])
            auth.add_auth(request)
            authorization = request.headers["Authorization"]
            # Recomputed for diagnostics, without the header add_auth just added.
            del request.headers["Authorization"]
            canonical = auth.canonical_request(request)
            results.append({
                "authorization": authorization,
                "canonical_request": canonical,
                "string_to_sign": auth.string_to_sign(request, canonical),
                "x_amz_date": request.headers["X-Amz-Date"],
                "token": request.headers.get("X-Amz-Security-Token"),
            })
        json.dump(results, sys.stdout)
        """

    struct Case {
        var label: String
        var url: String
        var request: SigV4Request
        var credentials: AWSCredentials
        var region: String
        var service: String
    }

    static let secretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    static let token = "IQoJb3JpZ2luX2VjEXAMPLE//////////token+with/slashes=="

    /// A request exactly as `AWSJSONClient` builds it, without the headers the signer adds.
    static func jsonCall(
        _ label: String, _ service: AWSService, endpoint: String, operation: String, body: JSONValue,
        token: String?
    ) -> Case {
        let credentials = AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: secretKey, sessionToken: token)
        let client = AWSJSONClient(
            service: service, endpoint: AWSEndpoint(url: endpoint)!, credentials: credentials, region: "eu-west-1",
            httpClient: AWSHTTPClient.shared)
        let (headers, payload) = client.signedRequest(operation, body, date: date)
        let added: Set<String> = ["host", "x-amz-date", "x-amz-security-token", "authorization"]
        let request = SigV4Request(
            method: "POST", host: client.endpoint.hostHeader, path: client.endpoint.path,
            headers: headers.filter { !added.contains($0.name.lowercased()) }, payload: .bytes(payload))
        return Case(
            label: label, url: client.endpoint.url, request: request, credentials: credentials, region: "eu-west-1",
            service: service.signingName)
    }

    static var cases: [Case] {
        let parametersByPath: JSONValue = .object([
            ("Path", .string("/phoney/prod")), ("Recursive", .bool(true)), ("WithDecryption", .bool(true)),
            ("MaxResults", .number("10")), ("NextToken", .string("AAEA+/token==")),
        ])
        let query: [(name: String, value: String)] = [
            ("Version", "2010-05-08"), ("Action", "ListUsers"), ("Marker", "a b/c+d=é"), ("PathPrefix", "/"),
        ]
        let encodedQuery = query.map { PercentEncoding.encode($0.name) + "=" + PercentEncoding.encode($0.value) }
        return [
            jsonCall(
                "ssm GetParametersByPath", .ssm, endpoint: "https://ssm.eu-west-1.amazonaws.com",
                operation: "GetParametersByPath", body: parametersByPath, token: nil),
            jsonCall(
                "ssm GetParametersByPath with session token", .ssm, endpoint: "https://ssm.eu-west-1.amazonaws.com",
                operation: "GetParametersByPath", body: parametersByPath, token: token),
            jsonCall(
                "secretsmanager GetSecretValue on a loopback port", .secretsManager,
                endpoint: "http://127.0.0.1:4566", operation: "GetSecretValue",
                body: .object([("SecretId", .string("phoney/prod"))]), token: token),
            Case(
                label: "GET with query", url: "https://iam.amazonaws.com/?" + encodedQuery.joined(separator: "&"),
                request: SigV4Request(
                    method: "GET", host: "iam.amazonaws.com", path: "/", query: query,
                    headers: [("X-Custom", "  spaced   value ")]),
                credentials: AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: secretKey),
                region: "us-east-1", service: "iam"),
        ]
    }

    @Test func botocoreSignsTheSameRequestsIdentically() throws {
        try Python.require(["botocore"])
        let cases = Self.cases
        var input: [JSONValue] = []
        for item in cases {
            let body: String
            switch item.request.payload {
            case .bytes(let bytes): body = String(decoding: bytes, as: UTF8.self)
            case .hash: body = ""
            }
            input.append(
                .object([
                    ("method", .string(item.request.method)), ("url", .string(item.url)),
                    ("headers", .array(item.request.headers.map { .array([.string($0.name), .string($0.value)]) })),
                    ("body", .string(body)), ("access", .string(item.credentials.accessKeyID)),
                    ("secret", .string(item.credentials.secretAccessKey)),
                    ("token", item.credentials.sessionToken.map(JSONValue.string) ?? .null),
                    ("region", .string(item.region)), ("service", .string(item.service)),
                ]))
        }
        let output = try Python.run(Self.script, input: JSONValue.array(input).serialized)
        try #require(output.status == 0, "botocore signer failed: \(output.stderr)")
        guard case .array(let results) = try JSONValue.parse(output.stdout), results.count == cases.count else {
            Issue.record("unexpected botocore output: \(output.stdout)")
            return
        }
        for (item, result) in zip(cases, results) {
            let ours = SigV4Signer(credentials: item.credentials, region: item.region, service: item.service)
                .sign(item.request, date: Self.date)
            guard case .string(let authorization)? = result["authorization"],
                case .string(let canonical)? = result["canonical_request"],
                case .string(let stringToSign)? = result["string_to_sign"]
            else {
                Issue.record("unexpected botocore result: \(result.serialized)")
                continue
            }
            #expect(ours.canonicalRequest == canonical, "canonical request: \(item.label)")
            #expect(ours.stringToSign == stringToSign, "string to sign: \(item.label)")
            #expect(ours.authorization == authorization, "Authorization: \(item.label)")
            #expect(result["x_amz_date"] == .string("20240517T093015Z"), "X-Amz-Date: \(item.label)")
            #expect(
                result["token"] == (item.credentials.sessionToken.map(JSONValue.string) ?? .null),
                "X-Amz-Security-Token: \(item.label)")
        }
    }
}
