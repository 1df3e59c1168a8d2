import PhoneyCore

/// The OpenAPI 3.1 description of every endpoint, served at `/openapi.json` and read by `/docs`.
enum OpenAPIDocument {
    static func make(config: APIConfig) -> JSONValue {
        .object([
            ("openapi", .string("3.1.0")),
            (
                "info",
                .object([
                    ("title", .string("Phoney")),
                    ("version", .string(APIVersion.current)),
                    (
                        "description",
                        .string(
                            "Realistic fake data from JSON templates. Every path, field and status code of the "
                                + "original Phoney API works; see /docs.")
                    ),
                ])
            ),
            ("paths", .object(paths(config: config))),
            ("components", components(config: config)),
        ])
    }

    static var generatorParameter: JSONValue {
        B.parameter(
            "generator", in: "path", B.type("string", [("examples", .strings(["name", "email", "phone"]))]),
            required: true, "A generator name or alias (exact, case-insensitive)")
    }

    static var fakeQuery: [JSONValue] {
        [
            B.parameter(
                "count", in: "query",
                B.type(
                    "integer",
                    [("minimum", .integer(1)), ("maximum", .integer(APIConfig.fakeMaxCount)), ("default", .integer(1))]),
                "Number of values; `data` is a single value when 1"),
            B.parameter("locale", in: "query", B.type("string"), "Locale of the data (default en_US)"),
            B.parameter(
                "seed", in: "query",
                B.type(
                    "integer",
                    [("minimum", .number("-9223372036854775808")), ("maximum", .number("18446744073709551615"))]),
                "Seed for reproducible values; a random one is returned when absent"),
        ]
    }

    static func fake(_ id: String) -> JSONValue {
        .object([
            (
                "get",
                B.operation(
                    id, "One generator's values", tags: ["simple"], parameters: [generatorParameter] + fakeQuery,
                    responses: [
                        ("200", B.response("The values", B.ref("FakeResponse"))),
                        ("404", B.response("Unknown generator, with suggestions", B.ref("GeneratorNotFound"))),
                    ] + B.common)
            )
        ])
    }

    static func generators(_ id: String) -> JSONValue {
        .object([
            (
                "get",
                B.operation(
                    id, "Sorted generator names", tags: ["simple"],
                    responses: [("200", B.response("Generator names", B.array(B.type("string"))))] + B.common)
            )
        ])
    }

    static var bulkBody: JSONValue {
        .object([("required", .bool(true)), ("content", B.json(B.ref("BulkTemplateRequest")))])
    }

    static func examples(_ id: String) -> JSONValue {
        .object([
            (
                "get",
                B.operation(
                    id, "Example templates and a syntax guide", tags: ["templates"],
                    responses: [("200", B.response("Examples", B.type("object")))] + B.common)
            )
        ])
    }

