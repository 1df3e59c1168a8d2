import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PhoneyAPI
import PhoneyCore
import Testing

struct MiddlewareTests {
    static func limited(_ limit: Int, origins: [String] = ["https://app.example"]) async -> some ApplicationProtocol {
        await TestSupport.app(
            TestSupport.config {
                $0.rateLimitPerMinute = limit
                $0.trustForwardedFor = true
                $0.corsOrigins = origins
            })
    }

    @Test(arguments: ["/health", "/nope", "/fake/nothing", "/openapi.json"])
    func securityHeadersOnEveryResponse(path: String) async throws {
        try await TestSupport.app().test(.router) { client in
            try await client.execute(uri: path, method: .get) { (response) async throws in
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[.xFrameOptions] == "DENY")
                #expect(response.headers[.strictTransportSecurity]?.hasPrefix("max-age=") == true)
                #expect(response.headers[.referrerPolicy] == "strict-origin-when-cross-origin")
                #expect(response.headers[.xRequestID]?.isEmpty == false)
            }
        }
    }

    @Test func requestIDIsEchoedWhenSane() async throws {
        try await TestSupport.app().test(.router) { client in
            try await client.execute(uri: "/health", method: .get, headers: [.xRequestID: "abc-123"]) {
                (response) async throws in
                #expect(response.headers[.xRequestID] == "abc-123")
            }
            try await client.execute(uri: "/health", method: .get, headers: [.xRequestID: "bad id\u{7f}"]) {
                (response) async throws in
                #expect(response.headers[.xRequestID] != "bad id\u{7f}")
            }
        }
    }

    @Test func corsAllowsConfiguredOriginsOnly() async throws {
        try await Self.limited(0).test(.router) { client in
            try await client.execute(uri: "/health", method: .get, headers: [.origin: "https://app.example"]) {
                (response) async throws in
                #expect(response.headers[.accessControlAllowOrigin] == "https://app.example")
                #expect(response.headers[.accessControlAllowCredentials] == "true")
                #expect(response.headers[.vary]?.contains("Origin") == true)
            }
            try await client.execute(uri: "/health", method: .get, headers: [.origin: "https://evil.example"]) {
                (response) async throws in
                #expect(response.status == .ok)
                #expect(response.headers[.accessControlAllowOrigin] == nil)
            }
            try await client.execute(
                uri: "/template", method: .options,
                headers: [.origin: "https://evil.example", .accessControlRequestMethod: "POST"]
            ) { (response) async throws in
                #expect(response.status == .badRequest)
                #expect(response.headers[.accessControlAllowOrigin] == nil)
            }
        }
    }

    @Test func preflightsAreAnsweredAndNeverRateLimited() async throws {
        try await Self.limited(2).test(.router) { client in
            for _ in 0..<5 {
                try await client.execute(
                    uri: "/api/v1/template/generate", method: .options,
                    headers: [
                        .origin: "https://app.example", .accessControlRequestMethod: "POST",
                        .accessControlRequestHeaders: "authorization, content-type", .xForwardedFor: "10.0.0.1",
                    ]
                ) { (response) async throws in
                    #expect(response.status == .ok)
                    #expect(String(buffer: response.body) == "OK")
                    #expect(response.headers[.accessControlAllowOrigin] == "https://app.example")
                    #expect(response.headers[.accessControlAllowMethods]?.contains("POST") == true)
                    #expect(response.headers[.accessControlAllowHeaders] == "authorization, content-type")
                    #expect(response.headers[.xContentTypeOptions] == "nosniff")
                }
            }
            for _ in 0..<2 {
                try await client.execute(uri: "/", method: .get, headers: [.xForwardedFor: "10.0.0.1"]) {
                    (response) async throws in
                    #expect(response.status == .ok)
                }
            }
        }
    }

    @Test func rateLimitIsPerClientWith429Headers() async throws {
        try await Self.limited(3).test(.router) { client in
            for expected in [2, 1, 0] {
                try await client.execute(uri: "/", method: .get, headers: [.xForwardedFor: "192.0.2.1"]) {
                    (response) async throws in
                    #expect(response.status == .ok)
                    #expect(response.headers[.xRateLimitRemaining] == String(expected))
                    #expect(response.headers[.xRateLimitLimit] == "3")
                }
            }
            try await client.execute(
                uri: "/", method: .get, headers: [.xForwardedFor: "192.0.2.1", .origin: "https://app.example"]
            ) { (response) async throws in
                #expect(response.status == .tooManyRequests)
                let retry = try #require(response.headers[.retryAfter].flatMap(Int.init))
                #expect((1...120).contains(retry))
                #expect(response.headers[.xRateLimitRemaining] == "0")
                #expect(response.headers[.xRateLimitReset].flatMap(Int64.init) != nil)
                #expect(response.headers[.accessControlAllowOrigin] == "https://app.example", "429s carry CORS")
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                let body = try TestSupport.json(response)
                #expect(body["detail"] == .string("Rate limit exceeded"))
                #expect(body["retry_after"]?.intValue == retry)
            }
            try await client.execute(uri: "/", method: .get, headers: [.xForwardedFor: "192.0.2.2"]) {
                (response) async throws in
                #expect(response.status == .ok, "another client has its own window")
            }
            try await client.execute(uri: "/health", method: .get, headers: [.xForwardedFor: "192.0.2.1"]) {
                (response) async throws in
                #expect(response.status == .ok, "health checks are exempt")
            }
        }
    }

    @Test func slidingWindowCountsThePreviousMinute() {
        let limiter = RateLimiter(limit: 10)
        let start: Int64 = 1_000 * 60_000
        for _ in 0..<10 { #expect(limiter.check("a", now: start + 30_000).allowed) }
        #expect(!limiter.check("a", now: start + 59_000).allowed)
        // 30 s into the next minute half of the previous minute's 10 still count: 5 more fit.
        var allowed = 0
        for _ in 0..<10 where limiter.check("a", now: start + 90_000).allowed { allowed += 1 }
        #expect(allowed == 5)
        let denied = limiter.check("a", now: start + 90_000)
        #expect(!denied.allowed)
        // At 36 s the previous minute weighs 0.4: 4 + 5 = 9, so one more fits.
        #expect(denied.retryAfter == 6)
        #expect(limiter.check("a", now: start + 96_000).allowed)
        // Two minutes later everything has aged out.
        #expect(limiter.check("a", now: start + 240_000).remaining == 9)
    }

    /// Many clients: stale ones are pruned once a minute (not on every request), active ones are kept, and the
    /// table never holds more than two minutes of clients.
    @Test func clientsOfEarlierMinutesArePrunedOnceAMinute() {
        let limiter = RateLimiter(limit: 5)
        let start: Int64 = 700 * 60_000
        for client in 0..<(RateLimiter.pruneAbove + 10) { _ = limiter.check("old-\(client)", now: start) }
        #expect(limiter.clientCount == RateLimiter.pruneAbove + 10)
        // Two minutes later the old clients are out of every window: the next request prunes them.
        _ = limiter.check("new", now: start + 120_000)
        #expect(limiter.clientCount == 1)
        // A client still within its window keeps its count through a prune.
        for _ in 0..<5 { #expect(limiter.check("busy", now: start + 121_000).allowed) }
        for client in 0..<(RateLimiter.pruneAbove + 10) { _ = limiter.check("next-\(client)", now: start + 121_000) }
        _ = limiter.check("new", now: start + 180_000)
        #expect(!limiter.check("busy", now: start + 180_500).allowed, "the busy client's count survived the prune")
    }

    @Test func retryAfterIsLongEnough() {
        let limiter = RateLimiter(limit: 2)
        let start: Int64 = 500 * 60_000
        #expect(limiter.check("b", now: start).allowed)
        #expect(limiter.check("b", now: start).allowed)
        let denied = limiter.check("b", now: start)
        #expect(!denied.allowed)
        let later = start + Int64(denied.retryAfter) * 1000
        #expect(limiter.check("b", now: later).allowed)
    }
}
