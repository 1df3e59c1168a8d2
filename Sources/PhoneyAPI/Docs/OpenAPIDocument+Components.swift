import PhoneyCore

extension OpenAPIDocument {
    typealias B = OpenAPIBuilder

    static var seedSchema: JSONValue {
        B.nullable(
            "integer",
            [
                ("minimum", .number("-9223372036854775808")), ("maximum", .number("18446744073709551615")),
                (
                    "description",
                    .string("Seed for reproducible output; a random one is chosen (and returned) when absent")
                ),
            ])
    }

    static func components(config: APIConfig) -> JSONValue {
        .object([
            ("schemas", .object(schemas)),
            (
                "securitySchemes",
                .object([
                    (
                        "bearerAuth",
                        .object([
                            ("type", .string("http")), ("scheme", .string("bearer")), ("bearerFormat", .string("JWT")),
                            ("description", .string("A token from POST /token (OAuth2 password flow)")),
                        ])
                    ),
                    (
                        "apiKeyAuth",
                        .object([
                            ("type", .string("apiKey")), ("in", .string("header")), ("name", .string("X-API-Key")),
                            ("description", .string("Accepted when the server has API_KEY set")),
                        ])
                    ),
                ])
            ),
            (
                "headers",
                .object([
                    ("Retry-After", header("Seconds to wait before the next request")),
                    ("X-RateLimit-Reset", header("Unix time when the window has room again")),
                    ("X-Phoney-Seed", header("The seed the records were generated with")),
                    ("X-Phoney-Count", header("The number of records in the stream")),
                ])
            ),
        ])
    }

    static func header(_ description: String) -> JSONValue {
        .object([("description", .string(description)), ("schema", B.type("string"))])
    }

