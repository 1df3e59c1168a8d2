/// Writes one S3 object of unknown length in bounded memory.
///
/// Bytes are gathered into parts of ``partSize``. An object no larger than one part goes up in a single
/// `PutObject` when ``finish()`` is called; a larger one becomes a multipart upload, with one part uploading while the
/// next fills, so the stream holds at most two parts (``heldBytes``). On any error the upload is aborted before the
/// error is thrown, so no incomplete upload is left behind; a writer that gives up for its own reasons calls
/// ``abort()``. The stream does not hash the object: the caller does that once, for its manifest.
///
/// One writer uses a stream from one task. Its life is a state machine: open, then finished, failed or aborted.
/// Writing to or finishing a finished or aborted stream is a programming error and traps; after a failure, they throw
/// the failure again.
package final class S3UploadStream {
    /// S3's smallest part, except the last.
    package static let minimumPartSize = 5 * 1024 * 1024
    /// 8 MiB, the AWS CLI's default.
    package static let defaultPartSize = 8 * 1024 * 1024
    /// S3's largest part.
    package static let maximumPartSize = 5 * 1024 * 1024 * 1024
    /// S3's most parts in an upload.
    package static let maximumParts = 10_000

    /// Uploads one part; a test replaces it to inject failures.
    typealias PartUploader =
        @Sendable (
            _ client: S3Client, _ bucket: String, _ key: String, _ uploadId: String, _ partNumber: Int,
            _ body: [UInt8]
        ) async throws(AWSError) -> S3CompletedPart

    private enum State {
        case open
        case finished
        case failed(AWSError)
        case aborted
    }

    package let client: S3Client
    package let bucket: String
    package let key: String
    package let partSize: Int
    package let contentType: String?
    package let metadata: [String: String]
    var partUploader: PartUploader = {
        (client, bucket, key, uploadId, partNumber, body) async throws(AWSError) -> S3CompletedPart in
        try await client.uploadPart(bucket: bucket, key: key, uploadId: uploadId, partNumber: partNumber, body: body)
    }

    private var state = State.open
    /// The part being filled.
    private var buffer: [UInt8] = []
    private var uploadId: String?
    private var inFlight: (task: Task<Result<S3CompletedPart, AWSError>, Never>, bytes: Int)?
    private var parts: [S3CompletedPart] = []
    /// Bytes written so far.
    package private(set) var bytesWritten = 0
    /// The most bytes ``heldBytes`` has been.
    package private(set) var peakHeldBytes = 0

    /// Bytes the stream holds now: the part filling and the part uploading.
    package var heldBytes: Int { buffer.count + (inFlight?.bytes ?? 0) }

    /// A stream that will write `key` in `bucket`. Nothing is sent until a part fills or ``finish()`` is called.
    ///
    /// - Parameters:
    ///   - client: The S3 client.
    ///   - bucket: The bucket.
    ///   - key: The object's key.
    ///   - contentType: The object's `Content-Type`, or `nil`.
    ///   - metadata: The object's user metadata (`x-amz-meta-*`), checked now so a long upload cannot fail on it at
    ///     the end.
    ///   - partSize: Bytes per part, 5 MiB to 5 GiB; the object can have at most 10,000 parts.
    /// - Throws: `AWSError` of kind `invalidArgument` for a bad key, metadata or part size.
    package init(
        client: S3Client, bucket: String, key: String, contentType: String? = nil, metadata: [String: String] = [:],
        partSize: Int = S3UploadStream.defaultPartSize
    ) throws(AWSError) {
        try S3Client.validateKey(key)
        _ = try S3Client.objectHeaders(contentType: contentType, metadata: metadata)
        guard (Self.minimumPartSize...Self.maximumPartSize).contains(partSize) else {
            throw AWSError(
                .invalidArgument,
                "the part size is \(partSize) bytes; S3 parts are 5 MiB (5,242,880 bytes) to 5 GiB")
        }
        self.client = client
        self.bucket = bucket
        self.key = key
        self.contentType = contentType
        self.metadata = metadata
        self.partSize = partSize
    }

    deinit {
        // A stream dropped while open must not leave parts billed for ever: abort what was started, once the part
        // uploading has ended (a part arriving after the abort could keep the upload alive).
        guard case .open = state, let uploadId else { return }
        let pending = inFlight?.task
        pending?.cancel()
        let (client, bucket, key) = (client, bucket, key)
        Task.detached {
            _ = await pending?.value
            try? await client.abortMultipartUpload(bucket: bucket, key: key, uploadId: uploadId)
        }
    }

    /// Appends bytes to the object.
    ///
    /// - Parameter bytes: The bytes; they need to stay valid only until the call returns.
    /// - Throws: `AWSError` from starting the upload or from the part uploaded before, after aborting the upload.
    /// - Complexity: O(*n*) copying; waits for the previous part's upload when a part is full.
    nonisolated(nonsending) package func write(_ bytes: UnsafeRawBufferPointer) async throws(AWSError) {
        try checkOpen()
        var offset = 0
        while offset < bytes.count {
            if buffer.count == partSize { try await flushOrFail() }
            offset += fill(from: bytes, at: offset)
        }
    }

    /// Appends bytes to the object.
    ///
    /// - Throws: `AWSError` from starting the upload or from the part uploaded before, after aborting the upload.
    nonisolated(nonsending) package func write(_ bytes: [UInt8]) async throws(AWSError) {
        try checkOpen()
        var offset = 0
        while offset < bytes.count {
            if buffer.count == partSize { try await flushOrFail() }
            offset += bytes.withUnsafeBytes { fill(from: $0, at: offset) }
        }
    }

    /// Uploads what is left and makes the object.
    ///
    /// - Returns: The object's key, size, entity tag and number of parts.
    /// - Throws: `AWSError` from any call, after aborting the upload.
    nonisolated(nonsending) package func finish() async throws(AWSError) -> S3UploadResult {
        try checkOpen()
        do {
            let result: S3UploadResult
            if let uploadId {
                if !buffer.isEmpty { try await flushPart() }
                try await collectInFlight()
                let etag = try await client.completeMultipartUpload(
                    bucket: bucket, key: key, uploadId: uploadId, parts: parts)
                result = S3UploadResult(key: key, bytes: bytesWritten, etag: etag, parts: parts.count)
            } else {
                let body = buffer
                buffer = []
                let etag = try await client.putObject(
                    bucket: bucket, key: key, body: body, contentType: contentType, metadata: metadata)
                result = S3UploadResult(key: key, bytes: bytesWritten, etag: etag, parts: 0)
            }
            state = .finished
            return result
        } catch {
            await fail(error)
            throw error
        }
    }

    /// Abandons the object: waits for the part uploading, aborts the multipart upload and drops the buffer. Does
    /// nothing once the stream has finished or failed.
    nonisolated(nonsending) package func abort() async {
        guard case .open = state else { return }
        await fail(nil)
    }

    /// Copies as much of `bytes[offset...]` as fits in the part; returns how much.
    private func fill(from bytes: UnsafeRawBufferPointer, at offset: Int) -> Int {
        if buffer.capacity < partSize { buffer.reserveCapacity(partSize) }
        let count = min(partSize - buffer.count, bytes.count - offset)
        buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)]))
        bytesWritten += count
        peakHeldBytes = max(peakHeldBytes, heldBytes)
        return count
    }

    private func checkOpen() throws(AWSError) {
        switch state {
        case .open: return
        case .failed(let error): throw error
        case .finished: preconditionFailure("S3UploadStream used after finish()")
        case .aborted: preconditionFailure("S3UploadStream used after abort()")
        }
    }

    nonisolated(nonsending) private func flushOrFail() async throws(AWSError) {
        do {
            try await flushPart()
        } catch {
            await fail(error)
            throw error
        }
    }

    /// Starts the upload if needed, waits for the part before, and sends the full buffer as the next part.
    nonisolated(nonsending) private func flushPart() async throws(AWSError) {
        let uploadId: String
        if let started = self.uploadId {
            uploadId = started
        } else {
            uploadId = try await client.createMultipartUpload(
                bucket: bucket, key: key, contentType: contentType, metadata: metadata)
            self.uploadId = uploadId
        }
        try await collectInFlight()
        let partNumber = parts.count + 1
        guard partNumber <= Self.maximumParts else {
            throw AWSError(
                .invalidArgument,
                "the object needs more than \(Self.maximumParts) parts of \(partSize) bytes; use a larger part size",
                resource: "s3://\(bucket)/\(key)")
        }
        let body = buffer
        buffer = []
        let (client, bucket, key, upload) = (client, bucket, key, partUploader)
        let task = Task.detached { () async -> Result<S3CompletedPart, AWSError> in
            do throws(AWSError) {
                return .success(try await upload(client, bucket, key, uploadId, partNumber, body))
            } catch {
                return .failure(error)
            }
        }
        inFlight = (task, body.count)
    }

    /// Waits for the part uploading and records it.
    nonisolated(nonsending) private func collectInFlight() async throws(AWSError) {
        guard let task = inFlight?.task else { return }
        let result = await withTaskCancellationHandler {
            await task.value
        } onCancel: {
            task.cancel()
        }
        inFlight = nil
        parts.append(try result.get())
    }

    /// Ends the stream after `error` (or an abort, for `nil`): the part uploading is waited for, the upload aborted.
    nonisolated(nonsending) private func fail(_ error: AWSError?) async {
        state = error.map { .failed($0) } ?? .aborted
        buffer = []
        if let task = inFlight?.task {
            task.cancel()
            _ = await task.value
            inFlight = nil
        }
        guard let uploadId else { return }
        self.uploadId = nil
        do {
            try await client.abortMultipartUpload(bucket: bucket, key: key, uploadId: uploadId)
        } catch {
            client.logger.warning(
                "could not abort a multipart upload; a bucket lifecycle rule must clean it up",
                metadata: ["resource": "s3://\(bucket)/\(key)", "uploadId": "\(uploadId)", "error": "\(error)"])
        }
    }
}
