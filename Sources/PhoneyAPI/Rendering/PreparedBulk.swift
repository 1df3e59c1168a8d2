import HTTPTypes
import NIOCore
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
    /// - Throws: `APIError` 400 when the response would exceed `MAX_BUFFERED_BYTES`, 413 when it would not fit
    ///   the transport's response limit, 503 when it would not be finished by the transport's deadline.
    package func renderEnvelope(
        _ bulk: PreparedBulk, started: UInt64, transport: TransportLimits = TransportLimits()
    ) throws(APIError) -> ByteBuffer {
        let plan = bulk.plan
        let request = bulk.request
        let quoted = plan.format != .json
        var buffer = ByteBufferAllocator().buffer(capacity: Self.firstCapacity(bulk, extra: 512))
        let (prefix, suffix) = (plan.prefix, plan.suffix)
        buffer.writeStaticString("{\"template_id\":")
        buffer.writeJSONString(bulk.templateID)
        buffer.writeString(",\"generated_count\":\(request.count),\"requested_count\":\(request.count),\"data\":")
        if quoted {
            buffer.writeStaticString("\"")
            prefix.withUnsafeBytes { buffer.writeJSONEscaped($0) }
        } else {
            buffer.writeBytes(prefix)
        }
        // Text inside a JSON string grows by its escapes: about a tenth for CSV and NDJSON records.
        try renderRecords(
            bulk, into: &buffer, quoted: quoted, perMille: quoted ? 1100 : 1000, started: started,
            transport: transport)
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

    /// All `count` records as bare NDJSON, CSV or a JSON array, in memory: what a stream would carry, for a
    /// transport that cannot stream.
    ///
    /// - Throws: `APIError` as `renderEnvelope`.
    package func renderBare(
        _ bulk: PreparedBulk, started: UInt64, transport: TransportLimits
    ) throws(APIError) -> ByteBuffer {
        var buffer = ByteBufferAllocator().buffer(capacity: Self.firstCapacity(bulk, extra: 64))
        buffer.writeBytes(bulk.plan.prefix)
        try renderRecords(
            bulk, into: &buffer, quoted: false, perMille: 1000, started: started, transport: transport)
        buffer.writeBytes(bulk.plan.suffix)
        metrics.generated(bulk.request.count)
        return buffer
    }

    /// The largest body this request may have here: the configured buffered limit, or the transport's limit
    /// when it is smaller.
    func bufferedLimit(_ transport: TransportLimits) -> Int {
        min(config.maxBufferedBytes, transport.responseBytes ?? .max)
    }

    /// Records rendered to measure a run's size before the rest of it is made.
    static let sampleRecords: UInt64 = 32

    /// The capacity a response starts with: room for the records up to the end of the sample by the plan's
    /// estimate, which is the whole run when it is no larger than the sample, and `extra` bytes around them.
    static func firstCapacity(_ bulk: PreparedBulk, extra: Int) -> Int {
        let records = Int(min(bulk.request.count, sampleRecords))
        let bytes = max(bulk.plan.estimatedRecordBytes, 16) * records
        return min(bytes + bytes / 4, 1 << 20) + bulk.plan.prefix.count + bulk.plan.suffix.count + extra
    }

    /// Checks an estimate of the run's size, `perRecord` bytes for each of `count` records, against the
    /// buffered limit and the transport's.
    ///
    /// - Parameter perMille: how the records grow as the response encodes them, per 1,000 bytes.
    /// - Returns: the estimated size of the records, in bytes as the engine writes them.
    func checkSize(
        _ bulk: PreparedBulk, perRecord: Int, transport: TransportLimits, perMille: Int
    ) throws(APIError) -> Int {
        let count = Int(clamping: bulk.request.count)
        let perRecord = max(perRecord, 1)
        let (estimate, overflow) = perRecord.multipliedReportingOverflow(by: count)
        if let transportLimit = transport.responseBytes {
            let encodedPerRecord = max(1, perRecord * perMille / 1000 * transport.encodingPerMille / 1000)
            let (encoded, encodedOverflow) = encodedPerRecord.multipliedReportingOverflow(by: count)
            if encodedOverflow || encoded > transportLimit {
                throw APIError.transportTooLarge(
                    bulk, estimate: encodedOverflow ? nil : encoded, perRecord: encodedPerRecord, transport: transport,
                    limit: transportLimit)
            }
        }
        let limit = config.maxBufferedBytes
        if overflow || estimate > limit {
            throw APIError.outputTooLarge(estimate: overflow ? nil : estimate, limit: limit)
        }
        return estimate
    }

    /// Renders all the request's records into `buffer`, checking their size before most of them are made.
    ///
    /// The first records of the run (up to `sampleRecords`, at most about 1 MiB) go into `buffer` first; their
    /// average size, with a tenth added for the spread, estimates the whole run, which is checked against the
    /// limits before the rest is rendered. A run no larger than the sample is checked by the plan's estimate.
    /// After that the records are rendered chunk by chunk, and the size limit and the deadline are checked after
    /// each chunk.
    ///
    /// - Parameter perMille: how the records grow as `buffer` encodes them, per 1,000 bytes (escaping).
    func renderRecords(
        _ bulk: PreparedBulk, into buffer: inout ByteBuffer, quoted: Bool, perMille: Int, started: UInt64,
        transport: TransportLimits
    ) throws(APIError) {
        let request = bulk.request
        let limit = bufferedLimit(transport)
        // The buffered path renders on the request's own thread (threads: 0): its records go into one buffer
        // anyway, and behind Lambda there is one core.
        // A chunk larger than the whole limit halts inside its record (a record can be 100 MB), so no more than
        // about `limit` bytes are ever rendered before the answer is a 413; the deadline halts it the same way.
        let engine = ChunkEngine(
            plan: bulk.plan, seed: request.seed, offset: request.offset, count: request.count, threads: 0,
            maxChunkBytes: limit, deadline: transport.deadline)
        /// The error for a run the engine halted after `rendered` records.
        func halted(after rendered: UInt64) -> APIError {
            switch engine.halt {
            case .deadline:
                return APIError.deadline(bulk, rendered: rendered, transport: transport)
            default:
                return tooLarge(rendered: rendered, bytes: max(buffer.readableBytes, limit + 1))
            }
        }
        /// The error for a response over `limit` after `rendered` records and `bytes` bytes.
        func tooLarge(rendered: UInt64, bytes: Int) -> APIError {
            guard let transportLimit = transport.responseBytes, transportLimit <= config.maxBufferedBytes else {
                return APIError.outputTooLarge(estimate: nil, limit: limit)
            }
            if rendered == 0 {
                return APIError(
                    .contentTooLarge,
                    "One record of this template is larger than the \(transportLimit)-byte limit of a "
                        + "\(transport.name) response, so no page size fits: make the template's values smaller "
                        + "(fewer array items, shorter texts).")
            }
            let perRecord = max(1, bytes / Int(rendered))
            return APIError.transportTooLarge(
                bulk, estimate: nil, perRecord: perRecord, transport: transport, limit: transportLimit)
        }
        /// Writes the next chunk of at most `limit` records to `buffer`; returns its records and bytes, (0, 0) when
        /// all are done.
        func writeNext(atMost limit: UInt64 = .max) -> (records: UInt64, bytes: Int) {
            guard let chunk = engine.next(atMost: limit) else { return (0, 0) }
            defer { engine.release(chunk) }
            if quoted { buffer.writeJSONEscaped(chunk.bytes) } else { buffer.writeBytes(chunk.bytes) }
            return (UInt64(chunk.records.count), chunk.bytes.count)
        }
        var rendered: UInt64 = 0
        if request.count > Self.sampleRecords {
            var sampleBytes = 0
            while rendered < Self.sampleRecords, sampleBytes < 1 << 20 {
                let (records, bytes) = writeNext(atMost: Self.sampleRecords - rendered)
                if records == 0 { throw halted(after: rendered) }
                rendered += records
                sampleBytes += bytes
            }
            let perRecord = sampleBytes / Int(rendered) * 11 / 10 + 1
            let estimate = try checkSize(bulk, perRecord: perRecord, transport: transport, perMille: perMille)
            let rest = max(0, estimate - sampleBytes) / 1000 * perMille
            buffer.reserveCapacity(buffer.writerIndex + rest + rest / 8 + 512)
        } else {
            _ = try checkSize(
                bulk, perRecord: bulk.plan.estimatedRecordBytes, transport: transport, perMille: perMille)
        }
        let sampled = rendered
        let renderStarted = monotonicNanoseconds()
        while true {
            let (records, _) = writeNext()
            if records == 0 {
                if rendered < request.count { throw halted(after: rendered) }
                break
            }
            rendered += records
            if buffer.readableBytes > limit {
                throw tooLarge(rendered: rendered, bytes: buffer.readableBytes)
            }
            if let deadline = transport.deadline, rendered < request.count {
                // Stop at the deadline, or earlier once the pace over at least 20 ms of rendering says the rest
                // would not be done in time.
                let now = monotonicNanoseconds()
                let spent = now &- renderStarted
                // The pace of this loop only: the sample's records were made before it started.
                let perRecord = Double(spent) / Double(max(rendered - sampled, 1))
                let projected = Double(now) + perRecord * Double(request.count - rendered)
                if deadline.hasPassed(at: now)
                    || (spent >= 20_000_000 && projected > Double(deadline.uptimeNanoseconds))
                {
                    throw APIError.deadline(bulk, rendered: rendered, transport: transport)
                }
            }
        }
    }
}

