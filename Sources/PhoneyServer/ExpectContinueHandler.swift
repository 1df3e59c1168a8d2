import HTTPTypes
import HummingbirdCore
import NIOCore
import NIOHTTPTypes

/// Answers a request's `Expect: 100-continue` with `100 Continue`, so the client sends its body at once.
///
/// Hummingbird does not answer it, and a client that asks (libcurl does for large bodies, and so do PHP's curl and
/// others) then waits about a second before sending the body anyway. The original's server (uvicorn) answers it.
/// A body declared larger than the limit gets no `100 Continue`: the route answers 413 without waiting for it.
final class ExpectContinueHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundOut = HTTPResponsePart

    let maxBodyBytes: Int

    init(maxBodyBytes: Int) {
        self.maxBodyBytes = maxBodyBytes
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data), let expect = head.headerFields[.expect] else {
            context.fireChannelRead(data)
            return
        }
        if expect.lowercased() == "100-continue" {
            head.headerFields[.expect] = nil
            let declared = head.headerFields[.contentLength].flatMap { Int($0) }
            if declared.map({ $0 <= maxBodyBytes }) ?? true {
                context.writeAndFlush(wrapOutboundOut(.head(HTTPResponse(status: .continue))), promise: nil)
            }
        }
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }
}
