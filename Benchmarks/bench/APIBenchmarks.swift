import Benchmark
import HTTPTypes
import Logging
import NIOCore
import PhoneyAPI
import PhoneyCore

/// `POST /template` with the person template through the Phoney router, in process: what the HTTP server's
/// handler threads (after Hummingbird's adapter) and the Lambda adapter do for a request (middleware, body parsing,
/// plan-cache lookup, rendering, the envelope), without sockets, NIO's event loops or an HTTP client. The wrk
/// figures in the README add those.
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
        private var built: APIResponder?

        func responder() async -> APIResponder {
            if let built { return built }
            var config = APIConfig(
                envState: .test, secretKey: String(repeating: "b", count: 64), passwordHash: "", apiKey: "bench")
            config.rateLimitPerMinute = 0
            config.logLevel = .warning
            let api = await APIService(config: config)
            let responder = PhoneyRouter.responder(api)
            built = responder
            return responder
        }
    }

    /// Sends `requestsPerRun` requests with `body` and returns the bytes of the responses' bodies.
    static func send(_ body: String, to responder: APIResponder) async -> Int {
        var bytes = 0
        // The level `scripts/http-bench.sh` runs the server at: no access-log line per request.
        var logger = Logger(label: "bench") { _ in BenchLogHandler() }
        logger.logLevel = .warning
        for _ in 0..<requestsPerRun {
            let request = APIRequest(
                method: .post, path: "/template", query: nil, headers: [.contentType: "application/json"],
                body: APIRequestBody(buffer: ByteBuffer(string: body)))
            // As the HTTP server does: a new request id in the logger of every request.
            let requestID = BenchRequestID.next()
            var requestLogger = logger
            requestLogger[metadataKey: "hb.request.id"] = .string(requestID)
            do {
                let response = try await responder.respond(
                    to: request, context: APIContext(logger: requestLogger, requestID: requestID))
                guard response.status == .ok else { fatalError("POST /template answered \(response.status)") }
                let counter = BodyCounter()
                var writer: any APIBodyWriter = counter
                try await response.body.write(to: &writer)
                bytes &+= counter.box.bytes
            } catch {
                fatalError("POST /template failed: \(error)")
            }
        }
        return bytes
    }
}

/// Request ids as the HTTP server makes them: 32 hexadecimal digits, a new one per request.
enum BenchRequestID {
    nonisolated(unsafe) static var counter: UInt64 = 0x1234_5678

    static func next() -> String {
        counter &+= 1
        let low = String(counter, radix: 16)
        return "9f86d081884c7d65" + String(repeating: "0", count: 16 - low.count) + low
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
struct BodyCounter: APIBodyWriter {
    final class Box: @unchecked Sendable {
        var bytes = 0
    }

    let box = Box()

    mutating func write(_ buffer: ByteBuffer) async throws {
        box.bytes &+= buffer.readableBytes
    }
}
