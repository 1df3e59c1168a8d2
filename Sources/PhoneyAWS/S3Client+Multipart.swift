extension S3Client {
    /// Starts a multipart upload of `key`; the object appears only when it is completed.
    ///
    /// Not retried after a connection failure that may have reached S3 (a second upload would be left behind).
    ///
    /// - Parameters:
    ///   - contentType: The object's `Content-Type`, or `nil`.
    ///   - metadata: The object's user metadata (see ``validateMetadata(_:)``).
    /// - Returns: The upload ID.
    /// - Throws: `AWSError`: `invalidArgument`, the call's errors, `invalidResponse` without an `UploadId`.
    package func createMultipartUpload(
        bucket: String, key: String, contentType: String? = nil, metadata: [String: String] = [:]
    ) async throws(AWSError) -> String {
        try Self.validateKey(key)
        var call = S3Call(
            operation: "CreateMultipartUpload", method: .POST, bucket: bucket, key: key, idempotent: false)
        call.query = [("uploads", "")]
        call.headers = try Self.objectHeaders(contentType: contentType, metadata: metadata)
        let document = try Self.document(try await send(call), call, root: "InitiateMultipartUploadResult")
        guard let uploadId = document.text(of: "UploadId"), !uploadId.isEmpty else {
            throw AWSError(
                .invalidResponse, "the answer has no UploadId", operation: call.name, resource: call.resource)
        }
        return uploadId
    }

    /// Uploads part `partNumber` of an upload; sending the same part again replaces it, so it is retried freely.
    ///
    /// - Parameters:
    ///   - partNumber: 1 to 10,000.
    ///   - body: The part: at least 5 MiB, except the last part of the object; at most 5 GiB.
    /// - Returns: The part's number, entity tag and size.
    /// - Throws: `AWSError`: `invalidArgument` for a part number out of range, `notFound` (`NoSuchUpload`) for an
    ///   upload that was completed or aborted, and the call's errors.
    package func uploadPart(
        bucket: String, key: String, uploadId: String, partNumber: Int, body: [UInt8]
    ) async throws(AWSError) -> S3CompletedPart {
        guard (1...10_000).contains(partNumber) else {
            throw AWSError(.invalidArgument, "part number \(partNumber) is outside 1...10000")
        }
        var call = S3Call(operation: "UploadPart", method: .PUT, bucket: bucket, key: key, idempotent: true)
        call.query = [("partNumber", String(partNumber)), ("uploadId", uploadId)]
        call.body = body
        let etag = try Self.etag(of: try await send(call), call)
        return S3CompletedPart(partNumber: partNumber, etag: etag, size: body.count)
    }

    /// Joins the uploaded parts into the object.
    ///
    /// Retried on server errors, including the `200` whose body is an `<Error>` that S3 may send for this operation;
    /// not after a connection failure that may have reached S3.
    ///
    /// - Parameters:
    ///   - parts: Every part, in any order (they are sent in part-number order).
    /// - Returns: The object's entity tag (`"…-N"` for N parts).
    /// - Throws: `AWSError`: `service` with `EntityTooSmall` (a part other than the last below 5 MiB),
    ///   `InvalidPart`, `InvalidPartOrder`; `notFound` with `NoSuchUpload`; the call's errors.
    package func completeMultipartUpload(
        bucket: String, key: String, uploadId: String, parts: [S3CompletedPart]
    ) async throws(AWSError) -> String {
        var call = S3Call(
            operation: "CompleteMultipartUpload", method: .POST, bucket: bucket, key: key, idempotent: false)
        call.query = [("uploadId", uploadId)]
        call.successMayHoldError = true
        var xml = "<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
        for part in parts.sorted(by: { $0.partNumber < $1.partNumber }) {
            xml += "<Part><PartNumber>\(part.partNumber)</PartNumber>"
            xml += "<ETag>\(AWSXMLElement.escaped(part.etag))</ETag></Part>"
        }
        xml += "</CompleteMultipartUpload>"
        call.body = Array(xml.utf8)
        call.headers = [("Content-Type", "application/xml")]
        // moto names the root `CompleteMultipartUploadResponse`.
        let document = try Self.document(
            try await send(call), call, root: "CompleteMultipartUploadResult", "CompleteMultipartUploadResponse")
        guard let etag = document.text(of: "ETag"), !etag.isEmpty else {
            throw AWSError(.invalidResponse, "the answer has no ETag", operation: call.name, resource: call.resource)
        }
        return etag
    }

    /// Abandons an upload and frees its parts.
    ///
    /// - Throws: `AWSError`: `notFound` (`NoSuchUpload`) when it was completed or aborted already, the call's errors.
    package func abortMultipartUpload(bucket: String, key: String, uploadId: String) async throws(AWSError) {
        var call = S3Call(
            operation: "AbortMultipartUpload", method: .DELETE, bucket: bucket, key: key, idempotent: true)
        call.query = [("uploadId", uploadId)]
        _ = try await send(call)
    }

    /// The uploads in progress under `prefix`: the first 1,000, enough to find those a crashed writer left behind.
    ///
    /// - Returns: Their keys and upload IDs.
    /// - Throws: `AWSError`: the call's errors, `invalidResponse` for a document that is not a
    ///   `ListMultipartUploadsResult`.
    package func listMultipartUploads(bucket: String, prefix: String = "") async throws(AWSError) -> [S3MultipartUpload]
    {
        var call = S3Call(
            operation: "ListMultipartUploads", method: .GET, bucket: bucket, key: nil, idempotent: true)
        call.query = [("uploads", "")]
        if !prefix.isEmpty { call.query.append(("prefix", prefix)) }
        let document = try Self.document(try await send(call), call, root: "ListMultipartUploadsResult")
        return document.children(named: "Upload").compactMap { upload in
            guard let key = upload.text(of: "Key"), let uploadId = upload.text(of: "UploadId") else { return nil }
            return S3MultipartUpload(key: key, uploadId: uploadId)
        }
    }
}
