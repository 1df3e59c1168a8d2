import Logging
import NIOCore
import PhoneyCore

/// A client for the few Amazon S3 operations an export needs, signed with Signature Version 4 and sent through
/// ``AWSHTTPClient``.
///
/// On AWS, requests go to the bucket's virtual host, `BUCKET.s3.REGION.amazonaws.com` (path style on the regional
/// endpoint for a bucket name with a `.`, which the wildcard certificate does not cover). Given an endpoint URL
/// (moto, MinIO, LocalStack), requests use path style, `ENDPOINT/BUCKET/KEY`.
///
/// Every request carries `x-amz-content-sha256`, the SHA-256 of its body, and is signed with it. Failed calls are
/// retried as ``retryPolicy`` says: `500`, `502`, `503`, `504` and the codes `SlowDown`, `InternalError`,
/// `RequestTimeout` for every operation, connection failures before anything was sent for every operation, and other
/// connection failures (a timeout, a connection closed mid-response) for the idempotent ones: GET, HEAD, PUT (objects
/// and parts) and DELETE.
package struct S3Client: Sendable {
    /// Where the bucket goes in a request.
    package enum Addressing: Sendable, Hashable {
        /// `https://BUCKET.s3.REGION.amazonaws.com/KEY`, AWS's default.
        case virtualHosted
        /// `ENDPOINT/BUCKET/KEY`, for endpoint URLs.
        case pathStyle
    }

    package var region: String
    /// The service endpoint: `https://s3.REGION.amazonaws.com` or the endpoint URL given.
    package var endpoint: AWSEndpoint
    package var addressing: Addressing
    package var signer: SigV4Signer
    package var httpClient: AWSHTTPClient
    /// Deadline of one attempt, connection and whole body included; an 8 MiB part must fit in it.
    package var timeout: TimeAmount
    package var retryPolicy: AWSRetryPolicy
    package var logger: Logger

    /// Most bytes read of an answer other than ``getObject(bucket:key:maxBytes:)``'s; a page of 1,000 listed keys of
    /// 1,024 bytes each is about 1.3 MB.
    static let maxDocumentBytes = 4 * 1024 * 1024

    /// - Parameters:
    ///   - credentials: The keys to sign with.
    ///   - region: The bucket's region; a request signed for another is refused by AWS.
    ///   - endpoint: An endpoint URL (moto, MinIO), or `nil` for AWS.
    ///   - addressing: Overrides the default: virtual-hosted on AWS, path style with an endpoint URL.
    ///   - httpClient: The client to send with; it is borrowed, never shut down.
    ///   - timeout: Deadline of one attempt.
    ///   - retryPolicy: How failed calls are retried.
    ///   - logger: Receives a debug line per request and a notice per retry; never a credential or a body.
    package init(
        credentials: AWSCredentials,
        region: String,
        endpoint: AWSEndpoint? = nil,
        addressing: Addressing? = nil,
        httpClient: AWSHTTPClient = .shared,
        timeout: TimeAmount = .seconds(60),
        retryPolicy: AWSRetryPolicy = .standard,
        logger: Logger = Logger(label: "phoney.aws", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        self.region = region
        self.endpoint = endpoint ?? AWSEndpoint.standard(.s3, region: region)
        self.addressing = addressing ?? (endpoint == nil ? .virtualHosted : .pathStyle)
        self.signer = SigV4Signer(credentials: credentials, region: region, service: "s3", normalizesPath: false)
        self.httpClient = httpClient
        self.timeout = timeout
        self.retryPolicy = retryPolicy
        self.logger = logger
    }

    /// A client configured the way the AWS CLI is: credentials from `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`,
    /// `AWS_SESSION_TOKEN`; the region from `AWS_REGION` or `AWS_DEFAULT_REGION`; the endpoint from `endpointURL`
    /// (the CLI's `--endpoint-url`), else `AWS_ENDPOINT_URL_S3`, else `AWS_ENDPOINT_URL`, else AWS.
    ///
    /// - Parameters:
    ///   - environment: The process environment.
    ///   - endpointURL: An endpoint given on the command line; it wins over the variables.
    ///   - httpClient: The client to send with.
    ///   - timeout: Deadline of one attempt.
    ///   - logger: For request and retry lines.
    /// - Throws: `AWSError` of kind `missingVariable` (credentials, region), `invalidVariable` (an endpoint
    ///   variable that is not a URL) or `invalidArgument` (an `endpointURL` that is not one).
    package static func fromEnvironment(
        _ environment: [String: String],
        endpointURL: String? = nil,
        httpClient: AWSHTTPClient = .shared,
        timeout: TimeAmount = .seconds(60),
        logger: Logger = Logger(label: "phoney.aws", factory: { _ in SwiftLogNoOpLogHandler() })
    ) throws(AWSError) -> S3Client {
        let credentials = try AWSCredentials.fromEnvironment(environment)
        let region = try AWSEnvironment.region(environment)
        var custom: AWSEndpoint?
        if let endpointURL, !endpointURL.trimmed.isEmpty {
            guard let endpoint = AWSEndpoint(url: endpointURL) else {
                throw AWSError(.invalidArgument, "the endpoint URL `\(endpointURL)` is not http(s)://host[:port]")
            }
            custom = endpoint
        } else {
            let resolved = try AWSEndpoint.resolve(.s3, region: region, environment: environment)
            custom = resolved == AWSEndpoint.standard(.s3, region: region) ? nil : resolved
        }
        return S3Client(
            credentials: credentials, region: region, endpoint: custom, httpClient: httpClient, timeout: timeout,
            logger: logger)
    }

    /// The endpoint and request path of `key` in `bucket` (of the bucket itself when `key` is `nil`), the key
    /// URI-encoded once with its `/` kept.
    func address(bucket: String, key: String?) -> (endpoint: AWSEndpoint, path: String) {
        let encodedKey = key.map(Self.encodedKey)
        if addressing == .virtualHosted && !bucket.contains(".") {
            var host = endpoint
            host.host = bucket + "." + endpoint.host
            let base = endpoint.path.hasSuffix("/") ? String(endpoint.path.dropLast()) : endpoint.path
            return (host, base + "/" + (encodedKey ?? ""))
        }
        let base = endpoint.path.hasSuffix("/") ? String(endpoint.path.dropLast()) : endpoint.path
        return (endpoint, base + "/" + bucket + (encodedKey.map { "/" + $0 } ?? ""))
    }

    /// Each `/`-separated segment of `key` percent-encoded, every byte but `A-Z a-z 0-9 - . _ ~`.
    static func encodedKey(_ key: String) -> String {
        key.split(separator: "/", omittingEmptySubsequences: false).map { PercentEncoding.encode($0) }
            .joined(separator: "/")
    }

    /// The query as sent: names and values percent-encoded, a name with an empty value written alone (`?uploads`).
    static func queryString(_ query: [(name: String, value: String)]) -> String {
        query.map { item in
            PercentEncoding.encode(item.name) + (item.value.isEmpty ? "" : "=" + PercentEncoding.encode(item.value))
        }.joined(separator: "&")
    }
}
