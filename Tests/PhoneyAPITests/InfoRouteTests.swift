import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PhoneyAPI
import PhoneyCore
import Testing

struct InfoRouteTests {
    @Test func rootDescribesTheAPI() async throws {
        try await TestSupport.app().test(.router) { client in
            try await client.execute(uri: "/", method: .get) { (response) async throws in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                let body = try TestSupport.json(response)
                #expect(body.objectKeys == ["name", "version", "status", "documentation", "examples"])
                #expect(body["status"] == .string("online"))
                #expect(body["documentation"] == .string("/docs"))
            }
        }
    }

    @Test func healthIsHealthy() async throws {
        try await TestSupport.app().test(.router) { client in
            try await client.execute(uri: "/health", method: .get) { (response) async throws in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == #"{"status":"healthy"}"#)
            }
            try await client.execute(uri: "/health", method: .head) { (response) async throws in
                #expect(response.status == .ok)
            }
        }
    }

    @Test(arguments: ["/generators", "/api/v1/generators"])
    func generatorsAreASortedListOfNames(path: String) async throws {
        try await TestSupport.app().test(.router) { client in
            try await client.execute(uri: path, method: .get) { (response) async throws in
                #expect(response.status == .ok)
                let names = try #require(try TestSupport.json(response).arrayValue).compactMap(\.stringValue)
                #expect(names == Catalog.names)
                #expect(names == names.sorted())
                #expect(names.contains("email"))
            }
        }
    }

    /// A known path with a method it does not serve is 405 with `Allow`, as FastAPI answers, not 404.
    @Test(arguments: [
        ("/template", HTTPRequest.Method.get, "POST"), ("/template", .put, "POST"), ("/template", .head, "POST"),
        ("/health", .post, "GET, HEAD"), ("/fake/name", .delete, "GET, HEAD"), ("/token", .get, "POST"),
        ("/api/v1/provider/person/name", .patch, "GET, HEAD"), ("/", .options, "GET, HEAD"),
    ])
    func knownPathWithAnotherMethodIs405(path: String, method: HTTPRequest.Method, allow: String) async throws {
        try await TestSupport.app().test(.router) { client in
            try await client.execute(uri: path, method: method) { (response) async throws in
                #expect(response.status == .methodNotAllowed, "\(method) \(path)")
                #expect(response.headers[.allow] == allow, "\(method) \(path)")
                if method != .head {
                    #expect(String(buffer: response.body) == #"{"detail":"Method Not Allowed"}"#)
                }
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
        }
    }

    @Test func preflightsAreStillAnsweredWhereTheMethodIsNotServed() async throws {
        try await TestSupport.app().test(.router) { client in
            let headers: HTTPFields = [.origin: "http://localhost:3000", .accessControlRequestMethod: "POST"]
            try await client.execute(uri: "/template", method: .options, headers: headers) { (response) async throws in
                #expect(response.status == .ok)
                #expect(response.headers[.accessControlAllowOrigin] == "http://localhost:3000")
            }
        }
    }

    @Test func unknownPathIsAJSON404() async throws {
        try await TestSupport.app().test(.router) { client in
            try await client.execute(uri: "/nope", method: .get) { (response) async throws in
                #expect(response.status == .notFound)
                #expect(try TestSupport.json(response)["detail"] == .string("Not Found"))
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
        }
    }

    @Test func simpleExamplesCompileAndGenerate() async throws {
        try await TestSupport.app().test(.router) { client in
            let examples = try await client.execute(uri: "/template/examples", method: .get) {
                (response) async throws in
                #expect(response.status == .ok)
                return try TestSupport.json(response)
            }
            for key in ["basic_example", "array_example", "text_example", "localized_template"] {
                let example = try #require(examples[key])
                var request: [UInt8] = []
                example.serialize(into: &request)
                try await client.execute(
                    uri: "/template", method: .post, headers: TestSupport.jsonHeaders,
                    body: ByteBuffer(bytes: request)
                ) { (response) async throws in
                    #expect(response.status == .ok, "\(key): \(String(buffer: response.body))")
                }
            }
            #expect(examples["syntax_guide"] != nil)
            #expect(examples["localized_template"]?["locale"] == .string("fr_FR"))
        }
    }

    @Test func localizedExampleSentBackWithItsLocaleGivesThatLocalesData() async throws {
        try await TestSupport.app().test(.router) { client in
            let document = try await client.execute(uri: "/api/v1/template/examples", method: .get) {
                (response) async throws in try TestSupport.json(response)
            }
            let example = try #require(document["examples"]?["localized_template"])
            #expect(example["locale"] == .string("fr_FR"))
            var request: [UInt8] = []
            JSONValue.object([
                ("template", try #require(example["template"])), ("count", .integer(3)),
                ("locale", try #require(example["locale"])), ("seed", .integer(1)),
            ]).serialize(into: &request)
            try await client.execute(
                uri: "/template", method: .post, headers: TestSupport.jsonHeaders, body: ByteBuffer(bytes: request)
            ) { (response) async throws in
                #expect(response.status == .ok, "\(String(buffer: response.body))")
                let body = try TestSupport.json(response)
                #expect(body["locale"] == .string("fr_FR"))
                guard case .array(let records)? = body["data"] else {
                    Issue.record("no data")
                    return
                }
                #expect(records.count == 3)
                // French phone numbers start with +33 or 0.
                for record in records {
                    let phone = try #require(record["phone"]?.stringValue)
                    #expect(phone.hasPrefix("+33") || phone.hasPrefix("0"), "\(phone)")
                }
            }
        }
    }

    @Test func detailedExamplesAllValidate() async throws {
        try await TestSupport.app().test(.router) { client in
            let document = try await client.execute(uri: "/api/v1/template/examples", method: .get) {
                (response) async throws in
                #expect(response.status == .ok)
                return try TestSupport.json(response)
            }
            #expect(document["syntax_help"] != nil)
            guard case .object(let examples)? = document["examples"] else {
                Issue.record("no examples")
                return
            }
            #expect(examples.count >= 4)
            for (name, example) in examples {
                let template = try #require(example["template"])
                let report = ValidationReport.validate(template)
                #expect(report.valid, "\(name): \(report.errors)")
            }
        }
    }

    @Test func docsPageIsSelfContained() async throws {
        try await TestSupport.app().test(.router) { client in
            try await client.execute(uri: "/docs", method: .get) { (response) async throws in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let html = String(buffer: response.body)
                #expect(html.contains("/openapi.json"))
                #expect(!html.contains("http://") && !html.contains("https://"), "no external asset")
                #expect(!html.contains("<script src"))
                #expect(response.headers[.contentSecurityPolicy]?.contains("connect-src 'self'") == true)
            }
        }
    }

    @Test func metricsAre404WithoutAnExporter() async throws {
        try await TestSupport.app().test(.router) { client in
            try await client.execute(uri: "/metrics", method: .get) { (response) async throws in
                #expect(response.status == .notFound)
            }
        }
    }
}
