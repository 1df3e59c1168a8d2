import HTTPTypes
import NIOCore

/// A response from the Phoney router, for a transport to send: the HTTP server writes it to the connection (a
/// stream as chunks), the Lambda adapter collects it into the API Gateway response document.
package struct APIResponse: Sendable {
    package var status: HTTPResponse.Status
    package var headers: HTTPFields
    package var body: APIResponseBody

    package init(status: HTTPResponse.Status, headers: HTTPFields = [:], body: APIResponseBody = .empty) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// Where a streamed body goes, one buffer at a time; a write returns when the transport has room for more.
package protocol APIBodyWriter {
    mutating func write(_ buffer: ByteBuffer) async throws
}

/// A response body: none, bytes in memory, or a stream.
package struct APIResponseBody: Sendable {
    /// Writes a streamed body. Returning ends the body as complete; throwing ends it as cut short, which a
    /// transport must show (the HTTP server leaves out the last chunk and closes the connection).
    package typealias Stream = @Sendable (inout any APIBodyWriter) async throws -> Void

    package enum Content: Sendable {
        case empty
        case bytes(ByteBuffer)
        case stream(Stream)
    }

    package var content: Content

    package static let empty = APIResponseBody(content: .empty)

    package init(content: Content) {
        self.content = content
    }

    package init(byteBuffer: ByteBuffer) {
        self.content = .bytes(byteBuffer)
    }

    package init(stream: @escaping Stream) {
        self.content = .stream(stream)
    }

    /// Writes the whole body to `writer`: the bytes, or the stream.
    package func write(to writer: inout any APIBodyWriter) async throws {
        switch content {
        case .empty: return
        case .bytes(let buffer): try await writer.write(buffer)
        case .stream(let stream): try await stream(&writer)
        }
    }
}
