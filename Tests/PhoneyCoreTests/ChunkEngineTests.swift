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
