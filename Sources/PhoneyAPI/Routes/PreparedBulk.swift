import HTTPTypes
import Hummingbird
import HummingbirdCore
import PhoneyCore

/// A bulk request resolved against the engine: its compiled plan, canonical locale and template id.
package struct PreparedBulk: Sendable {
    package let plan: Plan
    package let request: BulkRequest
    package let locale: String
    package let templateID: String
    package let warnings: [String]
}

extension APIError {
    /// 400 for a buffered response that would exceed the size limit.
    static func outputTooLarge(estimate: Int?, limit: Int) -> APIError {
        let size = estimate.map { "about \($0) bytes" } ?? "more"
        return APIError(
            .badRequest,
            "The response would be \(size), over the \(limit)-byte limit for buffered responses "
                + "(MAX_BUFFERED_BYTES). Ask for fewer records, or stream them from /api/v1/template/generate with "
                + "`Accept: application/x-ndjson` or `\"stream\": true`.")
    }
}

extension APIService {
    /// Compiles the request's template for `format` and checks that unique fields can hold `count` records.
    ///
    /// - Throws: `APIError` 422 for an unknown locale, a template that does not compile, or unique fields with
    ///   too few distinct values.
    package func prepare(_ request: BulkRequest, format: OutputFormat) throws(APIError) -> PreparedBulk {
        let locale = try locale(request.locale)
        let text = request.templateText
        let options = CompileOptions(
            format: format, locale: locale, uniqueAll: request.unique, limits: config.templateLimits)
        let plan = try plan(json: text, options: options)
        do {
            try plan.checkUnique(offset: request.offset, count: request.count)
        } catch {
            throw APIError.templateFailure([error])
        }
        var warnings = plan.warnings
        if request.streaming {
            warnings.append(
                "`streaming` is accepted for compatibility and changes nothing; send `\"stream\": true` or "
                    + "`Accept: application/x-ndjson` to /api/v1/template/generate to stream records")
        }
        return PreparedBulk(
            plan: plan, request: request, locale: locale, templateID: fnv1aHex(text), warnings: warnings)
    }

    /// The original Phoney's envelope around all `count` records, rendered in memory.
    ///
    /// For `json` the records are copied in as the engine wrote them; for `csv` and `ndjson` `data` is their text
    /// as one JSON string.
    ///
    /// - Throws: `APIError` 400 when the response would exceed `MAX_BUFFERED_BYTES`.
    package func renderEnvelope(_ bulk: PreparedBulk, started: UInt64) throws(APIError) -> ByteBuffer {
        let plan = bulk.plan
        let request = bulk.request
        let limit = config.maxBufferedBytes
        let (estimate, overflow) = max(plan.estimatedRecordBytes, 1).multipliedReportingOverflow(
            by: Int(clamping: request.count))
        if overflow || estimate > limit {
            throw APIError.outputTooLarge(estimate: overflow ? nil : estimate, limit: limit)
        }
        var buffer = ByteBufferAllocator().buffer(capacity: min(limit, estimate + estimate / 4 + 512))
        let (prefix, suffix) = (plan.prefix, plan.suffix)
        buffer.writeStaticString("{\"template_id\":")
        buffer.writeJSONString(bulk.templateID)
        buffer.writeString(",\"generated_count\":\(request.count),\"requested_count\":\(request.count),\"data\":")
        let quoted = plan.format != .json
        if quoted {
            buffer.writeStaticString("\"")
            prefix.withUnsafeBytes { buffer.writeJSONEscaped($0) }
        } else {
            buffer.writeBytes(prefix)
        }
        let renderer = ChunkRenderer(
            plan: plan, seed: request.seed, offset: request.offset, count: request.count)
        while renderer.renderNext() > 0 {
            if quoted {
                buffer.writeJSONEscaped(renderer.bytes)
            } else {
                buffer.writeBytes(renderer.bytes)
            }
            if buffer.readableBytes > limit { throw APIError.outputTooLarge(estimate: nil, limit: limit) }
        }
        if quoted {
            suffix.withUnsafeBytes { buffer.writeJSONEscaped($0) }
            buffer.writeStaticString("\"")
        } else {
            buffer.writeBytes(suffix)
        }
        buffer.writeStaticString(",\"format\":")
        buffer.writeJSONString(plan.format.rawValue)
        buffer.writeStaticString(",\"locale\":")
        buffer.writeJSONString(bulk.locale)
        buffer.writeString(",\"seed\":\(request.seedText),\"execution_time_ms\":")
        buffer.writeString(Milliseconds.text(nanoseconds: monotonicNanoseconds() &- started))
        buffer.writeStaticString(",\"warnings\":[")
        for (index, warning) in bulk.warnings.enumerated() {
            if index > 0 { buffer.writeStaticString(",") }
            buffer.writeJSONString(warning)
        }
        buffer.writeStaticString("]}")
        metrics.generated(request.count)
        return buffer
    }
}
