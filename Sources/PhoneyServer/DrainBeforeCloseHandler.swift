import NIOCore

/// Holds a connection's close until the writes before it have reached the socket.
///
/// At shutdown Hummingbird closes a connection right after handing its last response part to the pipeline
/// (`writeAndFlush`, then `close`). A stream to a slow reader still has bytes waiting for room in the socket then,
/// and a close fails them: the client lost the end of a stream that the server had finished (the fault check
/// `sigterm-drain` measured about 500 records of 300,000). This handler sits between the HTTP codec and
/// Hummingbird's connection handler and delays such a close until every earlier write has completed (or failed),
/// so what was written is sent; the server's shutdown grace still bounds how long a stalled reader can hold it.
final class DrainBeforeCloseHandler: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = NIOAny

    private var pendingWrites = 0
    private var deferredClose: (mode: CloseMode, promise: EventLoopPromise<Void>?)?

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        pendingWrites += 1
        let written = promise ?? context.eventLoop.makePromise()
        // The promise completes on the channel's event loop, where the handler and its context live.
        let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        written.futureResult.whenComplete { _ in
            let (handler, context) = bound.value
            handler.writeCompleted(context: context)
        }
        context.write(data, promise: written)
    }

    private func writeCompleted(context: ChannelHandlerContext) {
        pendingWrites -= 1
        if pendingWrites == 0, let close = deferredClose {
            deferredClose = nil
            context.close(mode: close.mode, promise: close.promise)
        }
    }

    func close(context: ChannelHandlerContext, mode: CloseMode, promise: EventLoopPromise<Void>?) {
        guard mode == .all, pendingWrites > 0 else {
            context.close(mode: mode, promise: promise)
            return
        }
        if let earlier = deferredClose {
            // A second close while one waits: both complete when the connection closes.
            if let promise { earlier.promise?.futureResult.cascade(to: promise) }
            return
        }
        context.flush()
        deferredClose = (mode, promise)
    }
}
