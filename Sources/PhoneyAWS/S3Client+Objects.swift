extension S3Client {
    /// Stores `body` as the object `key`, replacing any object of that name.
    ///
    /// - Parameters:
    ///   - bucket: The bucket.
    ///   - key: The key, 1 to 1,024 UTF-8 bytes.
    ///   - body: The whole object; S3 takes at most 5 GiB in one PUT (use ``S3UploadStream`` beyond a few MiB).
    ///   - contentType: The `Content-Type` to store, or `nil` for S3's default.
    ///   - metadata: User metadata, sent as `x-amz-meta-NAME` (see ``validateMetadata(_:)``).
    /// - Returns: The object's entity tag, double quotes included.
    /// - Throws: `AWSError`: `invalidArgument` for a bad key or metadata, and the call's errors.
    package func putObject(
        bucket: String, key: String, body: [UInt8], contentType: String? = nil, metadata: [String: String] = [:]
    ) async throws(AWSError) -> String {
        try Self.validateKey(key)
        var call = S3Call(operation: "PutObject", method: .PUT, bucket: bucket, key: key, idempotent: true)
        call.headers = try Self.objectHeaders(contentType: contentType, metadata: metadata)
        call.body = body
        return try Self.etag(of: try await send(call), call)
    }

    /// The size, entity tag, content type and user metadata of an object.
    ///
    /// - Returns: The object's information, or `nil` when S3 answers `404` (no such key; a HEAD answer has no body,
    ///   so a missing bucket reads the same).
    /// - Throws: `AWSError`: the call's errors (`403` for a bucket of another account or without permission).
    package func headObject(bucket: String, key: String) async throws(AWSError) -> S3ObjectInfo? {
        try Self.validateKey(key)
        var call = S3Call(operation: "HeadObject", method: .HEAD, bucket: bucket, key: key, idempotent: true)
        call.missingKeyIsAnswer = true
        let response = try await send(call)
        if response.status == 404 { return nil }
        guard let length = response.headers.first(name: "Content-Length").flatMap({ Int($0) }) else {
            throw AWSError(
                .invalidResponse, "the answer has no Content-Length", operation: call.name, resource: call.resource,
                httpStatus: response.status)
        }
        var metadata: [String: String] = [:]
        for (name, value) in response.headers where name.lowercased().hasPrefix("x-amz-meta-") {
            metadata[String(name.lowercased().dropFirst("x-amz-meta-".count))] = value
        }
        return S3ObjectInfo(
            size: length, etag: try Self.etag(of: response, call),
            contentType: response.headers.first(name: "Content-Type"), metadata: metadata)
    }

    /// The whole of a small object (a manifest, a marker).
    ///
    /// - Parameters:
    ///   - maxBytes: The largest object accepted; a larger one is an error rather than a memory blow-up.
    /// - Returns: The object's bytes, or `nil` when the key does not exist (`NoSuchKey`).
    /// - Throws: `AWSError`: `notFound` for a missing bucket, `invalidResponse` for an object above `maxBytes`, and
    ///   the call's errors.
    package func getObject(
        bucket: String, key: String, maxBytes: Int = 64 * 1024 * 1024
    ) async throws(AWSError) -> [UInt8]? {
        try Self.validateKey(key)
        var call = S3Call(operation: "GetObject", method: .GET, bucket: bucket, key: key, idempotent: true)
        call.missingKeyIsAnswer = true
        call.maxResponseBytes = maxBytes
        let response = try await send(call)
        if response.status == 404 { return nil }
        return Array(response.body.readableBytesView)
    }

    /// One page of the objects whose keys start with `prefix`.
    ///
    /// - Parameters:
    ///   - prefix: The key prefix; empty for the whole bucket.
    ///   - continuationToken: The previous page's ``S3ListPage/nextContinuationToken``, `nil` for the first page.
    ///   - maxKeys: Most objects on the page, 1 to 1,000.
    /// - Returns: The page.
    /// - Throws: `AWSError`: `notFound` for a missing bucket, `invalidResponse` for a document that is not a
    ///   `ListBucketResult`, and the call's errors.
    package func listObjectsV2(
        bucket: String, prefix: String = "", continuationToken: String? = nil, maxKeys: Int = 1000
    ) async throws(AWSError) -> S3ListPage {
        guard (1...1000).contains(maxKeys) else {
            throw AWSError(.invalidArgument, "maxKeys is \(maxKeys); S3 lists 1 to 1,000 keys a page")
        }
        var call = S3Call(operation: "ListObjectsV2", method: .GET, bucket: bucket, key: nil, idempotent: true)
        call.query = [("list-type", "2"), ("max-keys", String(maxKeys))]
        if !prefix.isEmpty { call.query.append(("prefix", prefix)) }
        if let continuationToken { call.query.append(("continuation-token", continuationToken)) }
        let response = try await send(call)
        let document = try Self.document(response, call, root: "ListBucketResult")
        return try Self.listPage(document, call)
    }

    /// The page a `ListBucketResult` describes.
    static func listPage(_ document: AWSXMLElement, _ call: S3Call) throws(AWSError) -> S3ListPage {
        var objects: [S3ListPage.Object] = []
        for contents in document.children(named: "Contents") {
            guard let key = contents.text(of: "Key"), let size = contents.text(of: "Size").flatMap({ Int($0.trimmed) })
            else {
                throw AWSError(
                    .invalidResponse, "a listed object has no Key or Size", operation: call.name,
                    resource: call.resource)
            }
            objects.append(S3ListPage.Object(key: key, size: size, etag: contents.text(of: "ETag") ?? ""))
        }
        let truncated = document.text(of: "IsTruncated")?.trimmed == "true"
        let token = document.text(of: "NextContinuationToken").flatMap { $0.isEmpty ? nil : $0 }
        if truncated && token == nil {
            throw AWSError(
                .invalidResponse, "the page is truncated but has no NextContinuationToken", operation: call.name,
                resource: call.resource)
        }
        return S3ListPage(objects: objects, nextContinuationToken: truncated ? token : nil)
    }
}
