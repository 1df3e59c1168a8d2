/// What Signature Version 4 signs of an HTTP request.
package struct SigV4Request: Sendable {
    /// The body, or its SHA-256 when the caller has it already (streamed uploads, `UNSIGNED-PAYLOAD`).
    package enum Payload: Sendable {
        case bytes([UInt8])
        /// Lower-case hex SHA-256 of the body, or a literal such as `UNSIGNED-PAYLOAD`.
        case hash(String)
    }

    /// `GET`, `POST`, …
    package var method: String
    /// The `Host` header as sent: the host name, with `:port` when the port is not the scheme's default.
    package var host: String
    /// The path as sent on the wire (percent-encoded where needed); the canonical form encodes it once more.
    package var path: String
    /// Query parameters, not percent-encoded; the signer encodes and sorts them.
    package var query: [(name: String, value: String)]
    /// Headers to sign besides `Host`, `X-Amz-Date` and `X-Amz-Security-Token`, which the signer supplies
    /// (any given here under those names, or `Authorization`, are ignored). A repeated name is signed as
    /// the comma-joined values in order.
    package var headers: [(name: String, value: String)]
    package var payload: Payload

    package init(
        method: String,
        host: String,
        path: String = "/",
        query: [(name: String, value: String)] = [],
        headers: [(name: String, value: String)] = [],
        payload: Payload = .bytes([])
    ) {
        self.method = method
        self.host = host
        self.path = path
        self.query = query
        self.headers = headers
        self.payload = payload
    }
}
