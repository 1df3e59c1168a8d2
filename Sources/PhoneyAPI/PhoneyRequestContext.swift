import HTTPTypes
import Hummingbird
import HummingbirdCore
import NIOCore

/// What the Phoney router needs from a transport's request context: the client's address, for rate limiting.
///
/// The HTTP server uses `ServerRequestContext`; another transport (the Lambda adapter) brings its own context
/// that reads the address from its event.
package protocol PhoneyRequestContext: RequestContext {
    /// The peer's IP address, when the transport knows it.
    var peerAddress: String? { get }
}

/// The request context of the NIO-based HTTP server: the peer address comes from the channel.
package struct ServerRequestContext: PhoneyRequestContext {
    package var coreContext: CoreRequestContextStorage
    package let peerAddress: String?

    package init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.peerAddress = source.channel.remoteAddress?.ipAddress
    }
}
