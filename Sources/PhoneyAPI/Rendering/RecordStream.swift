import HTTPTypes
import Logging
import NIOCore
import PhoneyCore

/// Streams a bulk request's records as a chunked response, one engine chunk (about 256 KiB) at a time.
///
/// The `ChunkEngine` renders on its own threads; each chunk is copied into a `ByteBuffer` and written with
/// `await`, which returns only when the connection has room, so memory stays at the engine's few chunks whatever
/// the count, and a client that goes away makes the write throw, which ends the generation.
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

    package static func response(_ bulk: PreparedBulk, metrics: APIMetrics, logger: Logger) -> APIResponse {
        let plan = bulk.plan
        let request = bulk.request
        let headers = headers(bulk)
        let body = APIResponseBody { writer in
            let started = monotonicNanoseconds()
            var sent: UInt64 = 0
            do {
                try await write(plan, request, to: &writer, metrics: metrics) { sent = $0 }
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
        return APIResponse(status: .ok, headers: headers, body: body)
    }

    package static func write(
        _ plan: Plan, _ request: BulkRequest, to writer: inout any APIBodyWriter, metrics: APIMetrics,
        progress: (UInt64) -> Void
    ) async throws {
        let prefix = plan.prefix
        if !prefix.isEmpty { try await writer.write(ByteBuffer(bytes: prefix)) }
        // The engine's workers render ahead on threads of their own while this task writes; a write that waits
        // for a slow client leaves the engine's buffers full, and the workers wait for them instead of growing
        // memory. A client that goes away makes the write throw, which stops the workers.
        let engine = ChunkEngine(
            plan: plan, seed: request.seed, offset: request.offset, count: request.count,
            threads: Executor.defaultThreads)
        defer { engine.stop() }
        var reported: UInt64 = 0
        // The task is cancelled when the connection closes or the server's shutdown grace ends: that stops the
        // workers inside the record they are rendering, within about a mebibyte of output.
        try await withTaskCancellationHandler {
            while let chunk = await engine.next() {
                let buffer = ByteBuffer(bytes: chunk.bytes)
                let sent = chunk.records.upperBound - request.offset
                engine.release(chunk)
                try await writer.write(buffer)
                metrics.generated(sent - reported)
                reported = sent
                progress(sent)
            }
        } onCancel: {
            engine.stop()
        }
        // A stream cut short must not end like a complete one (with the terminating chunk): the client would take
        // the records it got for all of them.
        if reported < request.count { throw CancellationError() }
        let suffix = plan.suffix
        if !suffix.isEmpty { try await writer.write(ByteBuffer(bytes: suffix)) }
    }
}
