import Logging

/// What a transport tells the router about a request beyond the request itself, and what the router adds on the
/// way in (the route's pattern and path parameters).
package struct APIContext: Sendable {
    /// The request's logger: its `hb.request.id` metadata is the request id the log styles write.
    package var logger: Logger
    /// The request's id: echoed in `X-Request-ID` unless the client sent a usable one.
    package var requestID: String
    /// The peer's IP address, when the transport knows it.
    package var peerAddress: String?
    /// Limits the transport puts on one response; none for the HTTP server.
    package var transport: TransportLimits
    /// Where the routes note what a transport logs per request beyond the access log (the template id), when the
    /// transport writes its own request line; nil for the HTTP server.
    package var notes: RequestNotes?
    /// Whether `ObserveMiddleware` writes the access-log line; a transport that writes its own (the Lambda, once
    /// the response is complete) says no.
    package var writesAccessLog: Bool
    /// The pattern of the route that answers (`/fake/{generator}`); nil when none does.
    package internal(set) var endpointPath: String?
    /// The route's path parameters, as written in the path.
    package internal(set) var parameters: PathParameters

    package init(
        logger: Logger, requestID: String, peerAddress: String? = nil, transport: TransportLimits = TransportLimits(),
        notes: RequestNotes? = nil, writesAccessLog: Bool = true
    ) {
        self.logger = logger
        self.requestID = requestID
        self.peerAddress = peerAddress
        self.transport = transport
        self.notes = notes
        self.writesAccessLog = writesAccessLog
        self.endpointPath = nil
        self.parameters = PathParameters()
    }
}

/// The values of a route's `{name}` path components.
package struct PathParameters: Sendable {
    var values: [(name: String, value: Substring)] = []

    package init() {}

    /// The value as written in the path, or nil when the route has no such parameter.
    package func get(_ name: String) -> String? {
        values.first { $0.name == name }.map { String($0.value) }
    }

    /// A path parameter percent-decoded, as FastAPI hands it to a route (`/fake/e%6Dail` is `email`); the text
    /// as written when it does not decode to UTF-8.
    func decoded(_ name: String) -> String {
        guard let raw = get(name) else { return "" }
        guard raw.utf8.contains(UInt8(ascii: "%")) else { return raw }
        return FormBody.decode(raw[...], plusIsSpace: false) ?? raw
    }
}
