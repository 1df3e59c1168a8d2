import HTTPTypes
import Hummingbird
import HummingbirdCore
import PhoneyCore

/// Turns any error a handler throws into a JSON response: `APIError` as itself, Hummingbird's `HTTPError` as
/// `{"detail": message}` with its status, anything else as a 500 whose text is hidden in production.
package enum ErrorRendering {
    package static func response(for error: any Error, production: Bool) -> Response {
        switch error {
        case let error as APIError:
            return error.response()
        case let error as HTTPError:
            let message = error.body ?? error.status.reasonPhrase
            var response = APIError(error.status, message).response()
            response.headers.append(contentsOf: error.headers)
            return response
        default:
            let message = production ? "Internal Server Error" : "Internal Server Error: \(error)"
            return APIError(.internalServerError, message).response()
        }
    }
}

/// The innermost middleware: every error below it becomes a response here, so the middleware above it (rate
/// limit, CORS, security headers, logging) always sees a response to decorate.
package struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let production: Bool

    package init(production: Bool) {
        self.production = production
    }

    package func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    )
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            return ErrorRendering.response(for: error, production: production)
        }
    }
}
