import HTTPTypes

/// Builds the Phoney API's router. This is the only place routes are defined: the HTTP server serves it through
/// Hummingbird, and any other transport (the Lambda adapter) feeds its requests to the same responder. Nothing here
/// depends on a server framework, so a transport links only what it uses.
package enum PhoneyRouter {
    /// The router, its middleware in order from the outside in: observe (request id, access log, metrics),
    /// security headers, CORS, rate limit, error rendering.
    package static func build(_ api: APIService) -> APIRouter {
        let production = api.config.envState == .prod
        let router = APIRouter()
        router.add(middleware: ObserveMiddleware(metrics: api.metrics, production: production))
        router.add(middleware: SecurityHeadersMiddleware(production: production))
        router.add(middleware: CORSPolicyMiddleware(config: api.config))
        router.add(
            middleware: RateLimitMiddleware(limiter: api.rateLimiter, trustForwardedFor: api.config.trustForwardedFor))
        router.add(middleware: ErrorMiddleware(production: production))
        InfoRoutes.add(to: router, api: api)
        GeneratorRoutes.add(to: router, api: api)
        TemplateRoutes.add(to: router, api: api)
        AuthRoutes.add(to: router, api: api)
        JobRoutes.add(to: router, api: api)
        MethodNotAllowedRoutes.add(to: router)
        return router
    }

    /// The responder of `build(api)`.
    package static func responder(_ api: APIService) -> APIResponder {
        build(api).responder()
    }
}
