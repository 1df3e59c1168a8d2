import PhoneyCore

/// Small constructors for OpenAPI 3.1 objects, so the document reads as a table of endpoints.
enum OpenAPIBuilder {
    static func ref(_ schema: String) -> JSONValue {
        .object([("$ref", .string("#/components/schemas/\(schema)"))])
    }

    static func json(_ schema: JSONValue) -> JSONValue {
        .object([("application/json", .object([("schema", schema)]))])
    }

    static func response(_ description: String, _ schema: JSONValue? = nil, headers: [String] = []) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("description", .string(description))]
        if let schema { members.append(("content", json(schema))) }
        if !headers.isEmpty {
            members.append(
                ("headers", .object(headers.map { ($0, .object([("$ref", .string("#/components/headers/\($0)"))])) })))
        }
        return .object(members)
    }

    /// The error responses every endpoint can give: 422 for malformed input and 429 from the rate limiter.
    static var common: [(key: String, value: JSONValue)] {
        [
            (
                "422",
                response(
                    "The request is malformed (FastAPI's validation shape) or the template is invalid",
                    ref("ErrorDetail"))
            ),
            (
                "429",
                response(
                    "Too many requests from this address", ref("RateLimited"),
                    headers: ["Retry-After", "X-RateLimit-Reset"])
            ),
        ]
    }

    static func parameter(
        _ name: String, in location: String, _ schema: JSONValue, required: Bool = false, _ description: String
    ) -> JSONValue {
        .object([
            ("name", .string(name)), ("in", .string(location)), ("required", .bool(required)),
            ("description", .string(description)), ("schema", schema),
        ])
    }

    static func operation(
        _ id: String, _ summary: String, tags: [String], description: String? = nil, parameters: [JSONValue] = [],
        body: JSONValue? = nil, secured: Bool = false, responses: [(key: String, value: JSONValue)]
    ) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("operationId", .string(id)), ("summary", .string(summary)), ("tags", .strings(tags)),
        ]
        if let description { members.append(("description", .string(description))) }
        if !parameters.isEmpty { members.append(("parameters", .array(parameters))) }
        if let body { members.append(("requestBody", body)) }
        if secured {
            members.append(
                (
                    "security",
                    .array([.object([("bearerAuth", .array([]))]), .object([("apiKeyAuth", .array([]))])])
                ))
        }
        members.append(("responses", .object(responses)))
        return .object(members)
    }

    static func object(
        _ properties: [(key: String, value: JSONValue)], required: [String] = [], additional: Bool = true,
        description: String? = nil
    ) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("type", .string("object"))]
        if let description { members.append(("description", .string(description))) }
        members.append(("properties", .object(properties)))
        if !required.isEmpty { members.append(("required", .strings(required))) }
        if !additional { members.append(("additionalProperties", .bool(false))) }
        return .object(members)
    }

    static func type(_ name: String, _ extra: [(key: String, value: JSONValue)] = []) -> JSONValue {
        .object([("type", .string(name))] + extra)
    }

    static func nullable(_ name: String, _ extra: [(key: String, value: JSONValue)] = []) -> JSONValue {
        .object([("type", .strings([name, "null"]))] + extra)
    }

    static func array(_ items: JSONValue) -> JSONValue {
        .object([("type", .string("array")), ("items", items)])
    }

    static var any: JSONValue { .object([]) }
}
