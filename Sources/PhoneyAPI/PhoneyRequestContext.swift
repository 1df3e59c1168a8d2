import HTTPTypes
import Hummingbird
import HummingbirdCore
import NIOCore

/// What the Phoney router needs from a transport's request context: the client's address, for rate limiting,
/// and the transport's own limits on a response.
///
/// The HTTP server uses `ServerRequestContext`; another transport (the Lambda adapter) brings its own context
/// that reads the address from its event and sets the limits of its invocation.
package protocol PhoneyRequestContext: RequestContext {
    /// The peer's IP address, when the transport knows it.
    var peerAddress: String? { get }
    /// Limits the transport puts on one response; none for the HTTP server.
    var transport: TransportLimits { get }
}

extension PhoneyRequestContext {
    package var transport: TransportLimits { TransportLimits() }
}

/// What a transport cannot carry: a response larger than a fixed size, or one finished after a deadline.
///
/// A transport with a `responseBytes` limit buffers every response (no streaming); requests whose output would
/// not fit get a 413 that says how to page, before any record is generated. With a `deadline`, generation that
/// would finish after it stops early with a 503 instead of running into the transport's timeout.
package struct TransportLimits: Sendable {
    /// The transport's name in error messages: "over the limit of a Lambda response", "the Lambda invocation".
    package var name: String
    /// Largest response body, counted as the transport encodes it; nil for no limit beyond the configuration.
    package var responseBytes: Int?
    /// Bytes the transport spends per body byte on average when it encodes a body (JSON string escaping), as a
    /// ratio over 1,000, for the estimate made before generating.
    package var encodingPerMille: Int
    /// The monotonic time (`monotonicNanoseconds()`) by which the response must be complete.
    package var deadline: UInt64?

    package init(
        name: String = "HTTP", responseBytes: Int? = nil, encodingPerMille: Int = 1000, deadline: UInt64? = nil
    ) {
        self.name = name
        self.responseBytes = responseBytes
        self.encodingPerMille = encodingPerMille
        self.deadline = deadline
    }

    /// Whether every response must be buffered whole (the transport cannot stream).
    package var buffersResponses: Bool { responseBytes != nil }
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
