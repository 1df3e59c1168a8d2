import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PhoneyAPI
import PhoneyCore
import Testing

struct OpenAPITests {
    /// Every route the router serves, as `METHOD path`.
    static let routes: Set<String> = [
        "GET /", "GET /health", "GET /fake/{generator}", "GET /api/v1/fake/{generator}", "GET /generators",
        "GET /api/v1/generators", "POST /template", "GET /template/examples", "GET /api/v1/template/examples",
        "POST /token", "GET /api/v1/providers", "GET /api/v1/provider/{provider}",
        "GET /api/v1/provider/{provider}/{generator}", "POST /api/v1/generate", "POST /api/v1/template/generate",
        "POST /api/v1/template/validate", "GET /openapi.json", "GET /docs", "GET /metrics", "POST /api/v1/jobs",
        "GET /api/v1/jobs/{id}",
    ]

    static func document() async throws -> JSONValue {
        try await TestSupport.app().test(.router) { client in
            try await client.execute(uri: "/openapi.json", method: .get) { (response) async throws in
                #expect(response.status == .ok)
                return try TestSupport.json(response)
            }
        }
    }

    @Test func describesEveryEndpoint() async throws {
        let document = try await Self.document()
        #expect(document["openapi"] == .string("3.1.0"))
        guard case .object(let paths)? = document["paths"] else {
            Issue.record("no paths")
            return
        }
        var described: Set<String> = []
        var operationIDs: Set<String> = []
        for (path, item) in paths {
            guard case .object(let operations) = item else { continue }
            for (method, operation) in operations {
                described.insert("\(method.uppercased()) \(path)")
                let id = try #require(operation["operationId"]?.stringValue)
                #expect(operationIDs.insert(id).inserted, "operationId \(id) repeats")
                #expect(operation["responses"]?["200"] != nil, "\(method) \(path) documents its success")
            }
        }
        #expect(described == Self.routes)
    }

    @Test func routesListIsWhatTheRouterServes() async throws {
        try await TestSupport.app().test(.router) { client in
            for route in Self.routes {
                let parts = route.split(separator: " ")
                let path = String(parts[1]).replacing("{generator}", with: "name").replacing(
                    "{provider}", with: "person")
                let method: HTTPRequest.Method = parts[0] == "GET" ? .get : .post
                try await client.execute(uri: path, method: method) { (response) async throws in
                    #expect(response.status != .notFound || path == "/metrics", "\(route) is not routed")
                    #expect(response.status.code < 500, "\(route)")
                }
            }
        }
    }

    @Test func everyReferenceResolves() async throws {
        let document = try await Self.document()
        var references: [String] = []
        func collect(_ value: JSONValue) {
            switch value {
            case .object(let members):
                for (key, member) in members {
                    if key == "$ref", case .string(let target) = member { references.append(target) }
                    collect(member)
                }
            case .array(let items): items.forEach(collect)
            default: break
            }
        }
        collect(document)
        #expect(!references.isEmpty)
        for reference in references {
            var node: JSONValue? = document
            for part in reference.dropFirst(2).split(separator: "/") { node = node?[String(part)] }
            #expect(node != nil, "\(reference) does not resolve")
        }
    }

    @Test func protectedOperationsDeclareTheirSchemes() async throws {
        let document = try await Self.document()
        for path in ["/api/v1/generate", "/api/v1/template/generate"] {
            #expect(document["paths"]?[path]?["post"]?["security"]?.arrayValue?.count == 2)
        }
        #expect(document["components"]?["securitySchemes"]?["bearerAuth"]?["scheme"] == .string("bearer"))
        #expect(document["components"]?["securitySchemes"]?["apiKeyAuth"]?["name"] == .string("X-API-Key"))
    }
}
