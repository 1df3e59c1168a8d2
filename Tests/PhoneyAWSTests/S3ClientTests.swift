import Foundation
import PhoneyCore
import Synchronization
import Testing

@testable import PhoneyAWS

/// `S3Client` against a scripted server: what it sends, how it reads S3's errors, and when it retries.
@Suite(.serialized)
struct S3ClientTests {
    static let credentials = AWSCredentials(
        accessKeyID: "AKIDS3TEST", secretAccessKey: "s3-test-secret", sessionToken: "s3-test-token")
    static let quick = AWSRetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(1), maxDelay: .milliseconds(5))

    static func client(_ server: ScriptedServer, retry: AWSRetryPolicy = quick) -> S3Client {
        S3Client(
            credentials: credentials, region: "us-east-1", endpoint: server.endpoint, httpClient: AWSHTTPClient(),
            timeout: .seconds(5), retryPolicy: retry)
    }

    static func answer(_ status: String, headers: [String] = [], body: String = "") -> ScriptedServer.Reply {
        let head = (["HTTP/1.1 \(status)", "Content-Length: \(body.utf8.count)"] + headers).joined(separator: "\r\n")
        return .answer(head + "\r\n\r\n" + body)
    }

    static func errorDocument(_ code: String, _ message: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>\(code)</Code><Message>\(message)</Message>"
            + "<RequestId>R</RequestId></Error>"
    }

    @Test func aPutSendsTheKeyEncodedOnceTheHashAndTheMetadata() async throws {
        let server = try await ScriptedServer.start { _ in Self.answer("200 OK", headers: ["ETag: \"abc\""]) }
        defer { server.stop() }
        let etag = try await Self.client(server).putObject(
            bucket: "exports", key: "run 1/a+b.ndjson", body: Array("hello".utf8), contentType: "application/x-ndjson",
            metadata: ["Run": "42"])
        #expect(etag == "\"abc\"")
        let request = try #require(server.requests.first)
        #expect(request.hasPrefix("PUT /exports/run%201/a%2Bb.ndjson HTTP/1.1\r\n"))
        #expect(
            request.contains(
                "\r\nx-amz-content-sha256: 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\r\n"))
        #expect(request.contains("\r\nx-amz-meta-run: 42\r\n"))
        #expect(request.contains("\r\nContent-Type: application/x-ndjson\r\n"))
        #expect(request.contains("\r\nX-Amz-Security-Token: s3-test-token\r\n"))
        #expect(request.contains("SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-meta-run;"))
        #expect(request.hasSuffix("\r\n\r\nhello"))
    }

    @Test func slowDownIsRetriedUntilItSucceeds() async throws {
        let count = Counter()
        let server = try await ScriptedServer.start { _ in
            count.next() < 2
                ? Self.answer("503 Slow Down", body: Self.errorDocument("SlowDown", "Please reduce your request rate."))
                : Self.answer("200 OK", headers: ["ETag: \"part\""])
        }
        defer { server.stop() }
        let part = try await Self.client(server).uploadPart(
            bucket: "b1b", key: "k", uploadId: "u", partNumber: 2, body: [1, 2, 3])
        #expect(part == S3CompletedPart(partNumber: 2, etag: "\"part\"", size: 3))
        #expect(server.requests.count == 3)
        #expect(server.requests.allSatisfy { $0.hasPrefix("PUT /b1b/k?partNumber=2&uploadId=u HTTP/1.1") })
    }

    @Test func serverErrorsStopAfterTheLastAttempt() async throws {
        let server = try await ScriptedServer.start { _ in
            Self.answer(
                "500 Internal Server Error", body: Self.errorDocument("InternalError", "We encountered an error"))
        }
        defer { server.stop() }
        let error = await #expect(throws: AWSError.self) {
            try await Self.client(server).getObject(bucket: "b1b", key: "k")
        }
        #expect(server.requests.count == 3)
        #expect(error?.kind == .service && error?.awsCode == "InternalError" && error?.httpStatus == 500)
    }

    @Test func aCompleteWhoseOKHoldsAnErrorIsRetried() async throws {
        let count = Counter()
        let server = try await ScriptedServer.start { _ in
            count.next() == 0
                ? Self.answer("200 OK", body: Self.errorDocument("InternalError", "try again"))
                : Self.answer(
                    "200 OK",
                    body: "<CompleteMultipartUploadResult><ETag>&quot;e-2&quot;</ETag></CompleteMultipartUploadResult>")
        }
        defer { server.stop() }
        let parts = [
            S3CompletedPart(partNumber: 2, etag: "\"b\"", size: 1),
            S3CompletedPart(partNumber: 1, etag: "\"a\"", size: 5),
        ]
        let etag = try await Self.client(server).completeMultipartUpload(
            bucket: "b1b", key: "k", uploadId: "u+1", parts: parts)
        #expect(etag == "\"e-2\"")
        #expect(server.requests.count == 2)
        let request = try #require(server.requests.last)
        #expect(request.hasPrefix("POST /b1b/k?uploadId=u%2B1 HTTP/1.1"))
        #expect(
            request.hasSuffix(
                "<Part><PartNumber>1</PartNumber><ETag>&quot;a&quot;</ETag></Part>"
                    + "<Part><PartNumber>2</PartNumber><ETag>&quot;b&quot;</ETag></Part></CompleteMultipartUpload>"))
    }

    @Test func aDroppedConnectionIsRetriedOnlyForIdempotentCalls() async throws {
        let server = try await ScriptedServer.start { _ in .drop }
        defer { server.stop() }
        let client = Self.client(server)
        let create = await #expect(throws: AWSError.self) {
            try await client.createMultipartUpload(bucket: "b1b", key: "k")
        }
        #expect(create?.kind == .transport)
        #expect(server.requests.count == 1)
        let head = await #expect(throws: AWSError.self) { try await client.headObject(bucket: "b1b", key: "k") }
        #expect(head?.kind == .transport)
        #expect(server.requests.count == 4)
    }

    @Test func errorsNameTheCallAndNeverTheCredentials() async throws {
        let server = try await ScriptedServer.start { request in
            request.hasPrefix("HEAD")
                ? Self.answer("301 Moved Permanently", headers: ["x-amz-bucket-region: eu-west-1"])
                : Self.answer(
                    "403 Forbidden", body: Self.errorDocument("AccessDenied", "AKIDS3TEST may not read s3-test-token"))
        }
        defer { server.stop() }
        let client = Self.client(server)
        let denied = await #expect(throws: AWSError.self) { try await client.getObject(bucket: "b1b", key: "a&b") }
        #expect(
            denied?.description
                == "s3:GetObject (s3://b1b/a&b): HTTP 403 AccessDenied - <redacted> may not read <redacted> [service]")
        let moved = await #expect(throws: AWSError.self) { try await client.headObject(bucket: "b1b", key: "k") }
        #expect(moved?.awsCode == "PermanentRedirect")
        #expect(
            moved?.message.contains("the bucket is in region eu-west-1, not us-east-1: set AWS_REGION=eu-west-1")
                == true)
    }

    @Test func notFoundAnswers() async throws {
        let server = try await ScriptedServer.start { request in
            if request.contains("/missing-bucket/") {
                return Self.answer(
                    "404 Not Found", body: Self.errorDocument("NoSuchBucket", "The specified bucket does not exist"))
            }
            return request.hasPrefix("HEAD")
                ? Self.answer("404 Not Found")
                : Self.answer(
                    "404 Not Found", body: Self.errorDocument("NoSuchKey", "The specified key does not exist."))
        }
        defer { server.stop() }
        let client = Self.client(server)
        #expect(try await client.headObject(bucket: "b1b", key: "k") == nil)
        #expect(try await client.getObject(bucket: "b1b", key: "k") == nil)
        let error = await #expect(throws: AWSError.self) {
            try await client.getObject(bucket: "missing-bucket", key: "k")
        }
        #expect(error?.kind == .notFound && error?.awsCode == "NoSuchBucket")
        let upload = await #expect(throws: AWSError.self) {
            try await client.abortMultipartUpload(bucket: "b1b", key: "k", uploadId: "gone")
        }
        #expect(upload?.kind == .notFound && upload?.awsCode == "NoSuchKey")
    }

    @Test func argumentsAreCheckedBeforeAnythingIsSent() async throws {
        let client = S3Client(credentials: Self.credentials, region: "us-east-1")
        let tooLong = await #expect(throws: AWSError.self) {
            try await client.putObject(bucket: "b1b", key: String(repeating: "k", count: 1025), body: [])
        }
        #expect(tooLong?.kind == .invalidArgument)
        for metadata in [
            ["bad name": "v"], ["name": "é"], ["name": " padded"], ["k": String(repeating: "v", count: 2048)],
        ] {
            let error = await #expect(throws: AWSError.self) {
                try await client.putObject(bucket: "b1b", key: "k", body: [], metadata: metadata)
            }
            #expect(error?.kind == .invalidArgument)
        }
        let pages = await #expect(throws: AWSError.self) { try await client.listObjectsV2(bucket: "b1b", maxKeys: 0) }
        #expect(pages?.kind == .invalidArgument)
        let part = await #expect(throws: AWSError.self) {
            try await client.uploadPart(bucket: "b1b", key: "k", uploadId: "u", partNumber: 10_001, body: [])
        }
        #expect(part?.kind == .invalidArgument)
    }

    @Test func retryDelaysAreJitteredBelowADoublingCap() {
        let policy = AWSRetryPolicy(maxAttempts: 5, baseDelay: .milliseconds(100), maxDelay: .milliseconds(300))
        var generator = SystemRandomNumberGenerator()
        for attempt in 1...6 {
            let cap: Duration = min(.milliseconds(300), .milliseconds(100) * (1 << (attempt - 1)))
            for _ in 0..<50 {
                let delay = policy.delay(afterAttempt: attempt, using: &generator)
                #expect(delay >= .zero && delay <= cap)
            }
        }
        #expect(AWSRetryPolicy.none.delay(afterAttempt: 1, using: &generator) == .zero)
    }
}

/// Counts the requests a script has answered.
final class Counter: Sendable {
    private let value = Mutex(0)

    /// The count before this call.
    func next() -> Int {
        value.withLock { count in
            defer { count += 1 }
            return count
        }
    }
}
