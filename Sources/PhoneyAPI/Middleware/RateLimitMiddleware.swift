import HTTPTypes
import PhoneyCore

/// Limits requests per client address with `RateLimiter`; answers 429 with `Retry-After` when over the limit.
///
/// `OPTIONS` requests and the monitoring paths (`/health`, `/metrics`) are never counted.
package struct RateLimitMiddleware: APIMiddleware {
    let limiter: RateLimiter
    let trustForwardedFor: Bool
    /// Whether requests to `path` are never counted (the monitoring paths).
    static func exempt(_ path: String) -> Bool { path == "/health" || path == "/metrics" }

    package init(limiter: RateLimiter, trustForwardedFor: Bool) {
        self.limiter = limiter
        self.trustForwardedFor = trustForwardedFor
    }

    /// The address a request is counted against.
    func client(_ request: APIRequest, context: APIContext) -> String {
        if trustForwardedFor, let forwarded = request.headers[.xForwardedFor],
            let first = forwarded.split(separator: ",").first?.trimmed, !first.isEmpty
        {
            return first
        }
        return context.peerAddress ?? "unknown"
    }

    package func handle(
        _ request: APIRequest, context: APIContext, next: (APIRequest, APIContext) async throws -> APIResponse
    )
        async throws -> APIResponse
    {
        guard limiter.enabled, request.method != .options, !Self.exempt(request.path) else {
            return try await next(request, context)
        }
        let decision = limiter.check(client(request, context: context), now: WallClock.milliseconds())
        guard decision.allowed else {
            let error = APIError(
                .tooManyRequests, detail: .string("Rate limit exceeded"),
                extra: [("retry_after", .integer(decision.retryAfter))],
                headers: [
                    .retryAfter: String(decision.retryAfter),
                    .xRateLimitLimit: String(limiter.limit),
                    .xRateLimitRemaining: "0",
                    .xRateLimitReset: String(decision.reset),
                ])
            return error.response()
        }
        var response = try await next(request, context)
        response.headers[.xRateLimitLimit] = String(limiter.limit)
        response.headers[.xRateLimitRemaining] = String(decision.remaining)
        response.headers[.xRateLimitReset] = String(decision.reset)
        return response
    }
}
