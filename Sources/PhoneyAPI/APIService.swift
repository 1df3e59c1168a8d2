import HTTPTypes
import Logging
import NIOCore
import PhoneyCore

/// The state every route shares: configuration, plan cache, auth, rate limiter, metrics, and the documents built
/// once at start (generator list, OpenAPI, docs page).
package final class APIService: Sendable {
    package let config: APIConfig
    package let planCache: PlanCache
    package let tokens: TokenService
    package let authenticator: Authenticator
    package let rateLimiter: RateLimiter
    package let metrics: APIMetrics
    /// Writes the metrics in Prometheus text format; nil where the transport does not expose `/metrics`.
    package let metricsExporter: (@Sendable () -> [UInt8])?
    /// Where export jobs run; nil where they are not configured (the local server).
    package let jobs: (any ExportJobs)?
    let generatorList: [UInt8]
    let providerList: [UInt8]
    let openAPIDocument: [UInt8]
    let docsPage: [UInt8]

    package init(
        config: APIConfig, metrics: APIMetrics = APIMetrics(),
        metricsExporter: (@Sendable () -> [UInt8])? = nil, planCacheCapacity: Int = 256,
        jobs: (any ExportJobs)? = nil
    ) async {
        self.jobs = jobs
        self.config = config
        self.planCache = PlanCache(capacity: planCacheCapacity)
        let tokens = await TokenService(config: config)
        self.tokens = tokens
        self.authenticator = Authenticator(tokens: tokens, config: config)
        self.rateLimiter = RateLimiter(limit: config.rateLimitPerMinute)
        self.metrics = metrics
        self.metricsExporter = metricsExporter
        var list: [UInt8] = []
        JSONValue.strings(Catalog.names).serialize(into: &list)
        self.generatorList = list
        var providers: [UInt8] = []
        CatalogDocuments.providers.serialize(into: &providers)
        self.providerList = providers
        var openAPI: [UInt8] = []
        OpenAPIDocument.make(config: config).serialize(into: &openAPI)
        self.openAPIDocument = openAPI
        self.docsPage = Array(DocsPage.html.utf8)
    }

    var production: Bool { config.envState == .prod }

    /// A JSON request body, at most `MAX_BODY_BYTES`.
    ///
    /// As FastAPI reads a JSON body: without a `Content-Type` the body is taken as JSON; with one, it must be
    /// `application/json` or a `+json` type, and anything else (`text/plain` from a bare `fetch`, the form type
    /// `curl -d` sends) is a 422 naming the type, before the body is read.
    ///
    /// - Throws: `APIError` 422 for another content type, and whatever `readBody` throws.
    package func readJSONBody(_ request: APIRequest) async throws -> ByteBuffer {
        if let contentType = request.headers[.contentType] {
            let media = contentType.split(separator: ";", maxSplits: 1).first.map { $0.trimmed.lowercased() } ?? ""
            if media != "application/json", !(media.hasPrefix("application/") && media.hasSuffix("+json")) {
                throw APIError.requestValidation([
                    RequestIssue(
                        "model_attributes_type", ["body"],
                        "Input should be a valid dictionary or object to extract fields from: the body was sent as "
                            + "`\(media)`; send the JSON with `Content-Type: application/json`")
                ])
            }
        }
        return try await readBody(request)
    }

    /// The request body, at most `MAX_BODY_BYTES`.
    ///
    /// - Throws: `APIError` 413 when the body is larger (checked against `Content-Length` first), 400 when the
    ///   client's framing of it is broken (a bad chunk size, a connection closed mid-body).
    package func readBody(_ request: APIRequest) async throws -> ByteBuffer {
        let limit = config.maxBodyBytes
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
            throw APIError.bodyTooLarge(limit)
        }
        do {
            return try await request.body.collect(upTo: limit)
        } catch is APIRequestBody.TooLarge {
            throw APIError.bodyTooLarge(limit)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw APIError(.badRequest, "Malformed request body: \(error)")
        }
    }

    /// A plan from the cache, counting the hit or miss.
    ///
    /// - Throws: `APIError` 422 with the template's errors when it does not compile.
    package func plan(json template: String, options: CompileOptions) throws(APIError) -> Plan {
        do {
            let (plan, hit) = try planCache.plan(json: template, options: options)
            metrics.planCache(hit: hit)
            return plan
        } catch {
            metrics.planCache(hit: false)
            throw APIError.templateFailure(error.errors, warnings: error.warnings)
        }
    }

    /// The canonical id of a supported locale.
    ///
    /// - Throws: `APIError` 422 listing the supported locales.
    package func locale(_ requested: String?) throws(APIError) -> String {
        guard let requested, !requested.isEmpty else { return "en_US" }
        do {
            return try LocaleData.named(requested).id
        } catch {
            throw APIError.unsupportedLocale(requested)
        }
    }
}

extension APIError {
    /// 413 for a request body over the limit.
    package static func bodyTooLarge(_ limit: Int) -> APIError {
        APIError(.contentTooLarge, "Request body is larger than \(limit) bytes (MAX_BODY_BYTES)")
    }
}
