import NIOCore
import PhoneyAPI
import PhoneyCore
import PhoneyLambda

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// One Lambda invocation through the adapter: an API Gateway HTTP API (payload 2.0) event for `POST /template` with
/// the person fixture at count=100, handed to `LambdaApp.handle` as the runtime loop hands it over, with the app
/// `LambdaRuntime.makeApp` builds at init (its JSON log line and metrics line go to closures that drop them).
enum LambdaGate {
    static let workload = GateWorkload(
        name: "lambda-template-count-100",
        summary: "one Lambda invocation, API Gateway v2 event, POST /template person count=100, seed 1"
    ) {
        let body = "{\"template\": \(try GateFixture.person.template()), \"count\": 100, \"seed\": 1}"
        let event = LambdaGate.event(body: body)
        let app = try await LambdaRuntime.makeApp(
            environment: [
                "ENV_STATE": "test", "API_KEY": "gates-api-key-0123456789", "RATE_LIMIT_PER_MINUTE": "0",
                "AWS_LAMBDA_FUNCTION_NAME": "phoney-gates", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "1024",
            ],
            remoteSettings: { _ in [:] }, sink: LogSink { _ in }, emit: { _ in })
        return .async {
            let invocation = Invocation(
                requestID: "gates-request", deadlineMilliseconds: WallClock.milliseconds() + 60_000, traceID: nil,
                functionARN: nil, event: ByteBuffer(string: event))
            guard case .response(let document) = await app.handle(invocation) else {
                fatalError("the invocation failed")
            }
            guard document.starts(with: Array(#"{"statusCode":200"#.utf8)) else {
                fatalError("the invocation answered \(String(decoding: document.prefix(200), as: UTF8.self))")
            }
            return document.count
        }
    }

    /// The event API Gateway sends for the request, with lower-case header names as a real one has.
    static func event(body: String) -> String {
        JSONValue.object([
            ("version", .string("2.0")), ("routeKey", .string("$default")), ("rawPath", .string("/template")),
            ("rawQueryString", .string("")),
            (
                "headers",
                .object([
                    ("content-type", .string("application/json")),
                    ("host", .string("id.execute-api.us-east-1.amazonaws.com")),
                    ("x-forwarded-for", .string("203.0.113.10")),
                ])
            ),
            (
                "requestContext",
                .object([
                    (
                        "http",
                        .object([
                            ("method", .string("POST")), ("path", .string("/template")),
                            ("protocol", .string("HTTP/1.1")), ("sourceIp", .string("203.0.113.10")),
                        ])
                    ),
                    ("requestId", .string("gates-request")), ("routeKey", .string("$default")),
                    ("stage", .string("$default")),
                ])
            ),
            ("body", .string(body)), ("isBase64Encoded", .bool(false)),
        ]).serialized
    }
}
