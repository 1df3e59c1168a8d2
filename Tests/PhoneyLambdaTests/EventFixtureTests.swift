import Foundation
import PhoneyCore
import Testing

/// The events `sam local generate-event` made (Tests/PhoneyLambdaTests/Events, see its README), each through the
/// bootstrap under the real Runtime Interface Emulator.
@Suite(.serialized) struct EventFixtureTests {
    static let events = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Events")
    /// bcrypt (cost 4) of the fixtures' password `test-password-0123456789`.
    static let passwordHash = "$2b$04$bxkVVyBJ2oPhwL6As6bhcOTeNoZ0DojYBbB4SDY3Hz4uxsLX8NXdS"

    /// The status each event must get.
    static let expected: [String: Int] = [
        "v2/get-root.json": 200, "v2/get-health.json": 200, "v2/get-generators.json": 200,
        "v2/get-api-v1-generators.json": 200, "v2/get-fake-name-count-5-seed-42.json": 200,
        "v2/get-api-v1-fake-email-locale-fr.json": 200, "v2/get-fake-unknown-generator.json": 404,
        "v2/get-api-v1-provider-person-first-name.json": 200, "v2/get-fake-name-cookies-multi-value-headers.json": 200,
        "v2/options-template-cors-preflight.json": 200, "v2/post-template-person-count-100.json": 200,
        "v2/post-template-person-plain-body.json": 200, "v2/post-template-format-csv.json": 200,
        "v2/post-template-unknown-generator.json": 422, "v2/post-template-count-1001.json": 400,
        "v2/post-api-v1-template-generate-no-auth.json": 401, "v2/post-api-v1-template-generate-api-key.json": 200,
        "v2/post-api-v1-template-generate-bearer.json": 200, "v2/post-api-v1-template-generate-ndjson-stream.json": 200,
        "v2/post-api-v1-template-generate-oversized.json": 413, "v2/post-api-v1-template-validate.json": 200,
        "v2/post-token-form.json": 200, "v1/get-health.json": 200, "v1/get-fake-name-multi-value-query.json": 200,
        "v1/post-template-person-count-100.json": 200, "v1/post-template-person-plain-body.json": 200,
        "v1/post-api-v1-template-generate-api-key.json": 200, "v1/post-token-form.json": 200,
    ]

    static func text(_ name: String) throws -> String {
        try String(contentsOf: events.appendingPathComponent(name), encoding: .utf8)
    }

    static func body(_ document: JSONValue) throws -> JSONValue {
        guard case .string(let text)? = document["body"] else { return .null }
        return try JSONValue.parse(text, limits: TemplateLimits(maxBytes: 16 << 20, maxDepth: 64, maxNodes: 2_000_000))
    }

    @Test func everyGeneratedEventGetsItsStatus() async throws {
        // Every file is in the table, and every table entry is a file.
        var files: [String] = []
        for folder in ["v1", "v2"] {
            let names = try FileManager.default.contentsOfDirectory(
                atPath: Self.events.appendingPathComponent(folder).path)
            files += names.filter { $0.hasSuffix(".json") }.map { "\(folder)/\($0)" }
        }
        #expect(Set(files) == Set(Self.expected.keys))

        let emulator = try Emulator(environment: [
            "API_USERNAME": "phoney", "API_PASSWORD_HASH": Self.passwordHash, "CORS_ORIGINS": "https://app.example.com",
        ])
        defer { emulator.stop() }
        let login = try await emulator.invoke(try Self.text("v2/post-token-form.json"))
        guard case .string(let token)? = try Self.body(login.json())["access_token"] else {
            Issue.record("no token: \(login.text.prefix(300))")
            return
        }
        var bodies: [String: JSONValue] = [:]
        for name in files.sorted() {
            let event = try Self.text(name).replacingOccurrences(of: "Bearer <token>", with: "Bearer \(token)")
            let answer = try await emulator.invoke(event)
            let document = try answer.json()
            #expect(
                document["statusCode"] == .number(String(Self.expected[name] ?? 0)),
                "\(name) → \(answer.text.prefix(400))")
            // NDJSON and CSV bodies are not one JSON document.
            bodies[name] = try? Self.body(document)
            if name.hasPrefix("v1/") {
                #expect(document["multiValueHeaders"] != nil, "\(name) got no REST-shaped headers")
            }
        }
        // A base64 body and the same body as plain text make the same records.
        for version in ["v1", "v2"] {
            let encoded = bodies["\(version)/post-template-person-count-100.json"]?["data"]
            #expect(encoded != nil && encoded == bodies["\(version)/post-template-person-plain-body.json"]?["data"])
        }
        #expect(bodies["v2/post-api-v1-template-validate.json"]?["valid"] == .bool(false))
        guard case .array(let records)? = bodies["v2/post-template-person-count-100.json"]?["data"] else {
            Issue.record("no records")
            return
        }
        #expect(records.count == 100)
        #expect(bodies["v2/post-api-v1-template-generate-oversized.json"]?["max_count_per_request"] != nil)
    }

    @Test func malformedEventsAreInvocationErrors() async throws {
        let emulator = try Emulator(environment: [:])
        defer { emulator.stop() }
        let names = try FileManager.default.contentsOfDirectory(
            atPath: Self.events.appendingPathComponent("malformed").path)
        #expect(names.count >= 6)
        for name in names.sorted() {
            let answer = try await emulator.invoke(try Self.text("malformed/\(name)"))
            #expect(try answer.json()["errorType"] == .string("Phoney.InvalidEvent"), "\(name) → \(answer.text)")
        }
        let health = try await emulator.invoke(try Self.text("v2/get-health.json"))
        #expect(try health.json()["statusCode"] == .number("200"))
    }
}
