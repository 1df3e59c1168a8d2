import HTTPTypes
import NIOCore

/// A request as the Phoney router sees it, whatever carried it: the HTTP server's connection or an API Gateway
/// event. The path and query are as sent (not percent-decoded); a route decodes its parameters.
package struct APIRequest: Sendable {
    package var method: HTTPRequest.Method
    /// The path of the request target, `/` when it has none.
    package var path: String
    /// What follows `?` in the request target, up to a `#`; nil without a `?`.
    package var query: String?
    package var headers: HTTPFields
    package var body: APIRequestBody

    package init(
        method: HTTPRequest.Method, path: String, query: String?, headers: HTTPFields, body: APIRequestBody
    ) {
        self.method = method
        self.path = path.isEmpty ? "/" : path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// A request whose target (`/path?query#fragment`) is split as an HTTP server splits an origin-form target.
    package init(method: HTTPRequest.Method, target: String, headers: HTTPFields, body: APIRequestBody) {
        let bytes = target.utf8
        let pathEnd = bytes.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? bytes.endIndex
        var query: String?
        if pathEnd < bytes.endIndex, bytes[pathEnd] == UInt8(ascii: "?") {
            let start = bytes.index(after: pathEnd)
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "#")) ?? bytes.endIndex
            query = String(target[start..<end])
        }
        self.init(
            method: method, path: String(target[..<pathEnd]), query: query, headers: headers, body: body)
    }
}

/// A request's body, read at most once, up to a limit.
package struct APIRequestBody: Sendable {
    /// Thrown by `collect(upTo:)` when the body is longer than the limit.
    package struct TooLarge: Error, Sendable {
        package init() {}
    }

    let read: @Sendable (Int) async throws -> ByteBuffer

    /// A body the transport reads when asked (the server's connection): `read` gets the limit and throws
    /// `TooLarge` past it, or the transport's own error when the client's framing is broken.
    package init(read: @escaping @Sendable (Int) async throws -> ByteBuffer) {
        self.read = read
    }

    /// A body already in memory (an API Gateway event's).
    package init(buffer: ByteBuffer) {
        self.read = { limit in
            guard buffer.readableBytes <= limit else { throw TooLarge() }
            return buffer
        }
    }

    /// The whole body.
    ///
    /// - Throws: `TooLarge` when it has more than `limit` bytes; the transport's error when it cannot be read.
    package func collect(upTo limit: Int) async throws -> ByteBuffer {
        try await read(limit)
    }
}
