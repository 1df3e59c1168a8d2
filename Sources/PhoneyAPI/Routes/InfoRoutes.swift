import HTTPTypes
import NIOCore
import PhoneyCore

/// `/`, `/health`, the examples, `/openapi.json`, `/docs` and `/metrics`.
enum InfoRoutes {
    static func add(to router: APIRouter, api: APIService) {
        let root = JSONValue.object([
            ("name", .string("Phoney")),
            ("version", .string(APIVersion.current)),
            ("status", .string("online")),
            ("documentation", .string("/docs")),
            (
                "examples",
                .object([
                    (
                        "simple_api",
                        .object([
                            ("get_name", .string("/fake/name")),
                            ("get_emails", .string("/fake/email?count=5")),
                            ("get_seeded_address", .string("/fake/address?seed=42")),
                        ])
                    ),
                    (
                        "template_api",
                        .object([
                            ("bulk_users", .string("POST /template")),
                            ("template_examples", .string("/template/examples")),
                        ])
                    ),
                    ("list_generators", .string("/generators")),
                    ("advanced_api", .string("/api/v1/providers")),
                ])
            ),
        ])
        router.get("/") { _, _ -> APIResponse in APIResponse.json(root) }
        router.get("/health") { _, _ -> APIResponse in
            APIResponse.json(bytes: Array(#"{"status":"healthy"}"#.utf8))
        }
        router.get("/template/examples") { _, _ -> APIResponse in APIResponse.json(TemplateExamples.simple) }
        router.get("/api/v1/template/examples") { _, _ -> APIResponse in APIResponse.json(TemplateExamples.detailed) }
        router.get("/openapi.json") { _, _ -> APIResponse in APIResponse.json(bytes: api.openAPIDocument) }
        router.get("/docs") { _, _ -> APIResponse in
            APIResponse(
                status: .ok,
                headers: [
                    .contentType: "text/html; charset=utf-8",
                    .contentSecurityPolicy: DocsPage.contentSecurityPolicy,
                ],
                body: APIResponseBody(byteBuffer: ByteBuffer(bytes: api.docsPage)))
        }
        router.get("/metrics") { _, _ -> APIResponse in
            guard let exporter = api.metricsExporter else { throw APIError.notFound }
            return APIResponse(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: APIResponseBody(byteBuffer: ByteBuffer(bytes: exporter())))
        }
    }
}
