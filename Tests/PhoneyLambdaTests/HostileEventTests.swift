import NIOCore
import PhoneyAPI
import PhoneyCore
import PhoneyTestSupport
import Testing

@testable import PhoneyLambda

/// The hostile-input table through the Lambda adapter: each request as an API Gateway (payload 2.0) event with its
/// body base64-encoded (as API Gateway sends bodies it cannot pass as text), answered with the same status and
/// message as the server gives, none a 5xx and none an invocation error.
struct HostileEventTests {
    static func event(_ request: HostileRequest) -> String {
        let parts = request.path.split(separator: "?", maxSplits: 1)
        var headers: [(key: String, value: JSONValue)] = request.headers.map { ($0.0, .string($0.1)) }
        headers.append(("host", .string("id.execute-api.us-east-1.amazonaws.com")))
        var encoded: [UInt8] = []
        request.body.withUnsafeBytes { Base64.encode($0, to: &encoded) }
        var members: [(key: String, value: JSONValue)] = [
            ("version", .string("2.0")), ("routeKey", .string("$default")), ("rawPath", .string(String(parts[0]))),
            ("rawQueryString", .string(parts.count > 1 ? String(parts[1]) : "")), ("headers", .object(headers)),
            (
                "requestContext",
                .object([
                    (
                        "http",
                        .object([
                            ("method", .string(request.method)), ("path", .string(String(parts[0]))),
                            ("sourceIp", .string("192.0.2.1")),
                        ])
                    ),
                    ("requestId", .string("hostile")), ("stage", .string("$default")),
                ])
            ),
            ("isBase64Encoded", .bool(true)),
        ]
        if !request.body.isEmpty { members.append(("body", .string(String(decoding: encoded, as: UTF8.self)))) }
        return JSONValue.object(members).serialized
    }

    @Test func everyBadRequestGetsItsErrorThroughTheLambda() async throws {
        let app = try await LambdaRuntime.makeApp(
            environment: [
                "ENV_STATE": "test", "API_KEY": HostileRequest.apiKey, "RATE_LIMIT_PER_MINUTE": "0",
                "SECRET_KEY": "hostile-event-tests-secret-key-0123456789abcdef", "MAX_BODY_BYTES": "1048576",
            ],
            remoteSettings: { _ in [:] }, sink: LogSink { _ in }, emit: { _ in })
        for request in HostileRequest.all {
            let outcome = await app.handle(
                Invocation(
                    requestID: "hostile", deadlineMilliseconds: nil, traceID: nil, functionARN: nil,
                    event: ByteBuffer(string: Self.event(request))))
            guard case .response(let bytes) = outcome else {
                Issue.record("\(request.name): the invocation failed: \(outcome)")
                continue
            }
            let document = try JSONValue.parse(
                String(decoding: bytes, as: UTF8.self), limits: TemplateLimits(maxBytes: 64 << 20))
            #expect(document["statusCode"] == .number(String(request.status)), "\(request.name): \(document)")
            guard case .string(let body)? = document["body"] else {
                Issue.record("\(request.name): no body")
                continue
            }
            #expect(
                request.fragment.isEmpty || body.contains(request.fragment),
                "\(request.name): no `\(request.fragment)` in \(body.prefix(300))")
        }
    }
}
