import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import PhoneyCore

/// Streams a bulk request's records as a chunked response, one engine chunk (about 256 KiB) at a time.
///
/// Each chunk is rendered, then written with `await`; the write returns only when the connection has room, so
/// memory stays at one chunk whatever the count, and a client that goes away makes the write throw, which ends
/// the generation.
package enum RecordStream {
    /// The headers of a stream of `bulk`'s records: content type, seed, count and template id.
    package static func headers(_ bulk: PreparedBulk) -> HTTPFields {
        [
            .contentType: bulk.plan.format.contentType,
            .xPhoneySeed: bulk.request.seedText,
            .xPhoneyCount: String(bulk.request.count),
            .xPhoneyTemplateID: bulk.templateID,
            .cacheControl: "no-store",
        ]
    }

    package static func response(_ bulk: PreparedBulk, metrics: APIMetrics, logger: Logger) -> Response {
        let plan = bulk.plan
        let request = bulk.request
        let headers = headers(bulk)
        let body = ResponseBody { writer in
            let started = monotonicNanoseconds()
            var sent: UInt64 = 0
            do {
                try await write(plan, request, to: &writer, metrics: metrics) { sent = $0 }
                try await writer.finish(nil)
                logger.info(
                    "stream finished",
                    metadata: [
                        "records": .stringConvertible(sent),
                        "duration_ms": .string(Milliseconds.text(nanoseconds: monotonicNanoseconds() &- started)),
                    ])
            } catch {
                logger.notice(
                    "stream stopped", metadata: ["records": .stringConvertible(sent), "reason": .string("\(error)")])
                throw error
            }
        }
        return Response(status: .ok, headers: headers, body: body)
    }

    package static func write(
        _ plan: Plan, _ request: BulkRequest, to writer: inout any ResponseBodyWriter, metrics: APIMetrics,
        progress: (UInt64) -> Void
    ) async throws {
        let prefix = plan.prefix
        if !prefix.isEmpty { try await writer.write(ByteBuffer(bytes: prefix)) }
        let pipeline = StreamPipeline(
            plan: plan, seed: request.seed, offset: request.offset, count: request.count,
            lanes: Executor.defaultThreads)
        var reported: UInt64 = 0
        try await pipeline.write(to: &writer) { sent in
            metrics.generated(sent - reported)
            reported = sent
            progress(sent)
        }
        let suffix = plan.suffix
        if !suffix.isEmpty { try await writer.write(ByteBuffer(bytes: suffix)) }
    }
}
