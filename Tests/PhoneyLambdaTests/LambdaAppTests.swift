import NIOCore
import PhoneyAPI
import PhoneyCore
import Synchronization
import Testing

@testable import PhoneyLambda

#if canImport(Glibc)
    import Glibc
#endif

/// The handler end to end in process: events through the shared router and back as API Gateway documents.
/// Serialized: invocations set and clear the process-wide `_X_AMZN_TRACE_ID`.
@Suite(.serialized) struct LambdaAppTests {
    static let apiKey = "test-api-key-0123456789"

    /// An app with a test configuration, its log lines and EMF lines collected.
    /// Lines written by the app, kept for the test.
    final class Lines: Sendable {
        private let lines = Mutex<[String]>([])

        func append(_ bytes: [UInt8]) {
            lines.withLock { $0.append(String(decoding: bytes, as: UTF8.self)) }
        }

        var all: [String] { lines.withLock { $0 } }
    }

    final class Harness: Sendable {
        let app: LambdaApp
        let logs = Lines()
        let metricLines = Lines()

        init(environment extra: [String: String] = [:]) async throws {
            var environment = [
                "ENV_STATE": "test", "API_KEY": LambdaAppTests.apiKey, "RATE_LIMIT_PER_MINUTE": "0",
                "AWS_LAMBDA_FUNCTION_NAME": "phoney-test", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "256",
            ]
            environment.merge(extra) { _, new in new }
            let logs = self.logs
            let metricLines = self.metricLines
            app = try await LambdaRuntime.makeApp(
                environment: environment, remoteSettings: { _ in [:] },
                sink: LogSink { logs.append($0) }, emit: { metricLines.append($0) })
        }

        func invoke(_ event: String, id: String = "req-1", deadline: Int64? = nil) async -> LambdaApp.Outcome {
            await app.handle(
                Invocation(
                    requestID: id, deadlineMilliseconds: deadline, traceID: nil, functionARN: nil,
                    event: ByteBuffer(string: event)))
        }

        /// The response document of a successful invocation.
        func respond(_ event: String, id: String = "req-1", deadline: Int64? = nil) async throws -> JSONValue {
            let outcome = await invoke(event, id: id, deadline: deadline)
            guard case .response(let bytes) = outcome else {
                Issue.record("expected a response, got \(outcome)")
                return .null
            }
            return try JSONValue.parse(String(decoding: bytes, as: UTF8.self), limits: LambdaAppTests.large)
        }

        var lastMetrics: JSONValue? {
            metricLines.all.last.flatMap { try? JSONValue.parse($0) }
        }
    }

    static func body(_ document: JSONValue) throws -> JSONValue {
        guard case .string(let text)? = document["body"] else { return .null }
        return try JSONValue.parse(text, limits: large)
    }

    static let large = TemplateLimits(maxBytes: 16 << 20, maxDepth: 64, maxNodes: 2_000_000)

    static let person = #"{"name":"{{name}}","email":"{{email}}","age":"{{random_int:min=18,max=90}}"}"#

