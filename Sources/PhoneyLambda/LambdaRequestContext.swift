import Hummingbird
import Logging
import PhoneyAPI

/// What the Lambda adapter knows about a request beyond the request itself: the invocation's logger, the
/// client's address from the event, and the limits of a Lambda response.
package struct LambdaContextSource: RequestContextSource {
    package let logger: Logger
    let sourceIP: String?
    let transport: TransportLimits
    let notes: RequestNotes
}

/// The request context of a request that came in as an API Gateway event.
package struct LambdaRequestContext: PhoneyRequestContext {
    package typealias Source = LambdaContextSource

    package var coreContext: CoreRequestContextStorage
    package let peerAddress: String?
    package let transport: TransportLimits
    package let notes: RequestNotes?
    /// `LambdaApp` writes the request line itself, once the response is complete and its records are counted.
    package var writesAccessLog: Bool { false }

    package init(source: LambdaContextSource) {
        self.coreContext = .init(source: source)
        self.peerAddress = source.sourceIP
        self.transport = source.transport
        self.notes = source.notes
    }
}
