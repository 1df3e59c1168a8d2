import Testing

@testable import PhoneyCore

/// The chunking engine: the same bytes for any thread count and consumer, chunks sized from what records take,
/// memory bounded by its budget however large the records, and a stop that ends the workers.
struct ChunkEngineTests {
    static let person = #"{"name":"{{name}}","email":"{{email}}","city":"{{city}}","n":"{{random_int}}"}"#
    /// About 100 KB a record.
    static let large =
        #"{"a":"{{[pystr]:count=50,min_chars=1000,max_chars=1000}}","b":"{{[pystr]:count=50,min_chars=1000,max_chars=1000}}"}"#

    func drain(_ engine: ChunkEngine, consume: (ChunkEngine.Chunk) -> Void = { _ in }) -> [UInt8] {
        var bytes: [UInt8] = []
        while let chunk = engine.next() {
            bytes.append(contentsOf: chunk.bytes)
            consume(chunk)
            engine.release(chunk)
        }
        return bytes
    }

    @Test(arguments: [0, 1, 2, 5])
    func sameBytesForAnyThreadCount(_ threads: Int) throws {
        let plan = try EngineTest.compile(Self.person, EngineTest.options(.json))
        let expected = try Executor.render(plan, Executor.Run(seed: 3, offset: 11, count: 5_000, threads: 1))
        let engine = ChunkEngine(plan: plan, seed: 3, offset: 11, count: 5_000, threads: threads)
        #expect(plan.prefix + drain(engine) + plan.suffix == expected)
    }

    @Test func chunksStartAtOneRecordAndGrowFromMeasuredSizes() throws {
        let plan = try EngineTest.compile(Self.person, EngineTest.options(.ndjson))
        let engine = ChunkEngine(plan: plan, seed: 1, offset: 0, count: 100_000, threads: 0)
        var sizes: [Int] = []
        _ = drain(engine) { sizes.append($0.records.count) }
        #expect(Array(sizes.prefix(4)) == [1, 2, 4, 8])
        #expect(sizes.reduce(0, +) == 100_000)
        #expect(sizes.max()! <= Int(ChunkEngine.maxChunkRecords))
    }

