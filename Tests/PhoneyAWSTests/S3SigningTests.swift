import Foundation
import PhoneyCore
import PhoneyTestSupport
import Testing

@testable import PhoneyAWS

/// S3 requests as `S3Client` signs them: the four examples AWS publishes in "Authenticating Requests: Using the
/// Authorization Header (AWS Signature Version 4)" of the S3 API reference, and botocore's `S3SigV4Auth` on requests
/// of every operation the client makes.
struct S3SigningTests {
    /// The examples' credentials, bucket and time.
    static let exampleCredentials = AWSCredentials(
        accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
    static let exampleDate = SigV4Date(year: 2013, month: 5, day: 24, hour: 0, minute: 0, second: 0)
    static let emptySHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    /// A client addressing `examplebucket.s3.amazonaws.com`, as the examples do.
    static let exampleClient = S3Client(
        credentials: exampleCredentials, region: "us-east-1", endpoint: AWSEndpoint(url: "https://s3.amazonaws.com"),
        addressing: .virtualHosted)

    static func authorization(_ call: S3Call, client: S3Client = exampleClient) -> (AWSEndpoint, AWSHTTPRequest) {
        client.prepared(call, payloadHash: S3Client.payloadHash(call.body), date: exampleDate)
    }

    static func header(_ name: String, _ request: AWSHTTPRequest) -> String? {
        request.headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    struct Example: Sendable, CustomStringConvertible {
        var description: String
        var call: S3Call
        var path: String
        var signedHeaders: String
        var signature: String
    }

    static let examples: [Example] = [
        Example(
            description: "GET Object with a Range",
            call: S3Call(
                operation: "GetObject", method: .GET, bucket: "examplebucket", key: "test.txt",
                headers: [("Range", "bytes=0-9")], idempotent: true),
            path: "/test.txt", signedHeaders: "host;range;x-amz-content-sha256;x-amz-date",
            signature: "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"),
        Example(
            description: "PUT Object",
            call: S3Call(
                operation: "PutObject", method: .PUT, bucket: "examplebucket", key: "test$file.text",
                headers: [("Date", "Fri, 24 May 2013 00:00:00 GMT"), ("x-amz-storage-class", "REDUCED_REDUNDANCY")],
                body: Array("Welcome to Amazon S3.".utf8), idempotent: true),
            path: "/test%24file.text", signedHeaders: "date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class",
            signature: "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd"),
        Example(
            description: "GET Bucket Lifecycle",
            call: S3Call(
                operation: "GetBucketLifecycle", method: .GET, bucket: "examplebucket", key: nil,
                query: [("lifecycle", "")], idempotent: true),
            path: "/?lifecycle", signedHeaders: "host;x-amz-content-sha256;x-amz-date",
            signature: "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543"),
        Example(
            description: "GET Bucket (List Objects)",
            call: S3Call(
                operation: "ListObjects", method: .GET, bucket: "examplebucket", key: nil,
                query: [("max-keys", "2"), ("prefix", "J")], idempotent: true),
            path: "/?max-keys=2&prefix=J", signedHeaders: "host;x-amz-content-sha256;x-amz-date",
            signature: "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7"),
    ]

    @Test(arguments: examples)
    func awsPublishedExample(_ example: Example) throws {
        let (endpoint, request) = Self.authorization(example.call)
        #expect(endpoint.hostHeader == "examplebucket.s3.amazonaws.com")
        #expect(request.path == example.path)
        let expected =
            "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
            + "SignedHeaders=\(example.signedHeaders), Signature=\(example.signature)"
        #expect(Self.header("Authorization", request) == expected)
        #expect(Self.header("x-amz-date", request) == "20130524T000000Z")
    }

    @Test func thePutExampleCanonicalRequestIsAWSs() {
        // The canonical request AWS prints for the PUT Object example: the key is encoded once (`$` as `%24`).
        let expected = """
            PUT
            /test%24file.text

            date:Fri, 24 May 2013 00:00:00 GMT
            host:examplebucket.s3.amazonaws.com
            x-amz-content-sha256:44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072
            x-amz-date:20130524T000000Z
            x-amz-storage-class:REDUCED_REDUNDANCY

            date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class
            44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072
            """
        let hash = "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072"
        let signer = SigV4Signer(
            credentials: Self.exampleCredentials, region: "us-east-1", service: "s3", normalizesPath: false)
        let request = SigV4Request(
            method: "PUT", host: "examplebucket.s3.amazonaws.com", path: "/test%24file.text",
            headers: [
                ("Date", "Fri, 24 May 2013 00:00:00 GMT"), ("x-amz-storage-class", "REDUCED_REDUNDANCY"),
                ("x-amz-content-sha256", hash),
            ], payload: .hash(hash))
        let signature = signer.sign(request, date: Self.exampleDate)
        #expect(signature.canonicalRequest == expected)
        #expect(signature.signature == "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd")
    }

    @Test func keysAreEncodedOnceAndNeverNormalised() {
        let client = S3Client(
            credentials: Self.exampleCredentials, region: "eu-west-1",
            endpoint: AWSEndpoint(url: "http://127.0.0.1:4566"))
        let (endpoint, path) = client.address(bucket: "exports", key: "run 1/a+b=c&d/./x/../é//z~")
        #expect(endpoint.url == "http://127.0.0.1:4566/")
        #expect(path == "/exports/run%201/a%2Bb%3Dc%26d/./x/../%C3%A9//z~")
        let signer = SigV4Signer(
            credentials: Self.exampleCredentials, region: "eu-west-1", service: "s3", normalizesPath: false)
        let canonical = signer.sign(SigV4Request(method: "GET", host: "h", path: path), date: Self.exampleDate)
            .canonicalRequest
        #expect(canonical.split(separator: "\n", omittingEmptySubsequences: false)[1] == Substring(path))
    }

    @Test func addressing() {
        let aws = S3Client(credentials: Self.exampleCredentials, region: "eu-west-1")
        #expect(aws.addressing == .virtualHosted)
        let (host, path) = aws.address(bucket: "exports", key: "a/b")
        #expect(host.url == "https://exports.s3.eu-west-1.amazonaws.com/" && path == "/a/b")
        // A dotted name does not match the wildcard certificate: path style on the regional endpoint.
        let (dotted, dottedPath) = aws.address(bucket: "my.exports", key: "a")
        #expect(dotted.hostHeader == "s3.eu-west-1.amazonaws.com" && dottedPath == "/my.exports/a")
        let (bucketHost, bucketPath) = aws.address(bucket: "exports", key: nil)
        #expect(bucketHost.hostHeader == "exports.s3.eu-west-1.amazonaws.com" && bucketPath == "/")

        let minio = S3Client(
            credentials: Self.exampleCredentials, region: "us-east-1",
            endpoint: AWSEndpoint(url: "http://minio.local:9000/base/"))
        #expect(minio.addressing == .pathStyle)
        #expect(minio.address(bucket: "exports", key: "k").path == "/base/exports/k")
        #expect(minio.address(bucket: "exports", key: nil).path == "/base/exports")
        #expect(S3Client.queryString([("uploads", ""), ("prefix", "a b/")]) == "uploads&prefix=a%20b%2F")
    }

    @Test func fromTheEnvironmentAndAnEndpointURL() throws {
        var environment = [
            "AWS_ACCESS_KEY_ID": "AKIDTEST", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_REGION": "eu-central-1",
        ]
        let aws = try S3Client.fromEnvironment(environment)
        #expect(aws.addressing == .virtualHosted && aws.endpoint.url == "https://s3.eu-central-1.amazonaws.com/")
        environment["AWS_ENDPOINT_URL"] = "http://127.0.0.1:5000"
        #expect(try S3Client.fromEnvironment(environment).endpoint.url == "http://127.0.0.1:5000/")
        environment["AWS_ENDPOINT_URL_S3"] = "http://127.0.0.1:5001"
        let fromVariable = try S3Client.fromEnvironment(environment)
        #expect(fromVariable.endpoint.url == "http://127.0.0.1:5001/" && fromVariable.addressing == .pathStyle)
        let given = try S3Client.fromEnvironment(environment, endpointURL: "http://localhost:9000")
        #expect(given.endpoint.url == "http://localhost:9000/" && given.addressing == .pathStyle)
        let error = #expect(throws: AWSError.self) {
            try S3Client.fromEnvironment(environment, endpointURL: "localhost:9000")
        }
        #expect(error?.kind == .invalidArgument)
        #expect(error?.message.contains("localhost:9000") == true)
    }
}
