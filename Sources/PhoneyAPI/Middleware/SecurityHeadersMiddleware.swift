import HTTPTypes
import Hummingbird
import HummingbirdCore

/// Adds the security headers the original Phoney sent on every response, errors and streams included.
package struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The policy for API responses: they are data, never a page, so nothing may load or frame them.
    static var apiPolicy: String { "default-src 'none'; frame-ancestors 'none'" }

    let production: Bool

    package init(production: Bool) {
        self.production = production
    }

    package func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    )
        async throws -> Response
    {
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = ErrorRendering.response(for: error, production: production)
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.strictTransportSecurity] = "max-age=31536000; includeSubDomains"
        response.headers[.referrerPolicy] = "strict-origin-when-cross-origin"
        response.headers[.permissionsPolicy] = "camera=(), microphone=(), geolocation=()"
        if response.headers[.contentSecurityPolicy] == nil {
            response.headers[.contentSecurityPolicy] = Self.apiPolicy
        }
        return response
    }
}
