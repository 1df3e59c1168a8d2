import HTTPTypes
import HummingbirdCore
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import PhoneyAPI
import PhoneyCore

/// Answers a request the HTTP parser cannot read (a header block over the limit, a malformed request line or
/// header) the way every other error is answered: a JSON `detail` saying what was wrong, the security headers, and
/// `Connection: close`; instead of Hummingbird's bare `400` with an empty body.
///
/// It sits after the HTTP codec, takes the parser's error before Hummingbird's connection loop sees it, writes the
/// response and closes the connection (the parser cannot go on after an error).
final class ProtocolErrorHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias OutboundOut = HTTPResponsePart

    private var answered = false
    /// Between a request's head and its end: a parser error there is in the body, which the route reading it
    /// reports itself ("Malformed request body: …"), so it is passed on.
    private var inBody = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !answered else { return }
        switch unwrapInboundIn(data) {
        case .head: inBody = true
        case .end: inBody = false
        case .body: break
        }
        context.fireChannelRead(data)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parserError = error as? HTTPParserError, !inBody else {
            context.fireErrorCaught(error)
            return
        }
        guard !answered else { return }
        answered = true
        let (status, detail) = Self.answer(for: parserError)
        var json: [UInt8] = Array(#"{"detail":"#.utf8)
        JSONValue.appendQuoted(detail, to: &json)
        json.append(UInt8(ascii: "}"))
        let body = ByteBuffer(bytes: json)
        var fields = HTTPFields(SecurityHeaders.fixed)
        fields.append(SecurityHeaders.apiPolicy)
        fields[.contentType] = "application/json"
        fields[.contentLength] = String(body.readableBytes)
        fields[.connection] = "close"
        context.write(wrapOutboundOut(.head(HTTPResponse(status: status, headerFields: fields))), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
            context.close(promise: nil)
        }
    }

    /// The status and the message for a parser error.
    static func answer(for error: HTTPParserError) -> (HTTPResponse.Status, String) {
        switch error {
        case .headerOverflow:
            return (
                .init(code: 431, reasonPhrase: "Request Header Fields Too Large"),
                "The request's header block is larger than the server accepts; send fewer or shorter headers."
            )
        case .invalidURL:
            return (.badRequest, "The request target (the URL) is not valid HTTP.")
        case .invalidMethod, .unknown:
            return (.badRequest, "The request line is not valid HTTP (method, target and version).")
        default:
            return (.badRequest, "The request is not valid HTTP/1.1: \(error).")
        }
    }
}
