import Foundation
import PhoneyCore
import PhoneyTestSupport
import Testing

@testable import PhoneyAWS

/// `S3Client` and `S3UploadStream` against a real `moto` server on loopback (path-style addressing, as for any
/// endpoint URL).
@Suite(.serialized)
struct S3MotoTests {
    static let credentials = AWSCredentials(
        accessKeyID: "AKIDMOTOTEST", secretAccessKey: "moto-secret-access-key", sessionToken: "moto-session-token")
    static let mebibyte = 1024 * 1024

    static func client(_ server: MotoServer) -> S3Client {
        S3Client(credentials: credentials, region: "us-east-1", endpoint: AWSEndpoint(url: server.endpoint)!)
    }

    /// A server with an empty bucket `bucket`.
    static func start(bucket: String = "phoney-exports") async throws -> (MotoServer, S3Client) {
        let server = try await MotoServer.start()
        let client = client(server)
        do {
            try await client.createBucket(bucket)
        } catch {
            server.stop()
            throw error
        }
        return (server, client)
    }

    /// Deterministic bytes that differ from part to part, so a part out of place would show.
    static func bytes(_ count: Int, seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
    }

    @Test func putHeadGetAndList() async throws {
        let (server, client) = try await Self.start()
        defer { server.stop() }
        let bucket = "phoney-exports"
        let keys = ["run 1/a&b <c> é.ndjson", "run 1/part-000001.ndjson", "run 1/part-000002.ndjson", "other/x"]
        for (index, key) in keys.enumerated() {
            let etag = try await client.putObject(
                bucket: bucket, key: key, body: Array(repeating: UInt8(ascii: "a"), count: index + 1),
                contentType: "application/x-ndjson", metadata: ["run": "run-1", "Index": "\(index)"])
            #expect(etag.hasPrefix("\"") && etag.hasSuffix("\"") && !etag.contains("-"))
        }

        let info = try #require(try await client.headObject(bucket: bucket, key: keys[0]))
        #expect(info.size == 1)
        #expect(info.contentType == "application/x-ndjson")
        #expect(info.metadata == ["run": "run-1", "index": "0"])
        #expect(try await client.getObject(bucket: bucket, key: keys[2]) == Array("aaa".utf8))
        #expect(try await client.headObject(bucket: bucket, key: "run 1/missing") == nil)
        #expect(try await client.getObject(bucket: bucket, key: "run 1/missing") == nil)

        let first = try await client.listObjectsV2(bucket: bucket, prefix: "run 1/", maxKeys: 2)
        #expect(first.objects.map(\.key) == [keys[0], keys[1]])
        #expect(first.objects.map(\.size) == [1, 2])
        let token = try #require(first.nextContinuationToken)
        let second = try await client.listObjectsV2(bucket: bucket, prefix: "run 1/", continuationToken: token)
        #expect(second.objects.map(\.key) == [keys[2]])
        #expect(second.nextContinuationToken == nil)
        #expect(try await client.listObjectsV2(bucket: bucket).objects.count == 4)
    }