    static var schemas: [(key: String, value: JSONValue)] {
        [
            (
                "ErrorDetail",
                B.object(
                    [("detail", B.any)], required: ["detail"],
                    description: "An error: `detail` is a message, a list of validation issues or a template failure")
            ),
            (
                "ExportJobRequest",
                B.object(
                    [
                        ("template", B.type("object")),
                        ("count", B.type("integer", [("minimum", .number("1"))])),
                        ("seed", B.nullable("integer")),
                        ("locale", B.nullable("string")),
                        ("format", B.type("string", [("enum", .strings(["json", "csv", "ndjson"]))])),
                        ("gzip", B.type("boolean")),
                        (
                            "shard_records",
                            B.type("integer", [("minimum", .number("1000")), ("maximum", .number("100000000"))])
                        ),
                        ("unique", B.type("boolean")),
                        ("prefix", B.nullable("string")),
                        ("client_token", B.nullable("string")),
                    ], required: ["template", "count"], additional: false)
            ),
            (
                "ExportJobStatus",
                B.object(
                    [
                        ("job_id", B.type("string")), ("status", B.type("string")),
                        ("shards_total", B.type("integer")), ("shards_done", B.type("integer")),
                        ("records", B.type("integer")), ("records_written", B.type("integer")),
                        ("destination", B.type("string")), ("status_url", B.type("string")),
                        ("manifest", B.nullable("string")), ("error", B.type("string")),
                    ], required: ["job_id", "status", "shards_total", "shards_done", "records_written"])
            ),
            (
                "RateLimited",
                B.object([("detail", B.type("string")), ("retry_after", B.type("integer"))], required: ["detail"])
            ),
            (
                "GeneratorNotFound",
                B.object(
                    [("detail", B.type("string")), ("suggestions", B.array(B.type("string")))], required: ["detail"])
            ),
            (
                "Info",
                B.object(
                    [
                        ("name", B.type("string")), ("version", B.type("string")), ("status", B.type("string")),
                        ("documentation", B.type("string")), ("examples", B.type("object")),
                    ], required: ["name", "version", "status"])
            ),
            (
                "Health",
                B.object([("status", B.type("string", [("enum", .strings(["healthy"]))]))], required: ["status"])
            ),
            (
                "FakeResponse",
                B.object(
                    [
                        ("generator", B.type("string")), ("data", B.any), ("count", B.type("integer")),
                        ("locale", B.type("string")), ("seed", B.type("integer")),
                    ], required: ["generator", "data", "count", "locale", "seed"])
            ),
            (
                "FakerResponse",
                B.object(
                    [
                        ("provider", B.type("string")), ("generator", B.type("string")), ("data", B.any),
                        ("count", B.type("integer")), ("locale", B.type("string")), ("seed", B.type("integer")),
                    ], required: ["provider", "generator", "data", "count"])
            ),
            (
                "FakerRequest",
                B.object(
                    [
                        ("provider", B.type("string", [("enum", .strings(Catalog.providers))])),
                        ("generator", B.type("string")),
                        ("locale", B.nullable("string")),
                        ("seed", seedSchema),
                        ("unique", B.type("boolean", [("default", .bool(false))])),
                        (
                            "count",
                            B.type(
                                "integer",
                                [
                                    ("minimum", .integer(1)), ("maximum", .integer(APIConfig.fakeMaxCount)),
                                    ("default", .integer(1)),
                                ])
                        ),
                        (
                            "params",
                            .object([
                                ("type", .strings(["object", "null"])),
                                (
                                    "properties",
                                    .object([
                                        ("args", B.array(B.any)),
                                        ("kwargs", B.type("object")),
                                    ])
                                ),
                            ])
                        ),
                    ], required: ["provider", "generator"])
            ),
            (
                "ProviderInfo",
                B.object(
                    [
                        ("name", B.type("string")), ("url", B.type("string")), ("generator_count", B.type("integer")),
                    ], required: ["name", "url", "generator_count"])
            ),
            (
                "ProviderDetail",
                B.object(
                    [
                        ("provider", B.type("string")), ("generators", B.array(B.type("string"))),
                        (
                            "generator_urls",
                            .object([("type", .string("object")), ("additionalProperties", B.type("string"))])
                        ),
                    ], required: ["provider", "generators", "generator_urls"])
            ),
            (
                "BulkTemplateRequest",
                B.object(
                    [
                        (
                            "template",
                            B.type(
                                "object",
                                [
                                    ("minProperties", .integer(1)),
                                    (
                                        "description",
                                        .string("The record's shape, with {{placeholders}} in string values")
                                    ),
                                ])
                        ),
                        (
                            "count",
                            B.type(
                                "integer",
                                [
                                    ("minimum", .integer(1)), ("default", .integer(1)),
                                    (
                                        "description",
                                        .string(
                                            "Records: at most 1000 on /template, 10000 buffered or MAX_STREAM_COUNT streamed on /api/v1/template/generate"
                                        )
                                    ),
                                ])
                        ),
                        (
                            "locale",
                            B.nullable(
                                "string",
                                [("description", .string("Supported: \(LocaleData.supported.joined(separator: ", "))"))]
                            )
                        ),
                        ("seed", seedSchema),
                        (
                            "format",
                            B.type(
                                "string",
                                [("enum", .strings(["json", "csv", "ndjson"])), ("default", .string("json"))])
                        ),
                        (
                            "streaming",
                            B.type(
                                "boolean",
                                [
                                    ("default", .bool(false)),
                                    ("description", .string("Accepted for compatibility; no effect")),
                                ])
                        ),
                        (
                            "stream",
                            B.type(
                                "boolean",
                                [
                                    ("default", .bool(false)),
                                    ("description", .string("Stream raw records (authenticated endpoint only)")),
                                ])
                        ),
                        (
                            "unique",
                            B.type(
                                "boolean",
                                [
                                    ("default", .bool(false)),
                                    ("description", .string("Every placeholder field unique across the records")),
                                ])
                        ),
                        (
                            "offset",
                            B.type(
                                "integer",
                                [
                                    ("minimum", .integer(0)), ("default", .integer(0)),
                                    ("description", .string("Index of the first record, for pages of one seeded run")),
                                ])
                        ),
                    ], required: ["template"], additional: false)
            ),
            (
                "BulkTemplateResponse",
                B.object(
                    [
                        ("template_id", B.type("string")),
                        ("generated_count", B.type("integer")),
                        ("requested_count", B.type("integer")),
                        ("data", .object([("oneOf", .array([B.array(B.any), B.type("string")]))])),
                        ("format", B.type("string", [("enum", .strings(["json", "csv", "ndjson"]))])),
                        ("locale", B.type("string")),
                        ("seed", B.type("integer")),
                        ("execution_time_ms", B.type("number")),
                        ("warnings", B.array(B.type("string"))),
                    ],
                    required: [
                        "template_id", "generated_count", "requested_count", "data", "format", "locale", "seed",
                        "execution_time_ms", "warnings",
                    ])
            ),
            (
                "TemplateValidationRequest",
                B.object(
                    [
                        ("template", B.type("object")),
                        (
                            "strict",
                            B.type(
                                "boolean",
                                [("default", .bool(false)), ("description", .string("Count warnings as errors"))])
                        ),
                    ], required: ["template"], additional: false)
            ),
            (
                "TemplateValidationResponse",
                B.object(
                    [
                        ("valid", B.type("boolean")), ("errors", B.array(B.ref("TemplateError"))),
                        ("warnings", B.array(B.type("string"))),
                        ("detected_fields", B.array(B.type("object"))), ("estimated_size", B.nullable("integer")),
                    ], required: ["valid", "errors", "warnings", "detected_fields", "estimated_size"])
            ),
            (
                "TemplateError",
                B.object(
                    [
                        ("field", B.type("string")), ("generator", B.type("string")), ("message", B.type("string")),
                        ("suggestions", B.array(B.type("string"))), ("error_type", B.type("string")),
                        ("pointer", B.type("string")), ("offset", B.nullable("integer")),
                    ], required: ["field", "generator", "message", "suggestions", "error_type"])
            ),
            (
                "TokenRequest",
                B.object(
                    [
                        ("username", B.type("string")),
                        ("password", B.type("string", [("format", .string("password"))])),
                        ("grant_type", B.type("string")), ("scope", B.type("string")),
                    ], required: ["username", "password"])
            ),
            (
                "Token",
                B.object(
                    [
                        ("access_token", B.type("string")),
                        ("token_type", B.type("string", [("enum", .strings(["bearer"]))])),
                        ("expires_in", B.type("integer")),
                    ], required: ["access_token", "token_type"])
            ),
        ]
    }
}
