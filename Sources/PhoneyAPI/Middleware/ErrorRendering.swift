import HTTPTypes
import PhoneyCore

/// Turns any error a handler throws into a JSON response: `APIError` as itself, anything else as a 500 whose text
/// is hidden in production.
package enum ErrorRendering {
    package static func response(for error: any Error, production: Bool) -> APIResponse {
        switch error {
        case let error as APIError:
            return error.response()
        default:
            let message = production ? "Internal Server Error" : "Internal Server Error: \(error)"
            return APIError(.internalServerError, message).response()
        }
    }
}

/// The innermost middleware: every error below it becomes a response here, so the middleware above it (rate
/// limit, CORS, security headers, logging) always sees a response to decorate.
package struct ErrorMiddleware: APIMiddleware {
    let production: Bool

    package init(production: Bool) {
        self.production = production
    }

    package func handle(
        _ request: APIRequest, context: APIContext, next: (APIRequest, APIContext) async throws -> APIResponse
    )
        async throws -> APIResponse
    {
        do {
            return try await next(request, context)
        } catch {
            return ErrorRendering.response(for: error, production: production)
        }
    }
}
