import HTTPTypes
import PhoneyCore

/// `POST /template`, `POST /api/v1/template/generate` and `POST /api/v1/template/validate`.
enum TemplateRoutes {
    /// The limits a buffered response of this request is generated under: the transport's, with the server's time
    /// budget as the deadline when the transport has none (or a later one).
    static func limits(_ transport: TransportLimits, api: APIService, started: UInt64) -> TransportLimits {
        var limits = transport
        let budget = Deadline.after(UInt64(api.config.requestTimeBudgetMilliseconds) * 1_000_000, from: started)
        if limits.deadline.map({ budget < $0 }) ?? true {
            limits.deadline = budget
            limits.deadlineAdvice =
                "the server's time budget for one request (REQUEST_TIME_BUDGET_MS, "
                + "\(api.config.requestTimeBudgetMilliseconds) ms). Ask for fewer records per request and page with "
                + "`offset` (same `seed`), or stream them from /api/v1/template/generate."
        }
        return limits
    }

    static func add(to router: APIRouter, api: APIService) {
        router.post("/template") { request, context -> APIResponse in
            let started = monotonicNanoseconds()
            let body = try await api.readJSONBody(request)
            let bulk = try BulkRequest(body: body, limits: api.config.templateLimits)
            if bulk.count > APIConfig.publicMaxCount {
                throw APIError(
                    .badRequest,
                    "Maximum count for simple template endpoint is \(APIConfig.publicMaxCount). Use "
                        + "/api/v1/template/generate with authentication for larger datasets.")
            }
            if bulk.stream {
                throw APIError(
                    .badRequest,
                    "Streaming needs authentication: send the request to /api/v1/template/generate with a bearer "
                        + "token or X-API-Key.")
            }
            let prepared = try api.prepare(bulk, format: bulk.format)
            context.notes?.templateID = prepared.templateID
            return APIResponse.json(
                buffer: try api.renderEnvelope(
                    prepared, started: started, transport: limits(context.transport, api: api, started: started)))
        }

        router.post("/api/v1/template/generate") { request, context -> APIResponse in
            let started = monotonicNanoseconds()
            _ = try await api.authenticator.authenticate(request)
            let body = try await api.readJSONBody(request)
            let bulk = try BulkRequest(body: body, limits: api.config.templateLimits)
            if let format = streamFormat(request, bulk) {
                if bulk.count > api.config.maxStreamCount {
                    throw APIError.requestValidation([
                        RequestIssue(
                            "less_than_equal", ["body", "count"],
                            "Input should be less than or equal to \(api.config.maxStreamCount) (MAX_STREAM_COUNT)",
                            input: .integer(bulk.count))
                    ])
                }
                let prepared = try api.prepare(bulk, format: format)
                context.notes?.templateID = prepared.templateID
                if context.transport.buffersResponses {
                    let body = try api.renderBare(
                        prepared, started: started, transport: limits(context.transport, api: api, started: started))
                    return APIResponse(
                        status: .ok, headers: RecordStream.headers(prepared), body: APIResponseBody(byteBuffer: body))
                }
                return RecordStream.response(prepared, metrics: api.metrics, logger: context.logger)
            }
            if bulk.count > APIConfig.bufferedMaxCount {
                throw APIError.requestValidation([
                    RequestIssue(
                        "less_than_equal", ["body", "count"],
                        "Input should be less than or equal to \(APIConfig.bufferedMaxCount); stream larger runs "
                            + "with `Accept: application/x-ndjson` or `\"stream\": true`",
                        input: .integer(bulk.count))
                ])
            }
            let prepared = try api.prepare(bulk, format: bulk.format)
            context.notes?.templateID = prepared.templateID
            return APIResponse.json(
                buffer: try api.renderEnvelope(
                    prepared, started: started, transport: limits(context.transport, api: api, started: started)))
        }

        router.post("/api/v1/template/validate") { request, _ -> APIResponse in
            let body = try await api.readJSONBody(request)
            var limits = api.config.templateLimits
            limits.maxDepth += 1
            limits.maxNodes += 8
            var fields = try RequestFields(body: body, limits: limits, allowed: ["template", "strict"])
            let template = fields.object("template", required: true)
            let strict = fields.boolean("strict", default: false)
            try fields.check()
            var report = ValidationReport.validate(
                .object(template ?? []), options: CompileOptions(limits: api.config.templateLimits))
            if strict, !report.warnings.isEmpty { report.valid = false }
            return APIResponse.json(report.json)
        }
    }

    /// The format to stream in, when the request asks for a stream: by `Accept` (NDJSON or CSV), else by
    /// `"stream": true` with the body's `format`.
    static func streamFormat(_ request: APIRequest, _ bulk: BulkRequest) -> OutputFormat? {
        if let accept = request.headers[.accept], let preferred = preferredStream(accept: accept) {
            return preferred
        }
        return bulk.stream ? bulk.format : nil
    }

    /// NDJSON or CSV when `Accept` prefers one of them to JSON: the type with the highest `q` (1 by default) wins,
    /// the first listed among equals; wildcards and types with `q=0` ask for nothing.
    static func preferredStream(accept: String) -> OutputFormat? {
        var best: (format: OutputFormat?, quality: Double)?
        for range in accept.lowercased().split(separator: ",") {
            let parts = range.split(separator: ";").map { $0.trimmed }
            let format: OutputFormat?
            switch parts.first ?? "" {
            case "application/x-ndjson", "application/jsonl", "application/ndjson": format = .ndjson
            case "text/csv": format = .csv
            case "application/json": format = nil
            default: continue
            }
            var quality = 1.0
            for parameter in parts.dropFirst() where parameter.hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 1
            }
            if quality > 0, quality > best?.quality ?? 0 { best = (format, quality) }
        }
        return best?.format
    }
}
