import NIOCore
import NIOHTTP1
import PhoneyDigest

extension S3Client {
    /// Sends `call`, retrying as ``retryPolicy`` allows, and returns a `2xx` response (or a `404` the call accepts).
    ///
    /// - Throws: `AWSError`: `transport` without a response, `notFound` for a `404`, `service` for another error
    ///   status (with S3's code and message), `invalidResponse` for an answer larger than allowed.
    func send(_ call: S3Call) async throws(AWSError) -> AWSHTTPResponse {
        let payloadHash = Self.payloadHash(call.body)
        var attempt = 0
        while true {
            attempt += 1
            let (endpoint, request) = prepared(call, payloadHash: payloadHash, date: .now())
            logger.debug(
                "S3 request",
                metadata: ["operation": "\(call.name)", "resource": "\(call.resource)", "attempt": "\(attempt)"])
            let failure: AWSError
            let retryable: Bool
            do {
                let response = try await httpClient.execute(
                    request, to: endpoint, timeout: timeout, maxBodyBytes: call.maxResponseBytes)
                if let error = serviceError(response, call) {
                    failure = error
                    retryable = Self.isRetryable(status: error.httpStatus ?? 0, code: error.awsCode)
                } else {
                    return response
                }
            } catch {
                if error.kind == .bodyTooLarge {
                    throw AWSError(
                        .invalidResponse, "the answer is larger than \(call.maxResponseBytes) bytes",
                        operation: call.name, resource: call.resource)
                }
                failure = AWSError(
                    .transport,
                    "no response from \(endpoint) (timeout \(timeout.nanoseconds / 1_000_000_000)s): \(error)",
                    operation: call.name, resource: call.resource)
                retryable = error.kind == .connect || (call.idempotent && error.kind != .tls)
            }
            guard retryable, attempt < retryPolicy.maxAttempts else { throw failure }
            logger.notice(
                "retrying S3 request",
                metadata: [
                    "operation": "\(call.name)", "resource": "\(call.resource)",
                    "attempt": "\(attempt + 1) of \(retryPolicy.maxAttempts)", "error": "\(failure)",
                ])
            try await retryPolicy.wait(afterAttempt: attempt, operation: call.name, resource: call.resource)
        }
    }

    /// Lower-case hex SHA-256 of a body: the `x-amz-content-sha256` header, and the payload hash signed.
    static func payloadHash(_ body: [UInt8]) -> String {
        Hex.encode(Digest.sha256(body))
    }

    /// The signed request of `call` at `date` and the endpoint to send it to.
    ///
    /// - Returns: The endpoint and a request whose headers are the call's, `x-amz-content-sha256`, and the signer's
    ///   (`Host`, `X-Amz-Date`, `X-Amz-Security-Token` with a session token, `Authorization`).
    func prepared(
        _ call: S3Call, payloadHash: String, date: SigV4Date
    ) -> (endpoint: AWSEndpoint, request: AWSHTTPRequest) {
        let (endpoint, path) = address(bucket: call.bucket, key: call.key)
        let headers = call.headers + [("x-amz-content-sha256", payloadHash)]
        let unsigned = SigV4Request(
            method: call.method.rawValue, host: endpoint.hostHeader, path: path, query: call.query, headers: headers,
            payload: .hash(payloadHash))
        let signature = signer.sign(unsigned, date: date)
        let target = call.query.isEmpty ? path : path + "?" + Self.queryString(call.query)
        return (
            endpoint,
            AWSHTTPRequest(method: call.method, path: target, headers: headers + signature.headers, body: call.body)
        )
    }

    /// The error an answer stands for, or `nil` when it is one the call takes.
    private func serviceError(_ response: AWSHTTPResponse, _ call: S3Call) -> AWSError? {
        let status = response.status
        var document: AWSXMLElement?
        if response.body.readableBytes > 0 && (!(200..<300).contains(status) || call.successMayHoldError) {
            document = try? AWSXMLElement.parse(response.body.readableBytesView)
        }
        if (200..<300).contains(status) && document?.name != "Error" { return nil }
        let code = document?.name == "Error" ? document?.text(of: "Code") : nil
        if status == 404 && call.missingKeyIsAnswer && (code == nil || code == "NoSuchKey") { return nil }

        var message: String
        if let text = document?.text(of: "Message"), !text.isEmpty {
            message = AWSJSONClient.sanitized(text, hiding: signer.credentials)
        } else {
            message = Self.statusMeaning(status)
        }
        if let bucketRegion = response.headers.first(name: "x-amz-bucket-region"), bucketRegion != region {
            message += "; the bucket is in region \(bucketRegion), not \(region): set AWS_REGION=\(bucketRegion)"
        }
        return AWSError(
            status == 404 ? .notFound : .service, message, operation: call.name, resource: call.resource,
            httpStatus: status, awsCode: code ?? Self.statusCode(status))
    }

    /// Whether an error answer is worth another attempt: server errors, throttling and S3's request timeout.
    static func isRetryable(status: Int, code: String?) -> Bool {
        if [500, 502, 503, 504].contains(status) { return true }
        guard let code else { return false }
        return [
            "SlowDown", "InternalError", "RequestTimeout", "ServiceUnavailable", "Throttling", "ThrottlingException",
        ]
        .contains(code)
    }

    /// A code for an error answer without a document (HEAD has no body).
    private static func statusCode(_ status: Int) -> String? {
        switch status {
        case 301: "PermanentRedirect"
        case 400: "BadRequest"
        case 403: "Forbidden"
        case 404: "NotFound"
        case 412: "PreconditionFailed"
        case 503: "SlowDown"
        default: nil
        }
    }

    private static func statusMeaning(_ status: Int) -> String {
        switch status {
        case 301: "the bucket is in another region"
        case 403: "access denied, or the bucket belongs to another account"
        case 404: "no such bucket or key"
        default: "S3 answered HTTP \(status) without an error document"
        }
    }
}