extension APIError {
    /// 413 for a request whose records would not fit the transport's response: says how to page.
    static func transportTooLarge(
        _ bulk: PreparedBulk, estimate: Int?, perRecord: Int, transport: TransportLimits, limit: Int
    ) -> APIError {
        let request = bulk.request
        let fitting = max(1, (limit - 4096) / max(perRecord, 1) * 9 / 10)
        let size = estimate.map { "about \($0) bytes" } ?? "larger than that"
        let next = request.offset + UInt64(fitting)
        return APIError(
            .contentTooLarge,
            detail: .string(
                "\(request.count) records would make a response of \(size), over the \(limit)-byte limit of "
                    + "a \(transport.name) response. Ask for at most \(fitting) records per request and page through the rest "
                    + "with `offset`: {\"count\": \(fitting), \"offset\": \(request.offset)}, then {\"count\": "
                    + "\(fitting), \"offset\": \(next)}, and so on, with the same `seed` (\(request.seedText)) so the "
                    + "pages join up into the same records."),
            extra: [
                ("max_count_per_request", .number(String(fitting))),
                ("next_offset", .number(String(next))),
                ("seed", .number(request.seedText)),
            ])
    }

    /// 503 for generation stopped because it would not finish before the transport's deadline: how far it got,
    /// where to go on, and the transport's advice.
    static func deadline(_ bulk: PreparedBulk, rendered: UInt64, transport: TransportLimits) -> APIError {
        let request = bulk.request
        return APIError(
            .serviceUnavailable,
            detail: .string(
                "Generation stopped after \(rendered) of \(request.count) records: finishing would run past "
                    + transport.deadlineAdvice),
            extra: [
                ("generated_before_stop", .number(String(rendered))),
                ("next_offset", .number(String(request.offset + rendered))),
                ("seed", .number(request.seedText)),
            ])
    }
}