    static func paths(config: APIConfig) -> [(key: String, value: JSONValue)] {
        let providerParameter = B.parameter(
            "provider", in: "path", B.type("string", [("enum", .strings(Catalog.providers))]), required: true,
            "A provider name")
        let unauthorized = ("401", B.response("Missing, invalid or expired credentials", B.ref("ErrorDetail")))
        return [
            (
                "/",
                .object([
                    (
                        "get",
                        B.operation(
                            "root", "API information", tags: ["status"],
                            responses: [("200", B.response("Information", B.ref("Info")))] + B.common)
                    )
                ])
            ),
            (
                "/health",
                .object([
                    (
                        "get",
                        B.operation(
                            "health", "Health check (never rate-limited)", tags: ["status"],
                            responses: [("200", B.response("Healthy", B.ref("Health")))])
                    )
                ])
            ),
            ("/fake/{generator}", fake("fake")),
            ("/api/v1/fake/{generator}", fake("fakeV1")),
            ("/generators", generators("generators")),
            ("/api/v1/generators", generators("generatorsV1")),
            (
                "/template",
                .object([
                    (
                        "post",
                        B.operation(
                            "template", "Bulk generation without authentication (count ≤ 1000)",
                            tags: ["simple", "templates"], body: bulkBody,
                            responses: [
                                (
                                    "200",
                                    B.response("The records in the Phoney envelope", B.ref("BulkTemplateResponse"))
                                ),
                                (
                                    "400",
                                    B.response(
                                        "Count over 1000, a stream request, or output over the size limit",
                                        B.ref("ErrorDetail"))
                                ),
                                ("413", B.response("Request body over MAX_BODY_BYTES", B.ref("ErrorDetail"))),
                            ] + B.common)
                    )
                ])
            ),
            ("/template/examples", examples("templateExamples")),
            ("/api/v1/template/examples", examples("templateExamplesV1")),
            (
                "/token",
                .object([
                    (
                        "post",
                        B.operation(
                            "token", "OAuth2 password flow: a bearer token", tags: ["authentication"],
                            body: .object([
                                ("required", .bool(true)),
                                (
                                    "content",
                                    .object([
                                        (
                                            "application/x-www-form-urlencoded",
                                            .object([("schema", B.ref("TokenRequest"))])
                                        )
                                    ])
                                ),
                            ]),
                            responses: [
                                ("200", B.response("A token", B.ref("Token"))),
                                ("401", B.response("Incorrect username or password", B.ref("ErrorDetail"))),
                            ] + B.common)
                    )
                ])
            ),
            (
                "/api/v1/providers",
                .object([
                    (
                        "get",
                        B.operation(
                            "providers", "Providers and their generator counts", tags: ["providers"],
                            responses: [("200", B.response("Providers", B.array(B.ref("ProviderInfo"))))] + B.common)
                    )
                ])
            ),
            (
                "/api/v1/provider/{provider}",
                .object([
                    (
                        "get",
                        B.operation(
                            "provider", "A provider's generators", tags: ["providers"], parameters: [providerParameter],
                            responses: [
                                ("200", B.response("The provider", B.ref("ProviderDetail"))),
                                ("404", B.response("Unknown provider", B.ref("GeneratorNotFound"))),
                            ] + B.common)
                    )
                ])
            ),
            (
                "/api/v1/provider/{provider}/{generator}",
                .object([
                    (
                        "get",
                        B.operation(
                            "providerGenerator", "Values of one generator of a provider", tags: ["providers"],
                            parameters: [providerParameter, generatorParameter] + fakeQuery,
                            responses: [
                                ("200", B.response("The values", B.ref("FakerResponse"))),
                                ("404", B.response("Unknown provider or generator", B.ref("GeneratorNotFound"))),
                            ] + B.common)
                    )
                ])
            ),
            (
                "/api/v1/generate",
                .object([
                    (
                        "post",
                        B.operation(
                            "generate", "One generator with arguments", tags: ["providers"],
                            body: .object([("required", .bool(true)), ("content", B.json(B.ref("FakerRequest")))]),
                            secured: true,
                            responses: [
                                ("200", B.response("The values", B.ref("FakerResponse"))), unauthorized,
                                ("404", B.response("Unknown provider or generator", B.ref("GeneratorNotFound"))),
                                ("413", B.response("Request body over MAX_BODY_BYTES", B.ref("ErrorDetail"))),
                            ] + B.common)
                    )
                ])
            ),
            (
                "/api/v1/template/generate",
                .object([
                    (
                        "post",
                        B.operation(
                            "templateGenerate", "Bulk generation, buffered (count ≤ 10000) or streamed",
                            tags: ["templates"],
                            description:
                                "Send `Accept: application/x-ndjson` or `Accept: text/csv`, or `\"stream\": true`, to "
                                + "receive the raw records as a chunked stream of up to MAX_STREAM_COUNT "
                                + "(\(config.maxStreamCount)) records; the seed is then in the X-Phoney-Seed header.",
                            body: bulkBody, secured: true,
                            responses: [
                                (
                                    "200",
                                    .object([
                                        ("description", .string("The envelope, or a stream of raw records")),
                                        (
                                            "headers",
                                            .object([
                                                (
                                                    "X-Phoney-Seed",
                                                    .object([("$ref", .string("#/components/headers/X-Phoney-Seed"))])
                                                ),
                                                (
                                                    "X-Phoney-Count",
                                                    .object([("$ref", .string("#/components/headers/X-Phoney-Count"))])
                                                ),
                                            ])
                                        ),
                                        (
                                            "content",
                                            .object([
                                                (
                                                    "application/json",
                                                    .object([("schema", B.ref("BulkTemplateResponse"))])
                                                ),
                                                ("application/x-ndjson", .object([("schema", B.type("string"))])),
                                                ("text/csv", .object([("schema", B.type("string"))])),
                                            ])
                                        ),
                                    ])
                                ),
                                ("400", B.response("Output over the buffered size limit", B.ref("ErrorDetail"))),
                                unauthorized,
                                ("413", B.response("Request body over MAX_BODY_BYTES", B.ref("ErrorDetail"))),
                            ] + B.common)
                    )
                ])
            ),
            (
                "/api/v1/template/validate",
                .object([
                    (
                        "post",
                        B.operation(
                            "templateValidate", "Check a template without generating (always 200 for a template)",
                            tags: ["templates"],
                            body: .object([
                                ("required", .bool(true)), ("content", B.json(B.ref("TemplateValidationRequest"))),
                            ]),
                            responses: [
                                ("200", B.response("The report", B.ref("TemplateValidationResponse"))),
                                ("413", B.response("Request body over MAX_BODY_BYTES", B.ref("ErrorDetail"))),
                            ] + B.common)
                    )
                ])
            ),
            (
                "/api/v1/jobs",
                .object([
                    (
                        "post",
                        B.operation(
                            "exportJobStart", "Start an export job: shards in the deployment's S3 bucket",
                            tags: ["exports"],
                            description:
                                "On the AWS deployment only (elsewhere 404: export with `phoney export`). The records are "
                                + "rendered as shards by a Step Functions Distributed Map and written with a manifest; the "
                                + "same `client_token` returns the same job.",
                            body: .object([("required", .bool(true)), ("content", B.json(B.ref("ExportJobRequest")))]),
                            secured: true,
                            responses: [
                                ("202", B.response("The job started", B.ref("ExportJobStatus"))),
                                (
                                    "200",
                                    B.response("The job its client token started before", B.ref("ExportJobStatus"))
                                ),
                                unauthorized,
                                ("404", B.response("Export jobs are not configured here", B.ref("ErrorDetail"))),
                                ("409", B.response("The client token was used for another job", B.ref("ErrorDetail"))),
                                ("413", B.response("Request body over MAX_BODY_BYTES", B.ref("ErrorDetail"))),
                            ] + B.common)
                    )
                ])
            ),
            (
                "/api/v1/jobs/{id}",
                .object([
                    (
                        "get",
                        B.operation(
                            "exportJobStatus", "An export job's state and progress", tags: ["exports"],
                            parameters: [
                                B.parameter("id", in: "path", B.type("string"), required: true, "The job id")
                            ],
                            secured: true,
                            responses: [
                                ("200", B.response("The job", B.ref("ExportJobStatus"))),
                                unauthorized,
                                (
                                    "404",
                                    B.response("No such job, or jobs are not configured here", B.ref("ErrorDetail"))
                                ),
                            ] + B.common)
                    )
                ])
            ),
            (
                "/openapi.json",
                .object([
                    (
                        "get",
                        B.operation(
                            "openapi", "This document", tags: ["documentation"],
                            responses: [("200", B.response("OpenAPI 3.1", B.type("object")))] + B.common)
                    )
                ])
            ),
            (
                "/docs",
                .object([
                    (
                        "get",
                        B.operation(
                            "docs", "Interactive documentation (self-contained HTML)", tags: ["documentation"],
                            responses: [
                                (
                                    "200",
                                    .object([
                                        ("description", .string("HTML page")),
                                        ("content", .object([("text/html", .object([("schema", B.type("string"))]))])),
                                    ])
                                )
                            ] + B.common)
                    )
                ])
            ),
            (
                "/metrics",
                .object([
                    (
                        "get",
                        B.operation(
                            "metrics", "Prometheus metrics (never rate-limited)", tags: ["status"],
                            responses: [
                                (
                                    "200",
                                    .object([
                                        ("description", .string("Prometheus text format")),
                                        ("content", .object([("text/plain", .object([("schema", B.type("string"))]))])),
                                    ])
                                ),
                                ("404", B.response("Not served by this transport", B.ref("ErrorDetail"))),
                            ])
                    )
                ])
            ),
        ]
    }
}
