import HTTPTypes
import Hummingbird
import HummingbirdCore
import NIOCore
import PhoneyAPI

/// The request context of the NIO-based HTTP server: the peer address comes from the channel.
package struct ServerRequestContext: RequestContext {
    package var coreContext: CoreRequestContextStorage
    package let peerAddress: String?

    package init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.peerAddress = source.channel.remoteAddress?.ipAddress
    }
}

/// Serves the Phoney router through Hummingbird: each request becomes an `APIRequest` (its body read from the
/// connection only when a route asks, up to the route's limit), and the `APIResponse` a Hummingbird response, a
/// stream written chunk by chunk as the connection takes it.
package struct APIResponderAdapter: HTTPResponder {
    package typealias Context = ServerRequestContext

    let responder: APIResponder

    package init(_ responder: APIResponder) {
        self.responder = responder
    }

    package func respond(to request: Request, context: ServerRequestContext) async throws -> Response {
        let body = request.body
        let apiRequest = APIRequest(
            method: request.method, path: request.uri.path, query: request.uri.query, headers: request.headers,
            body: APIRequestBody { limit in
                do {
                    return try await body.collect(upTo: limit)
                } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
                    throw APIRequestBody.TooLarge()
                }
            })
        let apiContext = APIContext(logger: context.logger, requestID: context.id, peerAddress: context.peerAddress)
        let response = try await responder.respond(to: apiRequest, context: apiContext)
        return Response(status: response.status, headers: response.headers, body: ResponseBody(response.body))
    }
}

extension ResponseBody {
    /// The body Hummingbird writes for `body`. A stream that returns is finished (the last chunk); one that throws
    /// is not, and Hummingbird closes the connection, so a client never takes a cut-off stream for a whole one.
    init(_ body: APIResponseBody) {
        switch body.content {
        case .empty: self.init()
        case .bytes(let buffer): self.init(byteBuffer: buffer)
        case .stream(let stream):
            self.init { writer in
                let bridge = BodyWriterBridge(writer)
                var erased: any APIBodyWriter = bridge
                try await stream(&erased)
                try await bridge.base.finish(nil)
            }
        }
    }
}

/// Hands a stream's buffers to Hummingbird's writer. Used by the one task that writes the response.
final class BodyWriterBridge: APIBodyWriter, @unchecked Sendable {
    var base: any ResponseBodyWriter

    init(_ base: any ResponseBodyWriter) {
        self.base = base
    }

    func write(_ buffer: ByteBuffer) async throws {
        try await base.write(buffer)
    }
}
