import Foundation
import PhoneyCore
import PhoneyTestSupport
import Testing

@testable import PhoneyAWS

/// Requests of every operation `S3Client` makes, signed by it and by botocore's `S3SigV4Auth` (the S3 signer of boto3
/// and the AWS CLI: the path as sent, a signed `x-amz-content-sha256`) at a fixed time, must carry the same
/// `Authorization` header.
struct S3BotocoreCrossCheckTests {
    static let date = SigV4Date(year: 2024, month: 5, day: 17, hour: 9, minute: 30, second: 15)

    /// Reads cases as JSON on stdin (the body in hex), signs each with botocore at 2024-05-17T09:30:15Z, prints the
    /// `Authorization` header and canonical request of each.
    static let script = """
        import datetime, json, sys
        import botocore.auth
        from botocore.awsrequest import AWSRequest
        from botocore.credentials import Credentials
        botocore.auth.get_current_datetime = lambda *args, **kwargs: datetime.datetime(2024, 5, 17, 9, 30, 15)
        results = []
        for case in json.load(sys.stdin):
            request = AWSRequest(method=case["method"], url=case["url"], data=bytes.fromhex(case["body"]))
            for name, value in case["headers"]:
                request.headers[name] = value
            auth = botocore.auth.S3SigV4Auth(
                Credentials(case["access"], case["secret"], case["token"]), "s3", case["region"])
            auth.add_auth(request)
            authorization = request.headers["Authorization"]
            del request.headers["Authorization"]
            results.append({"authorization": authorization, "canonical_request": auth.canonical_request(request)})
        json.dump(results, sys.stdout)
        """

    static let credentials = AWSCredentials(
        accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
        sessionToken: "IQoJb3JpZ2luX2VjEXAMPLE//////////token+with/slashes==")

    static let loopback = S3Client(
        credentials: credentials, region: "us-east-1", endpoint: AWSEndpoint(url: "http://127.0.0.1:4566"))
    static let aws = S3Client(
        credentials: AWSCredentials(
            accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
        region: "eu-west-1")

    static var cases: [(label: String, client: S3Client, call: S3Call)] {
        var put = S3Call(
            operation: "PutObject", method: .PUT, bucket: "exports", key: "run 1/a+b=c&d é/part-000001.ndjson",
            idempotent: true)
        put.headers = try! S3Client.objectHeaders(
            contentType: "application/x-ndjson", metadata: ["run": "42", "Records": "1000"])
        put.body = Array("{\"id\":1}\n{\"id\":2}\n".utf8) + [0x00, 0xFF]
        var part = S3Call(
            operation: "UploadPart", method: .PUT, bucket: "exports", key: "k/./x/../y//z", idempotent: true)
        part.query = [("partNumber", "7"), ("uploadId", "2~Zx+/abc==")]
        part.body = Array(repeating: 0x61, count: 70_000)
        var create = S3Call(
            operation: "CreateMultipartUpload", method: .POST, bucket: "exports", key: "big.csv", idempotent: false)
        create.query = [("uploads", "")]
        create.headers = [("Content-Type", "text/csv")]
        var list = S3Call(operation: "ListObjectsV2", method: .GET, bucket: "exports", idempotent: true)
        list.query = [
            ("list-type", "2"), ("max-keys", "1000"), ("prefix", "run 1/é"), ("continuation-token", "1ue/Gcx+LP=="),
        ]
        let head = S3Call(operation: "HeadObject", method: .HEAD, bucket: "my.exports", key: "m.json", idempotent: true)
        return [
            ("PutObject, path style on loopback, session token", loopback, put),
            ("UploadPart with dot segments kept", loopback, part),
            ("CreateMultipartUpload, virtual host", aws, create),
            ("ListObjectsV2 with a token, virtual host", aws, list),
            ("HeadObject of a dotted bucket, path style on AWS", aws, head),
        ]
    }

    @Test func botocoreSignsTheSameRequestsIdentically() throws {
        try Python.require(["botocore"])
        let cases = Self.cases
        var input: [JSONValue] = []
        var ours: [String] = []
        for item in cases {
            let (endpoint, request) = item.client.prepared(
                item.call, payloadHash: S3Client.payloadHash(item.call.body), date: Self.date)
            let added: Set<String> = ["host", "x-amz-date", "x-amz-security-token", "authorization"]
            let credentials = item.client.signer.credentials
            input.append(
                .object([
                    ("method", .string(item.call.method.rawValue)),
                    ("url", .string("\(endpoint.scheme)://\(endpoint.hostHeader)\(request.path)")),
                    (
                        "headers",
                        .array(
                            request.headers.filter { !added.contains($0.name.lowercased()) }
                                .map { .array([.string($0.name), .string($0.value)]) })
                    ),
                    ("body", .string(Hex.encode(item.call.body))), ("access", .string(credentials.accessKeyID)),
                    ("secret", .string(credentials.secretAccessKey)),
                    ("token", credentials.sessionToken.map(JSONValue.string) ?? .null),
                    ("region", .string(item.client.region)),
                ]))
            ours.append(request.headers.first { $0.name == "Authorization" }?.value ?? "")
        }
        let output = try Python.run(Self.script, input: JSONValue.array(input).serialized)
        try #require(output.status == 0, "botocore signer failed: \(output.stderr)")
        guard case .array(let results) = try JSONValue.parse(output.stdout), results.count == cases.count else {
            Issue.record("unexpected botocore output: \(output.stdout)")
            return
        }
        for ((item, authorization), result) in zip(zip(cases, ours), results) {
            guard case .string(let theirs)? = result["authorization"],
                case .string(let canonical)? = result["canonical_request"]
            else {
                Issue.record("unexpected botocore result: \(result.serialized)")
                continue
            }
            #expect(authorization == theirs, "\(item.label); botocore's canonical request:\n\(canonical)")
        }
    }
}
