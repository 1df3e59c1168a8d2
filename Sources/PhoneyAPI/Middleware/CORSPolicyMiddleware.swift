import HTTPTypes
import NIOCore

/// CORS from `CORS_ORIGINS`, `CORS_METHODS` and `CORS_HEADERS`.
///
/// It sits outside the rate limiter: preflights are answered here and never counted, and every response from
/// below, a 429 included, gets the CORS headers a browser needs to read it.
package struct CORSPolicyMiddleware: APIMiddleware {
    let anyOrigin: Bool
    let origins: Set<String>
    let methods: String
    let anyHeader: Bool
    let headers: String
    let production: Bool

    static var allMethods: String { "DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT" }
    package init(config: APIConfig) {
        anyOrigin = config.corsOrigins.contains("*")
        origins = Set(config.corsOrigins)
        methods =
            config.corsMethods.contains("*")
            ? Self.allMethods : config.corsMethods.map { $0.uppercased() }.joined(separator: ", ")
        anyHeader = config.corsHeaders.contains("*")
        headers = config.corsHeaders.joined(separator: ", ")
        production = config.envState == .prod
    }

    func allows(_ origin: String) -> Bool {
        anyOrigin || origins.contains(origin)
    }

    package func handle(
        _ request: APIRequest, context: APIContext, next: (APIRequest, APIContext) async throws -> APIResponse
    )
        async throws -> APIResponse
    {
        guard let origin = request.headers[.origin] else {
            return try await next(request, context)
        }
        if request.method == .options, let requested = request.headers[.accessControlRequestMethod] {
            return preflight(origin: origin, method: requested, headers: request.headers[.accessControlRequestHeaders])
        }
        var response: APIResponse
        do {
            response = try await next(request, context)
        } catch {
            response = ErrorRendering.response(for: error, production: production)
        }
        if allows(origin) {
            response.headers[.accessControlAllowOrigin] = origin
            response.headers[.accessControlAllowCredentials] = "true"
            response.headers[.accessControlExposeHeaders] = CORSExposedHeaders.value
        }
        response.headers.append(HTTPField(name: .vary, value: "Origin"))
        return response
    }

    func preflight(origin: String, method: String, headers requestedHeaders: String?) -> APIResponse {
        guard allows(origin) else {
            var response = APIError(.badRequest, "Disallowed CORS origin").response()
            response.headers[.vary] = "Origin"
            return response
        }
        var fields: HTTPFields = [
            .accessControlAllowOrigin: origin,
            .accessControlAllowCredentials: "true",
            .accessControlAllowMethods: methods,
            .accessControlMaxAge: "600",
            .vary: "Origin",
        ]
        if anyHeader {
            if let requestedHeaders { fields[.accessControlAllowHeaders] = requestedHeaders }
        } else {
            fields[.accessControlAllowHeaders] = headers
        }
        // As the original (Starlette's CORS middleware): 200 with the text `OK`.
        fields[.contentType] = "text/plain; charset=utf-8"
        return APIResponse(status: .ok, headers: fields, body: APIResponseBody(byteBuffer: ByteBuffer(string: "OK")))
    }
}

/// The response headers a browser script may read, made once.
enum CORSExposedHeaders {
    static let value =
        "X-Request-ID, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Retry-After, X-Phoney-Seed, "
        + "X-Phoney-Count, X-Phoney-Template-Id"
}