    @Test(arguments: [0, 2, 8])
    func largeRecordsStayWithinTheBudget(_ threads: Int) throws {
        let plan = try EngineTest.compile(Self.large, EngineTest.options(.ndjson))
        let budget = 1 << 20
        let engine = ChunkEngine(plan: plan, seed: 2, offset: 0, count: 60, threads: threads, budgetBytes: budget)
        var largestRecord = 0
        var total = 0
        _ = drain(engine) { chunk in
            total += chunk.bytes.count
            largestRecord = max(largestRecord, chunk.bytes.count / max(chunk.records.count, 1))
        }
        #expect(largestRecord > 90_000)
        #expect(total > 60 * 90_000)
        // A chunk starts only while the others in flight leave room for it by the last measured size.
        #expect(
            engine.peakInFlightBytes <= max(budget, ChunkEngine.targetChunkBytes) + 2 * largestRecord,
            "peak \(engine.peakInFlightBytes) bytes in flight")
    }

    /// One record of 100 MB (`texts` of 1,000 texts of up to 100,000 characters): the renders below are halted
    /// inside it.
    static let giant = #"{"t":"{{texts:nb_texts=1000,max_nb_chars=100000}}"}"#
    /// What a halted render may have written past its limit: one value (a text, a list of paragraphs) and a record's
    /// end; with no limit, the first check's interval too.
    static let haltSlack = RenderWatch.checkEveryBytes + 512 * 1024

    @Test(arguments: [0, 1, 2])
    func aChunkOverItsLimitHaltsInsideItsRecord(_ threads: Int) throws {
        let plan = try EngineTest.compile(Self.giant, EngineTest.options(.ndjson))
        let limit = 3 << 20
        let engine = ChunkEngine(
            plan: plan, seed: 1, offset: 0, count: 5, threads: threads, maxChunkBytes: limit)
        let bytes = drain(engine)
        #expect(bytes.isEmpty, "no part of a halted record is handed out")
        #expect(engine.halt == .tooLarge)
        #expect(engine.largestRenderBytes > limit)
        #expect(engine.largestRenderBytes <= limit + Self.haltSlack, "rendered \(engine.largestRenderBytes) bytes")
    }

    @Test func chunksBeforeAHaltAreHandedOutWholeAndInOrder() throws {
        // Records of 0 to 400 KB; with seed 3 the first is 50 KB and the next two 251 KB and 50 KB, so the first
        // chunk (one record) is handed out and the second (two records, 301 KB) passes the 300 KB limit.
        let plan = try EngineTest.compile(
            #"{"t":"{{[text]:count=0..8,max_nb_chars=50000}}"}"#, EngineTest.options(.ndjson))
        let expected = try Executor.render(plan, Executor.Run(seed: 3, count: 200, threads: 1))
        let engine = ChunkEngine(
            plan: plan, seed: 3, offset: 0, count: 200, threads: 0, maxChunkBytes: 300_000)
        var records: UInt64 = 0
        let bytes = drain(engine) { chunk in
            #expect(chunk.records.lowerBound == records)
            records = chunk.records.upperBound
        }
        #expect(engine.halt == .tooLarge)
        #expect(records > 0 && records < 200)
        #expect(bytes == Array(expected.prefix(bytes.count)), "the records before the halt are the run's own")
    }

    @Test func stopHaltsAWorkerInsideAGiantRecord() throws {
        let plan = try EngineTest.compile(Self.giant, EngineTest.options(.ndjson))
        let engine = ChunkEngine(plan: plan, seed: 1, offset: 0, count: 3, threads: 1)
        engine.stop()
        #expect(drain(engine).isEmpty)
        // The worker may have started before the stop: it stops at its first check, not 100 MB later.
        #expect(engine.largestRenderBytes <= Self.haltSlack, "rendered \(engine.largestRenderBytes) bytes")
        #expect(engine.halt == .stopped)
    }

    @Test func aPassedDeadlineHaltsTheRenderAtItsFirstCheck() throws {
        let plan = try EngineTest.compile(Self.giant, EngineTest.options(.ndjson))
        let engine = ChunkEngine(
            plan: plan, seed: 1, offset: 0, count: 3, threads: 0, deadline: Deadline(uptimeNanoseconds: 0))
        #expect(drain(engine).isEmpty)
        #expect(engine.halt == .deadline)
        #expect(engine.largestRenderBytes <= Self.haltSlack, "rendered \(engine.largestRenderBytes) bytes")
    }

    /// Many long values in one record, and arrays of them: the checks between values and between array items
    /// halt those too.
    @Test(arguments: [
        #"{"a":"{{text:max_nb_chars=100000}}","b":"{{text:max_nb_chars=100000}}","c":"{{paragraph:nb_sentences=1000}}","d":"{{text:max_nb_chars=100000}} and {{text:max_nb_chars=100000}}"}"#,
        #"{"a":"{{[text]:count=1000,max_nb_chars=100000}}"}"#,
        #"{"a":"{{[paragraphs]:count=1000,nb=1000}}"}"#,
    ])
    func longValuesAndArraysAreHaltedToo(_ template: String) throws {
        // One record is over the limit (chunks never hold more than one record of these).
        let plan = try EngineTest.compile(template, EngineTest.options(.csv))
        let limit = 300_000
        let engine = ChunkEngine(plan: plan, seed: 4, offset: 0, count: 200, threads: 0, maxChunkBytes: limit)
        _ = drain(engine)
        #expect(engine.halt == .tooLarge)
        #expect(engine.largestRenderBytes <= limit + Self.haltSlack, "rendered \(engine.largestRenderBytes) bytes")
    }

    @Test func asyncConsumerGetsTheSameBytes() async throws {
        let plan = try EngineTest.compile(Self.person, EngineTest.options(.csv))
        let expected = try Executor.render(plan, Executor.Run(seed: 5, count: 20_000, threads: 1))
        let engine = ChunkEngine(plan: plan, seed: 5, offset: 0, count: 20_000, threads: 2)
        var bytes = plan.prefix
        while let chunk = await engine.next() {
            bytes.append(contentsOf: chunk.bytes)
            engine.release(chunk)
        }
        #expect(bytes == expected)
    }

    @Test func stopEndsTheRunEarly() async throws {
        let plan = try EngineTest.compile(Self.person, EngineTest.options(.ndjson))
        let engine = ChunkEngine(plan: plan, seed: 5, offset: 0, count: 50_000_000, threads: 2)
        var records = 0
        for _ in 0..<3 {
            let chunk = try #require(await engine.next())
            records += chunk.records.count
            engine.release(chunk)
        }
        engine.stop()
        // What was already rendered may still come out; then nothing more, far short of the run.
        while let chunk = await engine.next() {
            records += chunk.records.count
            engine.release(chunk)
        }
        #expect(records < 1_000_000)
    }
}