    @Test func missingBucketsAndKeys() async throws {
        let (server, client) = try await Self.start()
        defer { server.stop() }
        let put = await #expect(throws: AWSError.self) {
            try await client.putObject(bucket: "no-such-bucket", key: "k", body: [1])
        }
        #expect(put?.kind == .notFound && put?.awsCode == "NoSuchBucket" && put?.httpStatus == 404)
        let description = put.map { "\($0)" } ?? ""
        #expect(description.hasPrefix("s3:PutObject (s3://no-such-bucket/k): HTTP 404 NoSuchBucket - "))
        #expect(!description.contains("moto-secret-access-key") && !description.contains("moto-session-token"))
        let get = await #expect(throws: AWSError.self) {
            try await client.getObject(bucket: "no-such-bucket", key: "k")
        }
        #expect(get?.awsCode == "NoSuchBucket")
        let list = await #expect(throws: AWSError.self) { try await client.listObjectsV2(bucket: "no-such-bucket") }
        #expect(list?.kind == .notFound)
        let abort = await #expect(throws: AWSError.self) {
            try await client.abortMultipartUpload(bucket: "phoney-exports", key: "k", uploadId: "no-such-upload")
        }
        #expect(abort?.kind == .notFound && abort?.awsCode == "NoSuchUpload")
    }

    @Test func aBadBucketNameIsRefusedBeforeAnyRequest() throws {
        let error = #expect(throws: AWSError.self) { try S3Location(parsing: "s3://Phoney_Exports/run-1/") }
        #expect(
            error?.description
                == "`Phoney_Exports` is not a valid S3 bucket name: upper-case letters are not allowed; use lower-case "
                + "letters, digits, `.` and `-` [invalid_argument]")
    }

    @Test func aLargeObjectGoesUpInPartsThroughTheStream() async throws {
        let (server, client) = try await Self.start()
        defer { server.stop() }
        let partSize = 5 * Self.mebibyte
        let data = Self.bytes(12 * Self.mebibyte + 5)
        let stream = try S3UploadStream(
            client: client, bucket: "phoney-exports", key: "run-1/part-000001.ndjson",
            contentType: "application/x-ndjson", metadata: ["records": "1000", "sha256": "abc123"], partSize: partSize)
        // Uneven chunks, through both entry points, so chunks straddle part boundaries.
        var offset = 0
        var useArray = false
        while offset < data.count {
            let end = min(offset + Self.mebibyte + 7, data.count)
            if useArray {
                try await stream.write(Array(data[offset..<end]))
            } else {
                let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: end - offset, alignment: 1)
                defer { buffer.deallocate() }
                buffer.copyBytes(from: data[offset..<end])
                try await stream.write(UnsafeRawBufferPointer(buffer))
            }
            useArray.toggle()
            offset = end
        }
        let result = try await stream.finish()
        #expect(result.parts == 3)
        #expect(result.bytes == data.count)
        #expect(result.key == "run-1/part-000001.ndjson")
        #expect(result.etag.hasSuffix("-3\""))
        #expect(stream.peakHeldBytes <= 2 * partSize)

        let info = try #require(try await client.headObject(bucket: "phoney-exports", key: result.key))
        #expect(info.size == data.count && info.etag == result.etag)
        #expect(info.metadata == ["records": "1000", "sha256": "abc123"])
        #expect(info.contentType == "application/x-ndjson")
        #expect(try await client.getObject(bucket: "phoney-exports", key: result.key) == data)
        #expect(try await client.listMultipartUploads(bucket: "phoney-exports").isEmpty)
    }

    @Test func aSmallObjectIsOnePut() async throws {
        let (server, client) = try await Self.start()
        defer { server.stop() }
        for size in [0, 1000, S3UploadStream.minimumPartSize] {
            let key = "small/\(size)"
            let stream = try S3UploadStream(
                client: client, bucket: "phoney-exports", key: key, metadata: ["size": "\(size)"],
                partSize: S3UploadStream.minimumPartSize)
            let data = Self.bytes(size)
            try await stream.write(data)
            let result = try await stream.finish()
            #expect(result.parts == 0 && result.bytes == size && !result.etag.contains("-"))
            let info = try #require(try await client.headObject(bucket: "phoney-exports", key: key))
            #expect(info.size == size && info.metadata == ["size": "\(size)"])
            #expect(try await client.getObject(bucket: "phoney-exports", key: key) == data)
        }
    }

    @Test func aFailedPartAbortsTheUpload() async throws {
        let (server, client) = try await Self.start()
        defer { server.stop() }
        let partSize = S3UploadStream.minimumPartSize
        let stream = try S3UploadStream(client: client, bucket: "phoney-exports", key: "fails/x", partSize: partSize)
        let injected = AWSError(.service, "injected", operation: "s3:UploadPart", httpStatus: 500, awsCode: "Injected")
        let real = stream.partUploader
        stream.partUploader = {
            (client, bucket, key, uploadId, partNumber, body) async throws(AWSError) -> S3CompletedPart in
            if partNumber == 2 { throw injected }
            return try await real(client, bucket, key, uploadId, partNumber, body)
        }
        try await stream.write(Self.bytes(partSize))
        try await stream.write(Self.bytes(partSize))
        // Part 2 is uploading now; the failure shows when part 3 needs its place (or at finish).
        try await stream.write([1])
        let error = await #expect(throws: AWSError.self) { _ = try await stream.finish() }
        #expect(error == injected)
        #expect(try await client.listMultipartUploads(bucket: "phoney-exports").isEmpty)
        #expect(try await client.headObject(bucket: "phoney-exports", key: "fails/x") == nil)
        // The stream stays failed.
        let again = await #expect(throws: AWSError.self) { try await stream.write([1]) }
        #expect(again == injected)
    }

    @Test func anAbortByTheWriterLeavesNothing() async throws {
        let (server, client) = try await Self.start()
        defer { server.stop() }
        let stream = try S3UploadStream(
            client: client, bucket: "phoney-exports", key: "aborted/x", partSize: S3UploadStream.minimumPartSize)
        try await stream.write(Self.bytes(S3UploadStream.minimumPartSize + 10))
        #expect(try await client.listMultipartUploads(bucket: "phoney-exports").map(\.key) == ["aborted/x"])
        await stream.abort()
        await stream.abort()
        #expect(try await client.listMultipartUploads(bucket: "phoney-exports").isEmpty)
        #expect(try await client.headObject(bucket: "phoney-exports", key: "aborted/x") == nil)
        #expect(stream.heldBytes == 0)
    }

    @Test func aStreamDroppedWhileOpenAbortsItsUpload() async throws {
        let (server, client) = try await Self.start()
        defer { server.stop() }
        do {
            let stream = try S3UploadStream(
                client: client, bucket: "phoney-exports", key: "dropped/x", partSize: S3UploadStream.minimumPartSize)
            try await stream.write(Self.bytes(S3UploadStream.minimumPartSize + 1))
            #expect(try await client.listMultipartUploads(bucket: "phoney-exports").map(\.key) == ["dropped/x"])
        }
        // The abort runs in a task of its own after the stream is gone; give it up to 10 s.
        var left = try await client.listMultipartUploads(bucket: "phoney-exports")
        for _ in 0..<100 where !left.isEmpty {
            try await Task.sleep(for: .milliseconds(100))
            left = try await client.listMultipartUploads(bucket: "phoney-exports")
        }
        #expect(left.isEmpty)
    }

    @Test func usingAnAbortedStreamTraps() async {
        await #expect(processExitsWith: .failure) {
            let client = S3Client(
                credentials: AWSCredentials(accessKeyID: "AKID", secretAccessKey: "secret"), region: "us-east-1")
            let stream = try! S3UploadStream(client: client, bucket: "phoney-exports", key: "k")
            await stream.abort()
            // Only the trap may end the process with a failure: a thrown error would be swallowed here.
            try? await stream.write([1])
        }
    }

    @Test func theStreamNeverHoldsMoreThanTwoParts() async throws {
        let (server, client) = try await Self.start()
        defer { server.stop() }
        let partSize = S3UploadStream.minimumPartSize
        let stream = try S3UploadStream(client: client, bucket: "phoney-exports", key: "big/x", partSize: partSize)
        let chunk = Self.bytes(3 * Self.mebibyte + 1)
        var written = 0
        var peakSeen = 0
        while written < 64 * Self.mebibyte {
            let count = min(chunk.count, 64 * Self.mebibyte - written)
            try await stream.write(Array(chunk[..<count]))
            written += count
            peakSeen = max(peakSeen, stream.heldBytes)
            #expect(stream.heldBytes <= 2 * partSize)
        }
        let result = try await stream.finish()
        #expect(result.bytes == 64 * Self.mebibyte)
        #expect(result.parts == 13)
        #expect(stream.peakHeldBytes <= 2 * partSize)
        // A part was uploading while the next filled.
        #expect(stream.peakHeldBytes > partSize)
        #expect(peakSeen <= stream.peakHeldBytes)
        #expect(try await client.headObject(bucket: "phoney-exports", key: "big/x")?.size == 64 * Self.mebibyte)
    }
}

extension S3Client {
    /// Creates a bucket in `us-east-1` (no location constraint): test set-up only.
    func createBucket(_ bucket: String) async throws(AWSError) {
        _ = try await send(S3Call(operation: "CreateBucket", method: .PUT, bucket: bucket, idempotent: true))
    }
}
