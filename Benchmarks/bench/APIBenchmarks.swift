import Benchmark
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import PhoneyAPI
import PhoneyCore

/// `POST /template` with the person template through the Phoney router, in process: what the HTTP server's
/// handler threads do for a request (middleware, body parsing, plan-cache lookup, rendering, the envelope), without
/// sockets, NIO's event loops or an HTTP client. The wrk figures in the README add those.
enum APIBenchmarks {
    /// Requests per measured run.
    static let requestsPerRun: UInt64 = 100

    static func register(_ template: String) {
        for count in [1, 100] {
            let body = "{\"template\": \(template), \"count\": \(count), \"seed\": 1}"
            let workload = Workload(unit: "request", perRun: requestsPerRun)
            let host = Host()
            Workload.benchmark("api POST /template person count=\(count), in process", workload) { benchmark in
                let responder = await host.responder()
                for _ in benchmark.scaledIterations {
                    workload.bytesPerRun = await send(body, to: responder)
                }
            }
        }
    }

    /// The router, built on first use (the warm-up run): `APIService` is made asynchronously.
    final class Host: @unchecked Sendable {
        private var built: (any HTTPResponder<BenchContext>)?

        func responder() async -> any HTTPResponder<BenchContext> {
            if let built { return built }
            var config = APIConfig(
                envState: .test, secretKey: String(repeating: "b", count: 64), passwordHash: "", apiKey: "bench")
            config.rateLimitPerMinute = 0
            config.logLevel = .warning
            let api = await APIService(config: config)
            let responder = PhoneyRouter.build(api, context: BenchContext.self).buildResponder()
            built = responder
            return responder
        }
    }

    /// Sends `requestsPerRun` requests with `body` and returns the bytes of the responses' bodies.
    static func send(_ body: String, to responder: any HTTPResponder<BenchContext>) async -> Int {
        var bytes = 0
        // The level `scripts/http-bench.sh` runs the server at: no access-log line per request.
        var logger = Logger(label: "bench") { _ in BenchLogHandler() }
        logger.logLevel = .warning
        for _ in 0..<requestsPerRun {
            let head = HTTPRequest(
                method: .post, scheme: "http", authority: "localhost", path: "/template",
                headerFields: [.contentType: "application/json"])
            let request = Request(head: head, body: RequestBody(buffer: ByteBuffer(string: body)))
            // As the HTTP server does: a new request id in the logger of every request.
            var requestLogger = logger
            requestLogger[metadataKey: "hb.request.id"] = .stringConvertible(RequestID())
            do {
                let response = try await responder.respond(
                    to: request, context: BenchContext(source: BenchContextSource(logger: requestLogger)))
                guard response.status == .ok else { fatalError("POST /template answered \(response.status)") }
                var counter = BodyCounter()
                try await response.body.write(counter)
                bytes &+= counter.box.bytes
            } catch {
                fatalError("POST /template failed: \(error)")
            }
        }
        return bytes
    }
}

/// The request context of the in-process benchmark: no peer address, no transport limits.
struct BenchContextSource: RequestContextSource {
    let logger: Logger
}

struct BenchContext: PhoneyRequestContext {
    typealias Source = BenchContextSource
    var coreContext: CoreRequestContextStorage
    var peerAddress: String? { nil }

    init(source: BenchContextSource) {
        self.coreContext = .init(source: source)
    }
}

/// A log handler that keeps metadata in a dictionary, as the server's JSON handler does, and writes nothing (the
/// bench runs below the level of any line the requests log).
struct BenchLogHandler: LogHandler {
    var logLevel: Logger.Level = .warning
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {}
}

/// A response body writer that only counts the bytes.
struct BodyCounter: ResponseBodyWriter {
    final class Box: @unchecked Sendable {
        var bytes = 0
    }

    let box = Box()

    mutating func write(_ buffer: ByteBuffer) async throws {
        box.bytes &+= buffer.readableBytes
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
