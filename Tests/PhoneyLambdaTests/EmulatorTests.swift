import PhoneyCore
import Testing

#if canImport(FoundationEssentials)
    import Foundation
#else
    import Foundation
#endif
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The `bootstrap` executable under the real AWS Lambda Runtime Interface Emulator (from the `aws-sam-cli` wheel,
/// fetched by `scripts/lambda-rie.sh`), invoked serially over HTTP as Lambda would.
@Suite(.serialized) struct EmulatorTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let apiKey = "test-api-key-0123456789"

    /// The emulator binary: `PHONEY_RIE`, else where `scripts/lambda-rie.sh` puts it.
    static func emulatorPath() throws -> String {
        let path =
            ProcessInfo.processInfo.environment["PHONEY_RIE"]
            ?? root.appendingPathComponent(".build-tools/aws-lambda-rie-x86_64").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw EmulatorError("no Lambda Runtime Interface Emulator at \(path): run scripts/lambda-rie.sh first")
        }
        return path
    }

    /// The runtime under test: `PHONEY_BOOTSTRAP` (the packaged binary), else the one `swift test` just built.
    static func bootstrapPath() throws -> String {
        let candidates = [
            ProcessInfo.processInfo.environment["PHONEY_BOOTSTRAP"],
            root.appendingPathComponent(".build/debug/bootstrap").path,
        ].compactMap { $0 }
        guard let path = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw EmulatorError("no bootstrap executable at \(candidates.joined(separator: " or ")): build it first")
        }
        return path
    }

    @Test func everyRouteAnswersThroughTheEmulator() async throws {
        let emulator = try Emulator(environment: [:])
        defer { emulator.stop() }
        let person = #"{"name":"{{name}}","email":"{{email}}","age":"{{random_int:min=18,max=90}}"}"#
        let cases: [(event: String, status: Int)] = [
            (Event.v2("GET", "/health"), 200),
            (Event.v2("GET", "/"), 200),
            (Event.v2("GET", "/generators"), 200),
            (Event.v2("GET", "/api/v1/providers"), 200),
            (Event.v2("GET", "/fake/name", query: "count=3&seed=1"), 200),
            (Event.v2("GET", "/api/v1/fake/email", query: "count=2"), 200),
            (Event.v2("GET", "/fake/no_such_thing"), 404),
            (Event.v2("GET", "/openapi.json"), 200),
            (Event.v2("GET", "/docs"), 200),
            (Event.v2("GET", "/template/examples"), 200),
            (Event.v2("POST", "/template", json: #"{"template":\#(person),"count":100,"seed":42}"#), 200),
            (Event.v2("POST", "/template", json: #"{"template":\#(person),"count":10,"format":"csv"}"#), 200),
            (Event.v2("POST", "/template", json: #"{"template":{"a":"{{nope}}"},"count":1}"#), 422),
            (Event.v2("POST", "/template", json: #"{"template":"#), 422),
            (Event.v2("POST", "/api/v1/template/generate", json: #"{"template":\#(person),"count":5}"#), 401),
            (
                Event.v2(
                    "POST", "/api/v1/template/generate", headers: ["x-api-key": Self.apiKey],
                    json: #"{"template":\#(person),"count":5}"#), 200
            ),
            (
                Event.v2(
                    "POST", "/api/v1/template/generate", headers: ["x-api-key": "wrong-key-0000000000"],
                    json: #"{"template":\#(person),"count":5}"#), 401
            ),
            (Event.v2("POST", "/api/v1/template/validate", json: #"{"template":\#(person)}"#), 200),
            (Event.v2("POST", "/template", json: #"{"template":\#(person),"count":3}"#, base64: true), 200),
        ]
        for (event, status) in cases {
            let answer = try await emulator.invoke(event)
            #expect(answer.status == 200, "the emulator itself failed: \(answer.text)")
            let document = try answer.json()
            #expect(
                document["statusCode"] == .number(String(status)), "\(event.prefix(160)) → \(answer.text.prefix(300))")
        }
    }

    @Test func malformedEventIsReportedAsAnErrorAndTheRuntimeGoesOn() async throws {
        let emulator = try Emulator(environment: [:])
        defer { emulator.stop() }
        for event in ["{}", "[1]", "\"text\"", #"{"httpMethod":"GET","body":"%%","isBase64Encoded":true}"#] {
            let answer = try await emulator.invoke(event)
            let document = try answer.json()
            #expect(document["errorType"] == .string("Phoney.InvalidEvent"), "\(event) → \(answer.text)")
        }
        let health = try await emulator.invoke(Event.v2("GET", "/health"))
        #expect(try health.json()["statusCode"] == .number("200"))
    }

    @Test func oversizedRequestGets413NotAnEmulatorError() async throws {
        let emulator = try Emulator(environment: [:])
        defer { emulator.stop() }
        let template = #"{"bio":"{{text:max_nb_chars=1500}}","name":"{{name}}"}"#
        let answer = try await emulator.invoke(
            Event.v2(
                "POST", "/api/v1/template/generate", headers: ["x-api-key": Self.apiKey],
                json: #"{"template":\#(template),"count":10000}"#))
        let document = try answer.json()
        #expect(document["statusCode"] == .number("413"), "\(answer.text.prefix(400))")
    }

    @Test func generationPastTheDeadlineStopsWith503() async throws {
        // A one-second function timeout, all of it kept back for the response, leaves no time to generate: the
        // runtime must stop after the first chunk with a 503, on a machine of any speed, instead of being killed.
        let emulator = try Emulator(environment: [
            "AWS_LAMBDA_FUNCTION_TIMEOUT": "1", "LAMBDA_DEADLINE_RESERVE_MS": "1000",
        ])
        defer { emulator.stop() }
        _ = try await emulator.invoke(Event.v2("GET", "/health"))
        let person = #"{"name":"{{name}}","email":"{{email}}","bio":"{{sentence}}","city":"{{city}}"}"#
        let answer = try await emulator.invoke(
            Event.v2(
                "POST", "/api/v1/template/generate", headers: ["x-api-key": Self.apiKey],
                json: #"{"template":\#(person),"count":10000,"seed":5}"#))
        let document = try answer.json()
        #expect(document["statusCode"] == .number("503"), "\(answer.text.prefix(400))")
        #expect(answer.text.contains("deadline"))
        // The runtime is still there.
        let health = try await emulator.invoke(Event.v2("GET", "/health"))
        #expect(try health.json()["statusCode"] == .number("200"))
    }

    @Test func badConfigurationIsAnInitError() async throws {
        let emulator = try Emulator(environment: ["ENV_STATE": "prod", "SECRET_KEY": "short"])
        defer { emulator.stop() }
        let answer = try await emulator.invoke(Event.v2("GET", "/health"))
        #expect(answer.text.contains("SECRET_KEY"), "\(answer.text)")
        #expect(!answer.text.contains("\"statusCode\":200"))
    }

    @Test func aThousandSerialInvocationsWithoutErrorsOrGrowth() async throws {
        let emulator = try Emulator(environment: [:])
        defer { emulator.stop() }
        let person = #"{"name":"{{name}}","email":"{{email}}","age":"{{random_int:min=18,max=90}}"}"#
        let event = Event.v2("POST", "/template", json: #"{"template":\#(person),"count":100}"#)
        var failures = 0
        var peakAfterWarmUp = 0
        for index in 0..<1000 {
            let answer = try await emulator.invoke(event)
            if (try? answer.json()["statusCode"]) != .number("200") { failures += 1 }
            if index == 99 { peakAfterWarmUp = try emulator.peakResidentKilobytes() }
        }
        let peak = try emulator.peakResidentKilobytes()
        #expect(failures == 0)
        // Flat memory: the last 900 invocations add less than 4 MB to the peak. Not under a sanitizer
        // (scripts/sanitize.sh sets PHONEY_SANITIZER): AddressSanitizer keeps up to 256 MB of freed memory in
        // quarantine on purpose, and ThreadSanitizer's shadow and history grow with every access.
        if ProcessInfo.processInfo.environment["PHONEY_SANITIZER"] == nil {
            #expect(peak - peakAfterWarmUp < 4096, "VmHWM went from \(peakAfterWarmUp) kB to \(peak) kB")
        }
    }
}

struct EmulatorError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Events in API Gateway's HTTP API shape (payload 2.0).
enum Event {
    static func v2(
        _ method: String, _ path: String, query: String = "", headers: [String: String] = [:], json: String? = nil,
        body: String? = nil, base64: Bool = false
    ) -> String {
        var allHeaders = headers
        if json != nil { allHeaders["content-type"] = "application/json" }
        let json = json ?? body
        var members: [(key: String, value: JSONValue)] = [
            ("version", .string("2.0")), ("routeKey", .string("$default")), ("rawPath", .string(path)),
            ("rawQueryString", .string(query)),
            ("headers", .object(allHeaders.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
            (
                "requestContext",
                .object([
                    (
                        "http",
                        .object([
                            ("method", .string(method)), ("path", .string(path)), ("sourceIp", .string("192.0.2.1")),
                        ])
                    ),
                    ("requestId", .string("api-gw-id")), ("stage", .string("$default")),
                ])
            ),
            ("isBase64Encoded", .bool(base64)),
        ]
        if let json {
            members.append(("body", .string(base64 ? Data(json.utf8).base64EncodedString() : json)))
        }
        return JSONValue.object(members).serialized
    }
}

/// One emulator process with its bootstrap, on free loopback ports.
final class Emulator {
    let process = Process()
    let port: Int
    let output: FileHandle
    let logURL: URL

    init(environment: [String: String]) throws {
        port = Int.random(in: 20_000..<60_000)
        process.executableURL = URL(fileURLWithPath: try EmulatorTests.emulatorPath())
        process.arguments = [
            "--log-level", "error", "--runtime-interface-emulator-address", "127.0.0.1:\(port)",
            "--runtime-api-address", "127.0.0.1:\(port + 1)", try EmulatorTests.bootstrapPath(),
        ]
        var variables = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("AWS_") }
        variables.merge([
            "ENV_STATE": "test", "API_KEY": EmulatorTests.apiKey, "RATE_LIMIT_PER_MINUTE": "0",
            "AWS_LAMBDA_FUNCTION_NAME": "phoney", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "128",
            "AWS_LAMBDA_FUNCTION_TIMEOUT": "30", "LOG_LEVEL": "warning",
        ]) { _, new in new }
        variables.merge(environment) { _, new in new }
        process.environment = variables
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("rie-\(port).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        output = try FileHandle(forWritingTo: log)
        logURL = log
        process.standardOutput = output
        process.standardError = output
        try process.run()
    }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try? output.close()
        try? FileManager.default.removeItem(at: logURL)
    }

    /// What the emulator and the bootstrap wrote so far.
    func logText() -> String {
        (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
    }

    /// Posts one event and returns the emulator's answer; retries while the emulator is still starting.
    func invoke(_ event: String) async throws -> Answer {
        let url = URL(string: "http://127.0.0.1:\(port)/2015-03-31/functions/function/invocations")!
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = Data(event.utf8)
        request.timeoutInterval = 60
        var lastError: (any Error)?
        // Up to 20 s: on a loaded machine the emulator can take seconds to listen.
        for _ in 0..<400 {
            do {
                let (data, response) = try await URLSession.shared.data(for: request)
                return Answer(status: (response as? HTTPURLResponse)?.statusCode ?? 0, data: data)
            } catch {
                lastError = error
                try await Task.sleep(nanoseconds: 50_000_000)
            }
        }
        throw lastError ?? EmulatorError("the emulator did not answer")
    }

    /// `VmHWM` of the bootstrap, the emulator's child process, in kB.
    func peakResidentKilobytes() throws -> Int {
        // The emulator is multi-threaded: the bootstrap is the child of whichever of its threads started it.
        let tasks = "/proc/\(process.processIdentifier)/task"
        let children = try FileManager.default.contentsOfDirectory(atPath: tasks).flatMap { task in
            ((try? String(contentsOfFile: "\(tasks)/\(task)/children", encoding: .utf8)) ?? "").split(separator: " ")
        }
        guard let child = children.first else { throw EmulatorError("no bootstrap process") }
        let status = try String(contentsOfFile: "/proc/\(child)/status", encoding: .utf8)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        else { throw EmulatorError("no VmHWM for \(child)") }
        return kilobytes
    }

    struct Answer {
        var status: Int
        var data: Data
        var text: String { String(decoding: data, as: UTF8.self) }

        func json() throws -> JSONValue {
            try JSONValue.parse(text, limits: TemplateLimits(maxBytes: 16 << 20, maxDepth: 64, maxNodes: 2_000_000))
        }
    }
}
