import NIOHTTP1

/// One S3 request as ``S3Client`` sends it: the operation, its target and how it may be retried.
struct S3Call: Sendable {
    /// `PutObject`, `UploadPart`, …, for errors and logs.
    var operation: String
    var method: HTTPMethod
    var bucket: String
    /// The object, or `nil` for a bucket-level request.
    var key: String?
    /// Not percent-encoded.
    var query: [(name: String, value: String)] = []
    /// Headers to send and sign besides those the client adds.
    var headers: [(name: String, value: String)] = []
    var body: [UInt8] = []
    /// Whether sending it twice does what sending it once does; only then is a request retried after a connection
    /// failure that may have happened after S3 acted on it.
    var idempotent: Bool
    /// Whether a `404` without a code, or with `NoSuchKey`, is an answer (HEAD and GET of an object) rather than an
    /// error.
    var missingKeyIsAnswer = false
    /// Whether a `200` may carry an error document (CompleteMultipartUpload).
    var successMayHoldError = false
    /// Most response bytes read.
    var maxResponseBytes = S3Client.maxDocumentBytes

    /// `s3:PutObject`.
    var name: String { "s3:" + operation }

    /// `s3://bucket/key`: what the call is about, for errors.
    var resource: String { "s3://\(bucket)/\(key ?? "")" }
}
