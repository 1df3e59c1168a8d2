import HTTPTypes

/// Adds the security headers the original Phoney sent on every response, errors and streams included.
package struct SecurityHeadersMiddleware: APIMiddleware {
    let production: Bool

    package init(production: Bool) {
        self.production = production
    }

    package func handle(
        _ request: APIRequest, context: APIContext, next: (APIRequest, APIContext) async throws -> APIResponse
    )
        async throws -> APIResponse
    {
        var response: APIResponse
        do {
            response = try await next(request, context)
        } catch {
            response = ErrorRendering.response(for: error, production: production)
        }
        // No handler sets these, so they are appended as fields made once rather than set (and checked) one by one.
        if response.headers[.xContentTypeOptions] == nil {
            response.headers.append(contentsOf: SecurityHeaders.fixed)
        } else {
            for field in SecurityHeaders.fixed { response.headers[field.name] = field.value }
        }
        if response.headers[.contentSecurityPolicy] == nil {
            response.headers.append(SecurityHeaders.apiPolicy)
        }
        return response
    }
}

/// The security headers, made once.
package enum SecurityHeaders {
    /// The headers every response carries.
    package static let fixed: [HTTPField] = [
        HTTPField(name: .xContentTypeOptions, value: "nosniff"),
        HTTPField(name: .xFrameOptions, value: "DENY"),
        HTTPField(name: .strictTransportSecurity, value: "max-age=31536000; includeSubDomains"),
        HTTPField(name: .referrerPolicy, value: "strict-origin-when-cross-origin"),
        HTTPField(name: .permissionsPolicy, value: "camera=(), microphone=(), geolocation=()"),
    ]

    /// The policy for API responses: they are data, never a page, so nothing may load or frame them.
    package static let apiPolicy = HTTPField(
        name: .contentSecurityPolicy, value: "default-src 'none'; frame-ancestors 'none'")
}
