import Glibc
import Testing

@testable import PhoneyCore

/// The executor streams: pieces stay small whatever the record count, in order, and a failing sink stops it.
struct StreamingTests {
    static let template = #"{"id":"{{first_name}}","zip":"{{zipcode}}","n":1}"#

    /// Line feeds in `bytes`, counted with `memchr`.
    func lineFeeds(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard var cursor = bytes.baseAddress else { return 0 }
        let end = cursor + bytes.count
        var found = 0
        while cursor < end, let hit = memchr(cursor, 0x0A, end - cursor) {
            found += 1
            cursor = UnsafeRawPointer(hit) + 1
        }
        return found
    }

    @Test func twoMillionRecordsInBoundedPieces() throws {
        let plan = try EngineTest.compile(Self.template, EngineTest.options(.ndjson))
        let count: UInt64 = 2_000_000
        var total = 0
        var largest = 0
        var pieces = 0
        var lines = 0
        var lastProgress: UInt64 = 0
        var progressOrdered = true
        try Executor.run(
            plan, Executor.Run(seed: 1, count: count),
            progress: { written in
                if written < lastProgress { progressOrdered = false }
                lastProgress = written
            },
            sink: { (bytes: UnsafeRawBufferPointer) throws(Never) in
                total += bytes.count
                largest = max(largest, bytes.count)
                pieces += 1
                lines += lineFeeds(bytes)
            })
        #expect(lines == Int(count))
        #expect(lastProgress == count)
        #expect(progressOrdered)
        // Chunks are sized from the bytes records actually take: about 256 KiB each, never far above.
        #expect(largest <= 2 * ChunkEngine.targetChunkBytes, "largest piece: \(largest) bytes")
        #expect(pieces >= total / (2 * ChunkEngine.targetChunkBytes))
        #expect(total > Int(count) * 20)
    }

    @Test func piecesArriveInRecordOrder() throws {
        let plan = try EngineTest.compile(Self.template, EngineTest.options(.ndjson))
        let count: UInt64 = 20 * Executor.chunkRecords(for: plan) + 7
        var streamed: [UInt8] = []
        var pieces = 0
        try Executor.run(plan, Executor.Run(seed: 9, count: count, threads: 8)) {
            (bytes: UnsafeRawBufferPointer) throws(Never) in
            streamed.append(contentsOf: bytes)
            pieces += 1
        }
        #expect(pieces > 20)
        #expect(streamed == (try Executor.render(plan, Executor.Run(seed: 9, count: count, threads: 1))))
    }

    /// Record indices run to 2^64 - 1: chunks at the very top of the range neither overflow nor lose records, and
    /// each record is the one a run of just that record gives.
    @Test func offsetsAtTheTopOfTheRange() throws {
        let plan = try EngineTest.compile(Self.template, EngineTest.options(.ndjson))
        let chunk = Executor.chunkRecords(for: plan)
        let count = 2 * chunk + 3
        let offset = UInt64.max - count
        let whole = try EngineTest.records(
            ndjson: String(
                decoding: try Executor.render(plan, Executor.Run(seed: 5, offset: offset, count: count, threads: 2)),
                as: UTF8.self))
        #expect(whole.count == Int(count))
        for index in [0, chunk - 1, chunk, 2 * chunk, count - 1] {
            let alone = try EngineTest.records(
                ndjson: String(
                    decoding: try Executor.render(plan, Executor.Run(seed: 5, offset: offset + index, count: 1)),
                    as: UTF8.self))
            #expect(alone == [whole[Int(index)]])
        }
    }

    /// `threads` is a public field: a caller that sets it to 0 after `init` gets one thread, not a crash.
    @Test func zeroThreadsSetAfterInitRendersOnOne() throws {
        let plan = try EngineTest.compile(Self.template, EngineTest.options(.ndjson))
        var run = Executor.Run(seed: 4, count: 3 * Executor.chunkRecords(for: plan) + 1, threads: 2)
        run.threads = 0
        let output = try Executor.render(plan, run)
        #expect(output == (try Executor.render(plan, Executor.Run(seed: 4, count: run.count, threads: 1))))
    }

    struct Stop: Error {}

    @Test func aFailingSinkStopsGeneration() throws {
        let plan = try EngineTest.compile(Self.template, EngineTest.options(.json))
        var calls = 0
        let failure = #expect(throws: ExecutorError<Stop>.self) {
            try Executor.run(plan, Executor.Run(seed: 1, count: 1_000_000, threads: 2)) {
                (_: UnsafeRawBufferPointer) throws(Stop) in
                calls += 1
                if calls == 3 { throw Stop() }
            }
        }
        #expect(calls == 3)
        guard case .sink = failure else {
            Issue.record("expected a sink failure, got \(String(describing: failure))")
            return
        }
    }
}
