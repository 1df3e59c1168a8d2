/// The result of signing: the headers to send, and the intermediate texts for tests and debugging.
///
/// The canonical request and string to sign hold the session token (when there is one) but never the secret key;
/// still, do not log them.
package struct SigV4Signature: Sendable {
    /// The canonical request, task 1 of the AWS specification.
    package var canonicalRequest: String
    /// The string to sign, task 2.
    package var stringToSign: String
    /// `host;x-amz-date;…`, the names of the signed headers.
    package var signedHeaders: String
    /// Lower-case hex HMAC-SHA256 signature.
    package var signature: String
    /// The `Authorization` header value.
    package var authorization: String
    /// Headers to add to the request: `Host`, `X-Amz-Date`, `X-Amz-Security-Token` when the credentials carry a
    /// session token, and `Authorization`.
    package var headers: [(name: String, value: String)]
}