    @Test func templateRequestReturnsTheRecordsAndOneMetricLine() async throws {
        let harness = try await Harness()
        let event = Event.v2(
            "POST", "/template", headers: ["content-type": "application/json"],
            body: #"{"template":\#(Self.person),"count":100,"seed":7}"#)
        let document = try await harness.respond(event, id: "inv-1")
        #expect(document["statusCode"] == .number("200"))
        #expect(document["headers"]?["x-request-id"] == .string("inv-1"))
        let body = try Self.body(document)
        guard case .array(let records)? = body["data"] else {
            Issue.record("no data in \(body)")
            return
        }
        #expect(records.count == 100)
        #expect(body["seed"] == .number("7"))
        let metrics = try #require(harness.lastMetrics)
        #expect(metrics["RecordsGenerated"] == .number("100"))
        #expect(metrics["PlanCacheHit"] == .number("0"))
        #expect(metrics["function_request_id"] == .string("inv-1"))
        #expect(metrics["function_name"] == .string("phoney-test"))
        #expect(metrics["service"] == .string("phoney"))
        // The same template again comes from the plan cache, and the same seed gives the same records.
        let again = try await harness.respond(event, id: "inv-2")
        #expect(try Self.body(again)["data"] == body["data"])
        #expect(harness.lastMetrics?["PlanCacheHit"] == .number("1"))
        // One request line per invocation, in the shape Powertools writes: typed fields, the invocation's ids, the
        // template and the records it made; only the first invocation is a cold start.
        let lines = harness.logs.all.filter { $0.contains("\"message\":\"request\"") }
        #expect(lines.count == 2)
        let first = try JSONValue.parse(try #require(lines.first))
        #expect(first["level"] == .string("INFO"))
        #expect(first["service"] == .string("phoney"))
        #expect(first["cold_start"] == .bool(true))
        #expect(first["function_name"] == .string("phoney-test"))
        #expect(first["function_memory_size"] == .number("256"))
        #expect(first["function_request_id"] == .string("inv-1"))
        #expect(first["route"] == .string("/template"))
        #expect(first["status"] == .number("200"))
        #expect(first["records_generated"] == .number("100"))
        guard case .string(let templateID)? = first["template_id"] else {
            Issue.record("no template_id in \(first)")
            return
        }
        #expect(templateID.utf8.count == 16)
        guard case .string(let timestamp)? = first["timestamp"] else {
            Issue.record("no timestamp in \(first)")
            return
        }
        #expect(timestamp.hasSuffix("Z") && timestamp.utf8.count == 24)
        let second = try JSONValue.parse(lines[1])
        #expect(second["cold_start"] == .bool(false))
        #expect(second["function_request_id"] == .string("inv-2"))
        #expect(second["template_id"] == first["template_id"])
        // The ColdStart metric once, before the first invocation's metrics.
        let coldStarts = harness.metricLines.all.filter { $0.contains(#""ColdStart":1"#) }
        #expect(coldStarts.count == 1)
    }

    @Test func logLinesCarryTheTraceIDAndTheServiceName() async throws {
        let harness = try await Harness(environment: ["POWERTOOLS_SERVICE_NAME": "phoney-dev"])
        _ = await harness.app.handle(
            Invocation(
                requestID: "inv-9", deadlineMilliseconds: nil, traceID: "Root=1-5759e988-bd862e3fe1be46a994272793",
                functionARN: "arn:aws:lambda:us-east-1:123456789012:function:phoney-dev:live",
                event: ByteBuffer(string: Event.v2("GET", "/health"))))
        let line = try #require(harness.logs.all.first { $0.contains("\"message\":\"request\"") })
        let json = try JSONValue.parse(line)
        #expect(json["service"] == .string("phoney-dev"))
        #expect(json["xray_trace_id"] == .string("Root=1-5759e988-bd862e3fe1be46a994272793"))
        #expect(json["function_arn"] == .string("arn:aws:lambda:us-east-1:123456789012:function:phoney-dev:live"))
        #expect(json["template_id"] == nil)
        #expect(json["records_generated"] == .number("0"))
        #expect(harness.lastMetrics?["service"] == .string("phoney-dev"))
    }

    @Test func restEventGetsARestResponse() async throws {
        let harness = try await Harness()
        let event = """
            {"resource":"/{proxy+}","path":"/fake/name","httpMethod":"GET","headers":{"Accept":"application/json"},
             "multiValueQueryStringParameters":{"count":["3"],"seed":["1"]},
             "requestContext":{"identity":{"sourceIp":"198.51.100.1"}},"body":null,"isBase64Encoded":false}
            """
        let document = try await harness.respond(event)
        #expect(document["statusCode"] == .number("200"))
        #expect(document["multiValueHeaders"]?["content-type"] == .array([.string("application/json")]))
        // `headers` as well, for an ALB target group without multi-value headers.
        #expect(document["headers"]?["content-type"] == .string("application/json"))
    }

    @Test func authenticatedRouteRefusesWithoutCredentialsAndAcceptsTheKey() async throws {
        let harness = try await Harness()
        let body = #"{"template":\#(Self.person),"count":5}"#
        let refused = try await harness.respond(
            Event.v2("POST", "/api/v1/template/generate", headers: ["content-type": "application/json"], body: body))
        #expect(refused["statusCode"] == .number("401"))
        let accepted = try await harness.respond(
            Event.v2(
                "POST", "/api/v1/template/generate",
                headers: ["content-type": "application/json", "x-api-key": Self.apiKey], body: body))
        #expect(accepted["statusCode"] == .number("200"))
        // The key never reaches a log line.
        #expect(!harness.logs.all.contains { $0.contains(Self.apiKey) })
    }

    @Test func streamRequestsAreAnsweredWhole() async throws {
        let harness = try await Harness()
        let document = try await harness.respond(
            Event.v2(
                "POST", "/api/v1/template/generate",
                headers: [
                    "content-type": "application/json", "x-api-key": Self.apiKey, "accept": "application/x-ndjson",
                ],
                body: #"{"template":\#(Self.person),"count":250,"seed":3}"#))
        #expect(document["statusCode"] == .number("200"))
        #expect(document["headers"]?["content-type"] == .string("application/x-ndjson"))
        #expect(document["headers"]?["x-phoney-count"] == .string("250"))
        guard case .string(let text)? = document["body"] else {
            Issue.record("no body")
            return
        }
        let lines = text.split(separator: "\n")
        #expect(lines.count == 250)
        for line in lines { _ = try JSONValue.parse(String(line)) }
    }

    @Test func oversizedRequestGets413WithPagingAdviceBeforeAnyRecordIsMade() async throws {
        let harness = try await Harness()
        let template = #"{"bio":"{{text:max_nb_chars=1500}}","name":"{{name}}","address":"{{address}}"}"#
        let document = try await harness.respond(
            Event.v2(
                "POST", "/api/v1/template/generate",
                headers: ["content-type": "application/json", "x-api-key": Self.apiKey],
                body: #"{"template":\#(template),"count":10000,"seed":5,"offset":20}"#))
        #expect(document["statusCode"] == .number("413"))
        let body = try Self.body(document)
        guard case .string(let detail)? = body["detail"], case .number(let fitting)? = body["max_count_per_request"],
            let perRequest = Int(fitting)
        else {
            Issue.record("413 without paging advice: \(body)")
            return
        }
        #expect(detail.contains("offset"))
        #expect(detail.contains("Lambda"))
        #expect(perRequest > 100 && perRequest < 10000)
        #expect(body["next_offset"] == .number(String(20 + perRequest)))
        #expect(harness.lastMetrics?["RecordsGenerated"] == .number("0"))
        // The advised page size fits.
        let page = try await harness.respond(
            Event.v2(
                "POST", "/api/v1/template/generate",
                headers: ["content-type": "application/json", "x-api-key": Self.apiKey],
                body: #"{"template":\#(template),"count":\#(perRequest),"seed":5,"offset":20}"#))
        #expect(page["statusCode"] == .number("200"))
    }

    /// An ALB takes at most 1 MB from a Lambda target: past that the request is a 413 that says so, below it the
    /// query, still percent-encoded as an ALB passes it, is read as the server reads it.
    @Test func loadBalancerResponsesStayUnderOneMegabyte() async throws {
        let harness = try await Harness()
        func event(_ body: String) -> String {
            JSONValue.object([
                ("requestContext", .object([("elb", .object([("targetGroupArn", .string("arn:tg"))]))])),
                ("httpMethod", .string("POST")), ("path", .string("/api/v1/template/generate")),
                (
                    "headers",
                    .object([
                        ("content-type", .string("application/json")), ("x-api-key", .string(Self.apiKey)),
                        ("accept", .string("application/x-ndjson")), ("x-forwarded-for", .string("203.0.113.5")),
                    ])
                ),
                ("body", .string(body)), ("isBase64Encoded", .bool(false)),
            ]).serialized
        }
        let template = #"{"t":"{{text:max_nb_chars=1000}}"}"#
        let big = try await harness.respond(event(#"{"template":\#(template),"count":2000,"seed":1}"#))
        #expect(big["statusCode"] == .number("413"))
        let refusal = try Self.body(big)
        guard case .string(let detail)? = refusal["detail"],
            case .number(let fitting)? = refusal["max_count_per_request"]
        else {
            Issue.record("413 without paging advice: \(refusal)")
            return
        }
        #expect(detail.contains("load-balanced Lambda"), "\(detail)")
        let page = try await harness.respond(event(#"{"template":\#(template),"count":\#(fitting),"seed":1}"#))
        #expect(page["statusCode"] == .number("200"))
        if case .string(let text)? = page["body"] { #expect(text.utf8.count < 1_048_576) }
        let encoded = try await harness.respond(
            """
            {"requestContext":{"elb":{"targetGroupArn":"arn:tg"}},"httpMethod":"GET","path":"/fake/email",
             "queryStringParameters":{"count":"%35","seed":"1+"},"headers":{"x-forwarded-for":"203.0.113.5"},
             "body":"","isBase64Encoded":false}
            """)
        #expect(encoded["statusCode"] == .number("200"))
        let values = try Self.body(encoded)
        guard case .array(let data)? = values["data"] else {
            Issue.record("no data: \(values)")
            return
        }
        #expect(data.count == 5)
        #expect(values["seed"] == .number("1"))
    }

    @Test func generationThatWouldOverrunTheDeadlineStopsWith503() async throws {
        let harness = try await Harness()
        let template = #"{"text":"{{sentence}}","name":"{{name}}"}"#
        // 100 ms left, all of them kept back for the response: no time to generate, so the run stops before its
        // first chunk whatever the machine's speed (the engine checks the deadline before each chunk; the output,
        // about 1 MB, would be far below the size limit).
        let document = try await harness.respond(
            Event.v2(
                "POST", "/api/v1/template/generate",
                headers: [
                    "content-type": "application/json", "x-api-key": Self.apiKey, "accept": "application/x-ndjson",
                ],
                body: #"{"template":\#(template),"count":10000,"seed":11}"#),
            deadline: WallClock.milliseconds() + 100)
        #expect(document["statusCode"] == .number("503"))
        let body = try Self.body(document)
        guard case .number(let made)? = body["generated_before_stop"], let count = Int(made) else {
            Issue.record("503 without progress: \(body)")
            return
        }
        #expect(count == 0)
        // Where to go on: the next record, with the same seed.
        #expect(body["next_offset"] == .number(String(count)))
        #expect(body["seed"] == .number("11"))
        guard case .string(let detail)? = body["detail"] else { return }
        #expect(detail.contains("deadline of the Lambda invocation (the function's timeout)"))
    }

    /// One record of 100 MB cannot fit a Lambda response whatever the page size: a 413 that says so, reached by
    /// halting the render inside that record (once it passes the 6 MB limit).
    @Test func aRecordLargerThanAResponseIsA413ThatSaysNoPageFits() async throws {
        let harness = try await Harness()
        let document = try await harness.respond(
            Event.v2(
                "POST", "/template", headers: ["content-type": "application/json"],
                body: #"{"template":{"t":"{{texts:nb_texts=1000,max_nb_chars=100000}}"},"count":3,"seed":2}"#))
        #expect(document["statusCode"] == .number("413"))
        guard case .string(let detail)? = try Self.body(document)["detail"] else {
            Issue.record("no detail: \(document)")
            return
        }
        #expect(detail.contains("One record of this template is larger than"), "\(detail)")
    }

    @Test func aDeadlineWithTimeToSpareChangesNothing() async throws {
        let harness = try await Harness()
        let document = try await harness.respond(
            Event.v2(
                "POST", "/template", headers: ["content-type": "application/json"],
                body: #"{"template":\#(Self.person),"count":1000}"#),
            deadline: WallClock.milliseconds() + 30_000)
        #expect(document["statusCode"] == .number("200"))
    }

    @Test func badTemplateIsA4xxThatSaysWhere() async throws {
        let harness = try await Harness()
        let document = try await harness.respond(
            Event.v2(
                "POST", "/template", headers: ["content-type": "application/json"],
                body: #"{"template":{"a":{"b":"{{no_such_generator}}"}},"count":2}"#))
        #expect(document["statusCode"] == .number("422"))
        guard case .string(let text)? = document["body"] else { return }
        #expect(text.contains("no_such_generator"))
        #expect(text.contains("/a/b"))
    }

    @Test func malformedEventIsAnInvocationErrorNotACrash() async throws {
        let harness = try await Harness()
        for event in ["", "null", "[]", "{}", #"{"requestContext":{"http":{"method":"GET"}},"body":1}"#] {
            let outcome = await harness.invoke(event)
            guard case .failure(let type, let message) = outcome else {
                Issue.record("\(event) gave \(outcome)")
                continue
            }
            #expect(type == "Phoney.InvalidEvent")
            #expect(!message.isEmpty)
        }
        // The app goes on answering.
        let health = try await harness.respond(Event.v2("GET", "/health"))
        #expect(health["statusCode"] == .number("200"))
    }

    @Test func traceIDIsPublishedForTheInvocationOnly() async throws {
        let harness = try await Harness()
        let traced = Invocation(
            requestID: "t1", deadlineMilliseconds: nil, traceID: "Root=1-5759e988-bd862e3fe1be46a994272793",
            functionARN: nil, event: ByteBuffer(string: Event.v2("GET", "/health")))
        _ = await harness.app.handle(traced)
        #expect(getenv("_X_AMZN_TRACE_ID").map { String(cString: $0) } == "Root=1-5759e988-bd862e3fe1be46a994272793")
        _ = await harness.invoke(Event.v2("GET", "/health"))
        #expect(getenv("_X_AMZN_TRACE_ID") == nil)
    }

    @Test func deadlineReserveMustBeANumber() async throws {
        await #expect(throws: ConfigError.self) {
            _ = try await LambdaRuntime.makeApp(
                environment: ["ENV_STATE": "test", "LAMBDA_DEADLINE_RESERVE_MS": "soon"], remoteSettings: { _ in [:] },
                sink: LogSink { _ in }, emit: { _ in })
        }
    }

    @Test func unknownRouteIs404() async throws {
        let harness = try await Harness()
        let document = try await harness.respond(Event.v2("GET", "/nowhere"))
        #expect(document["statusCode"] == .number("404"))
    }

    @Test func passwordLoginIsOffWithoutAConfiguredHash() async throws {
        let harness = try await Harness()
        #expect(harness.app.api.config.generatedPassword == nil)
        let document = try await harness.respond(
            Event.v2(
                "POST", "/token", headers: ["content-type": "application/x-www-form-urlencoded"],
                body: "username=api_user&password=anything"))
        #expect(document["statusCode"] == .number("401"))
    }

    @Test func badConfigurationFailsInit() async throws {
        await #expect(throws: (any Error).self) {
            _ = try await LambdaRuntime.makeApp(
                environment: ["ENV_STATE": "prod"], remoteSettings: { _ in [:] }, sink: LogSink { _ in },
                emit: { _ in })
        }
    }

    @Test func remoteSettingsNeverOverrideTheEnvironment() async throws {
        let app = try await LambdaRuntime.makeApp(
            environment: ["ENV_STATE": "test", "API_KEY": "from-environment-0123456789"],
            remoteSettings: { _ in ["API_KEY": "from-remote-0123456789abc", "RATE_LIMIT_PER_MINUTE": "7"] },
            sink: LogSink { _ in }, emit: { _ in })
        #expect(app.api.config.apiKey == "from-environment-0123456789")
        #expect(app.api.config.rateLimitPerMinute == 7)
    }
}
