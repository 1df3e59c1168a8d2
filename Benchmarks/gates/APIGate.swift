import HTTPTypes
import Logging
import NIOCore
import PhoneyAPI
import PhoneyCore

/// `POST /template` with the person fixture through the Phoney router's in-process responder, as the server and
/// the Lambda adapter call it: the middleware, body parsing, the plan cache (a hit once warm), rendering and the
/// JSON envelope, without sockets.
enum APIGate {
    static func workload(count: Int) -> GateWorkload {
        GateWorkload(
            name: "api-template-count-\(count)",
            summary: "one in-process POST /template, person, count=\(count), seed 1"
        ) {
            let body = "{\"template\": \(try GateFixture.person.template()), \"count\": \(count), \"seed\": 1}"
            var config = APIConfig(
                envState: .test, secretKey: String(repeating: "g", count: 64), passwordHash: "", apiKey: "gates")
            config.rateLimitPerMinute = 0
            // The level the HTTP benchmark runs the server at: no access-log line per request.
            config.logLevel = .warning
            let api = await APIService(config: config)
            let responder = PhoneyRouter.responder(api)
            return .async { await send(body, to: responder) }
        }
    }

    /// Sends one request with `body` and returns the bytes of the response's body.
    static func send(_ body: String, to responder: APIResponder) async -> Int {
        var logger = Logger(label: "gates") { _ in GateLogHandler() }
        logger.logLevel = .warning
        // As the HTTP server does, a request id in the request's logger (a fixed one: the counts must not move).
        logger[metadataKey: "hb.request.id"] = .string("gates")
        let request = APIRequest(
            method: .post, path: "/template", query: nil, headers: [.contentType: "application/json"],
            body: APIRequestBody(buffer: ByteBuffer(string: body)))
        do {
            let response = try await responder.respond(
                to: request, context: APIContext(logger: logger, requestID: "gates"))
            guard response.status == .ok else { fatalError("POST /template answered \(response.status)") }
            var counter: any APIBodyWriter = ByteCounter()
            try await response.body.write(to: &counter)
            return (counter as! ByteCounter).bytes
        } catch {
            fatalError("POST /template failed: \(error)")
        }
    }
}

/// Keeps metadata as the server's JSON handler does and writes nothing (the requests log below its level).
struct GateLogHandler: LogHandler {
    var logLevel: Logger.Level = .warning
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {}
}

/// A response body writer that only counts the bytes.
struct ByteCounter: APIBodyWriter {
    var bytes = 0

    mutating func write(_ buffer: ByteBuffer) async throws {
        bytes &+= buffer.readableBytes
    }
}
