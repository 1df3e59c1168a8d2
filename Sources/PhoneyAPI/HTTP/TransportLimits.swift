import PhoneyCore

/// What a request's routes found out that its transport logs once the response is done.
package final class RequestNotes: @unchecked Sendable {
    /// The `template_id` of the template the request rendered. Set and read on the request's own task only.
    package var templateID: String?
    /// The route that answered (`/template`, `/fake/{generator}`), `NotFound` when none did.
    package var route: String?

    package init() {}
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
    /// When the response must be complete.
    package var deadline: Deadline?
    /// What the deadline is and what a client can do about a run stopped at it, in the transport's words: the end
    /// of the 503's message, after "finishing would run past ".
    package var deadlineAdvice: String

    package init(
        name: String = "HTTP", responseBytes: Int? = nil, encodingPerMille: Int = 1000, deadline: Deadline? = nil,
        deadlineAdvice: String =
            "the request's time budget. Ask for fewer records per request and page with `offset` (same `seed`)."
    ) {
        self.name = name
        self.responseBytes = responseBytes
        self.encodingPerMille = encodingPerMille
        self.deadline = deadline
        self.deadlineAdvice = deadlineAdvice
    }

    /// Whether every response must be buffered whole (the transport cannot stream).
    package var buffersResponses: Bool { responseBytes != nil }
}
