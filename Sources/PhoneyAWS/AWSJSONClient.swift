import Logging
import NIOCore
import NIOHTTP1
import PhoneyCore

/// A minimal client for one AWS service over the JSON protocol (`POST /` with `X-Amz-Target`), signed with
/// Signature Version 4.
///
/// It borrows an `AWSHTTPClient` and never shuts it down: the caller's, or `AWSHTTPClient.shared`, which runs on
/// NIO's singleton event loop group and lives as long as the process (a Lambda function instance).
package struct AWSJSONClient: Sendable {
    package var service: AWSService
    package var endpoint: AWSEndpoint
    package var signer: SigV4Signer
    package var httpClient: AWSHTTPClient
    /// Deadline of one call, connection and response body included.
    package var timeout: TimeAmount
    package var logger: Logger

    /// Largest response body read; a larger one is an `invalidResponse` error.
    static let maxResponseBytes = 8 * 1024 * 1024
    /// Responses hold at most a page of parameters or one secret; these limits only stop a runaway body.
    static let responseLimits = TemplateLimits(maxBytes: maxResponseBytes, maxDepth: 64, maxNodes: 1_000_000)

    package init(
        service: AWSService,
        endpoint: AWSEndpoint,
        credentials: AWSCredentials,
        region: String,
        httpClient: AWSHTTPClient = .shared,
        timeout: TimeAmount = .seconds(5),
        logger: Logger = Logger(label: "phoney.aws", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        self.service = service
        self.endpoint = endpoint
        self.signer = SigV4Signer(credentials: credentials, region: region, service: service.signingName)
        self.httpClient = httpClient
        self.timeout = timeout
        self.logger = logger
    }

    /// Calls `operation` with a JSON request body and returns the JSON response.
    ///
    /// - Parameters:
    ///   - operation: The operation name, `GetParametersByPath`.
    ///   - body: The request document.
    ///   - resource: What the call is about, for errors (`path /phoney/prod`); never a value.
    ///   - date: The signing time; the current time unless a test fixes it.
    /// - Returns: The parsed response document.
    /// - Throws: `AWSError` of kind `transport` (no response in time), `service` (an AWS error status, with its
    ///   code) or `invalidResponse`.
    package func call(
        _ operation: String, _ body: JSONValue, resource: String, date: SigV4Date = .now()
    ) async throws(AWSError) -> JSONValue {
        let name = "\(service.signingName):\(operation)"
        let (headers, payload) = signedRequest(operation, body, date: date)
        let request = AWSHTTPRequest(method: .POST, path: endpoint.path, headers: headers, body: payload)

        logger.debug("AWS call", metadata: ["operation": "\(name)", "endpoint": "\(endpoint)"])
        let status: Int
        let text: String
        do {
            let response = try await httpClient.execute(
                request, to: endpoint, timeout: timeout, maxBodyBytes: Self.maxResponseBytes)
            status = response.status
            text = String(buffer: response.body)
        } catch {
            throw AWSError(
                .transport, "no response from \(endpoint) (timeout \(timeout.seconds)s): \(error)",
                operation: name, resource: resource)
        }
        let document = try? JSONValue.parse(text, limits: Self.responseLimits)
        guard (200..<300).contains(status) else {
            throw serviceError(document, status: status, operation: name, resource: resource)
        }
        guard let document else {
            throw AWSError(
                .invalidResponse, "the response body is not JSON", operation: name, resource: resource,
                httpStatus: status)
        }
        return document
    }

    /// The headers and body of a call, signed: what ``call(_:_:resource:date:)`` sends.
    ///
    /// - Returns: `Content-Type`, `X-Amz-Target`, `Host`, `X-Amz-Date`, `X-Amz-Security-Token` (with a session
    ///   token) and `Authorization`, and the compact JSON body.
    package func signedRequest(
        _ operation: String, _ body: JSONValue, date: SigV4Date
    ) -> (headers: [(name: String, value: String)], payload: [UInt8]) {
        var payload: [UInt8] = []
        body.serialize(into: &payload)
        let unsigned = SigV4Request(
            method: "POST", host: endpoint.hostHeader, path: endpoint.path,
            headers: [
                ("Content-Type", "application/x-amz-json-\(service.jsonVersion)"),
                ("X-Amz-Target", "\(service.targetPrefix).\(operation)"),
            ],
            payload: .bytes(payload))
        return (unsigned.headers + signer.sign(unsigned, date: date).headers, payload)
    }

    /// An AWS JSON error body, `{"__type": "namespace#Code", "message": "…"}`, as an error.
    private func serviceError(_ document: JSONValue?, status: Int, operation: String, resource: String) -> AWSError {
        var code: String?
        if case .string(let type)? = document?["__type"] {
            // `com.amazonaws.ssm#ParameterNotFound`, sometimes with a `:http://…` suffix.
            let afterHash = type.split(separator: "#").last.map(String.init) ?? type
            code = afterHash.split(separator: ":").first.map(String.init)
        }
        var message = "AWS returned an error"
        if case .string(let text)? = document?["message"] ?? document?["Message"] {
            message = Self.sanitized(text, hiding: signer.credentials)
        }
        return AWSError(
            .service, message, operation: operation, resource: resource, httpStatus: status, awsCode: code)
    }

    /// AWS's message cut to its first line, with `credentials` blanked out, then to 300 characters (after the
    /// blanking, so a cut cannot leave part of a token).
    static func sanitized(_ text: String, hiding credentials: AWSCredentials) -> String {
        var line = String(text.prefix { $0 != "\n" && $0 != "\r" })
        for secret in [credentials.secretAccessKey, credentials.sessionToken ?? "", credentials.accessKeyID]
        where !secret.isEmpty {
            line = line.replacing(secret, with: "<redacted>")
        }
        return String(line.prefix(300))
    }
}

extension TimeAmount {
    fileprivate var seconds: String {
        let tenths = nanoseconds / 100_000_000
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }
}
