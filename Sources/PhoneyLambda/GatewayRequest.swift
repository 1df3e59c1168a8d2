import PhoneyCore

/// An HTTP request as API Gateway hands it to a Lambda function: HTTP API (payload format 2.0) or REST API proxy
/// integration (payload format 1.0).
package struct GatewayRequest: Sendable, Equatable {
    /// The payload format the event came in, and the response must go back in.
    package enum Version: Sendable, Equatable {
        case v1
        case v2
    }

    package var version: Version
    package var method: String
    /// The path without the query, as the client sent it, without an HTTP API stage prefix.
    package var path: String
    /// The query string without `?`, percent-encoded.
    package var query: String
    /// Header fields in order; a name repeats for several values.
    package var headers: [(name: String, value: String)]
    package var body: [UInt8]
    package var sourceIP: String?
    /// True for an Application Load Balancer's event (payload 1.0 with `requestContext.elb`): its response may be
    /// at most 1 MB.
    package var fromLoadBalancer = false

    package static func == (lhs: GatewayRequest, rhs: GatewayRequest) -> Bool {
        lhs.version == rhs.version && lhs.method == rhs.method && lhs.path == rhs.path && lhs.query == rhs.query
            && lhs.headers.elementsEqual(rhs.headers) { $0.name == $1.name && $0.value == $1.value }
            && lhs.body == rhs.body && lhs.sourceIP == rhs.sourceIP && lhs.fromLoadBalancer == rhs.fromLoadBalancer
    }

    /// Limits on the event document: a Lambda payload is at most 6 MB, and API Gateway's events are shallow.
    static let eventLimits = TemplateLimits(maxBytes: 7 << 20, maxDepth: 16, maxNodes: 200_000)

    /// Reads an API Gateway event.
    ///
    /// - Throws: `GatewayEventError` naming what is missing or malformed.
    package static func parse(_ event: UnsafeRawBufferPointer) throws(GatewayEventError) -> GatewayRequest {
        let document: JSONValue
        do {
            document = try JSONValue.parse(event, limits: eventLimits)
        } catch {
            throw GatewayEventError(.invalidJSON, "the event is not valid JSON: \(error.message)", underlying: error)
        }
        guard case .object = document else {
            throw GatewayEventError(.notAnEvent, "the event is not a JSON object, so not an API Gateway proxy event")
        }
        if case .object? = document["requestContext"]?["http"] {
            return try v2(document)
        }
        if document["httpMethod"] != nil {
            return try v1(document)
        }
        throw GatewayEventError(
            .notAnEvent,
            "the event is not an API Gateway proxy event: it has neither `requestContext.http` (HTTP API, payload "
                + "format 2.0) nor `httpMethod` (REST API, payload format 1.0)")
    }

    /// An HTTP API event (payload format 2.0).
    static func v2(_ event: JSONValue) throws(GatewayEventError) -> GatewayRequest {
        let http = event["requestContext"]?["http"]
        let method = try requiredString(http?["method"], "requestContext.http.method")
        let rawPath = try string(event["rawPath"], "rawPath")
        let httpPath = try string(http?["path"], "requestContext.http.path")
        var path = rawPath ?? httpPath ?? "/"
        // A named stage prefixes the raw path (`/prod/template`); the routes know only `/template`.
        if let stage = try string(event["requestContext"]?["stage"], "requestContext.stage"), stage != "$default",
            !stage.isEmpty
        {
            let prefix = "/" + stage
            if path == prefix {
                path = "/"
            } else if path.hasPrefix(prefix + "/") {
                path = String(path.dropFirst(prefix.count))
            }
        }
        var headers = try headerMap(event["headers"], "headers")
        if case .array(let cookies)? = event["cookies"], !cookies.isEmpty {
            var values: [String] = []
            for (index, cookie) in cookies.enumerated() {
                values.append(try requiredString(cookie, "cookies[\(index)]"))
            }
            headers.removeAll { $0.name.lowercased() == "cookie" }
            headers.append((name: "cookie", value: values.joined(separator: "; ")))
        }
        return GatewayRequest(
            version: .v2, method: method, path: path,
            query: try string(event["rawQueryString"], "rawQueryString") ?? "", headers: headers,
            body: try body(event), sourceIP: try string(http?["sourceIp"], "requestContext.http.sourceIp"))
    }

    /// A REST API proxy event (payload format 1.0).
    static func v1(_ event: JSONValue) throws(GatewayEventError) -> GatewayRequest {
        let method = try requiredString(event["httpMethod"], "httpMethod")
        let path = try string(event["path"], "path") ?? "/"
        var headers: [(name: String, value: String)]
        if case .object(let members)? = event["multiValueHeaders"], !members.isEmpty {
            headers = []
            for (name, values) in members {
                guard case .array(let items) = values else {
                    throw GatewayEventError(.invalidField, "`multiValueHeaders.\(name)` must be a list of strings")
                }
                for item in items {
                    headers.append((name: name, value: try requiredString(item, "multiValueHeaders.\(name)[]")))
                }
            }
        } else {
            headers = try headerMap(event["headers"], "headers")
        }
        // API Gateway hands over the query decoded; an ALB passes it as the client sent it, still encoded.
        let fromLoadBalancer = event["requestContext"]?["elb"] != nil
        var query = ""
        func add(_ name: String, _ value: String) {
            if !query.isEmpty { query += "&" }
            query +=
                fromLoadBalancer
                ? name + "=" + value : PercentEncoding.encode(name) + "=" + PercentEncoding.encode(value)
        }
        if case .object(let members)? = event["multiValueQueryStringParameters"], !members.isEmpty {
            for (name, values) in members {
                guard case .array(let items) = values else {
                    throw GatewayEventError(
                        .invalidField, "`multiValueQueryStringParameters.\(name)` must be a list of strings")
                }
                for item in items { add(name, try requiredString(item, "multiValueQueryStringParameters.\(name)[]")) }
            }
        } else if case .object(let members)? = event["queryStringParameters"] {
            for (name, value) in members { add(name, try requiredString(value, "queryStringParameters.\(name)")) }
        }
        var sourceIP = try string(event["requestContext"]?["identity"]?["sourceIp"], "requestContext.identity.sourceIp")
        if fromLoadBalancer, sourceIP == nil,
            let forwarded = headers.last(where: { $0.name.lowercased() == "x-forwarded-for" })?.value
        {
            // The load balancer appends the address it saw to `X-Forwarded-For`; earlier entries are the client's say.
            let last = forwarded.split(separator: ",").last.map { String($0).trimmingWhitespace() } ?? ""
            sourceIP = last.isEmpty ? nil : last
        }
        var request = GatewayRequest(
            version: .v1, method: method, path: path, query: query, headers: headers, body: try body(event),
            sourceIP: sourceIP)
        request.fromLoadBalancer = fromLoadBalancer
        return request
    }

    /// The body, decoded from base64 when `isBase64Encoded` says so.
    static func body(_ event: JSONValue) throws(GatewayEventError) -> [UInt8] {
        guard let text = try string(event["body"], "body") else { return [] }
        let encoded: Bool
        switch event["isBase64Encoded"] {
        case .bool(let flag)?: encoded = flag
        case nil, .null?: encoded = false
        default: throw GatewayEventError(.invalidField, "`isBase64Encoded` must be true or false")
        }
        guard encoded else { return Array(text.utf8) }
        guard let bytes = Base64.decode(text.utf8) else {
            throw GatewayEventError(.invalidBody, "`body` is marked `isBase64Encoded` but is not valid base64")
        }
        return bytes
    }

    /// An object of header names to string values.
    static func headerMap(
        _ value: JSONValue?, _ field: String
    ) throws(GatewayEventError) -> [(
        name: String, value: String
    )] {
        switch value {
        case nil, .null?: return []
        case .object(let members)?:
            var headers: [(name: String, value: String)] = []
            headers.reserveCapacity(members.count)
            for (name, value) in members {
                headers.append((name: name, value: try requiredString(value, "\(field).\(name)")))
            }
            return headers
        default: throw GatewayEventError(.invalidField, "`\(field)` must be an object of strings")
        }
    }

    static func string(_ value: JSONValue?, _ field: String) throws(GatewayEventError) -> String? {
        switch value {
        case nil, .null?: return nil
        case .string(let text)?: return text
        default: throw GatewayEventError(.invalidField, "`\(field)` must be a string")
        }
    }

    static func requiredString(_ value: JSONValue?, _ field: String) throws(GatewayEventError) -> String {
        guard let text = try string(value, field) else {
            throw GatewayEventError(.missingField, "`\(field)` is missing")
        }
        return text
    }
}

/// An event the adapter cannot read as an API Gateway (or ALB) request: what is wrong with it, in words that name
/// the field, and the parser's own error when there was one.
package struct GatewayEventError: Error, CustomStringConvertible {
    /// What kind of problem the event has.
    package enum Code: String, Sendable {
        /// Not JSON at all.
        case invalidJSON = "invalid_json"
        /// JSON, but not the shape of any proxy event (payload 1.0, 2.0 or ALB).
        case notAnEvent = "not_an_event"
        /// A member the event's shape needs is absent.
        case missingField = "missing_field"
        /// A member has the wrong type.
        case invalidField = "invalid_field"
        /// The body is marked base64 but is not.
        case invalidBody = "invalid_body"
    }

    package var code: Code
    package var message: String
    /// The error that caused this one (the JSON parser's), if any.
    package var underlying: (any Error)?

    init(_ code: Code, _ message: String, underlying: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

    package var description: String { message }
}
