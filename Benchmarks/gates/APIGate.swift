import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import PhoneyAPI
import PhoneyCore

/// `POST /template` with the person fixture through the Phoney router and Hummingbird's in-process responder: the
/// middleware, body parsing, the plan cache (a hit once warm), rendering and the JSON envelope, without sockets.
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
            let responder = PhoneyRouter.build(api, context: GateContext.self).buildResponder()
            return .async { await send(body, to: responder) }
        }
    }

    /// Sends one request with `body` and returns the bytes of the response's body.
    static func send(_ body: String, to responder: some HTTPResponder<GateContext>) async -> Int {
        var logger = Logger(label: "gates") { _ in GateLogHandler() }
        logger.logLevel = .warning
        // As the HTTP server does, a request id in the request's logger (a fixed one: the counts must not move).
        logger[metadataKey: "hb.request.id"] = .string("gates")
        let head = HTTPRequest(
            method: .post, scheme: "http", authority: "localhost", path: "/template",
            headerFields: [.contentType: "application/json"])
        let request = Request(head: head, body: RequestBody(buffer: ByteBuffer(string: body)))
        do {
            let response = try await responder.respond(
                to: request, context: GateContext(source: GateContextSource(logger: logger)))
            guard response.status == .ok else { fatalError("POST /template answered \(response.status)") }
            let counter = ByteCounter()
            try await response.body.write(counter)
            return counter.box.bytes
        } catch {
            fatalError("POST /template failed: \(error)")
        }
    }
}

/// The request context of the in-process requests: no peer address, no transport limits.
struct GateContextSource: RequestContextSource {
    let logger: Logger
}

struct GateContext: PhoneyRequestContext {
    typealias Source = GateContextSource
    var coreContext: CoreRequestContextStorage
    var peerAddress: String? { nil }

    init(source: GateContextSource) {
        self.coreContext = .init(source: source)
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
struct ByteCounter: ResponseBodyWriter {
    final class Box: @unchecked Sendable {
        var bytes = 0
    }

    let box = Box()

    mutating func write(_ buffer: ByteBuffer) async throws {
        box.bytes &+= buffer.readableBytes
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
