import Testing

@testable import PhoneyCore

/// Shards render on their own and join into the whole run's document, byte for byte.
struct ShardLayoutTests {
    static let template = #"{"name":"{{name}}","n":"{{random_int}}","tags":"{{[word]:count=0..2}}"}"#

    @Test func shardsCoverTheRunInOrderAndTheirNamesSortSo() {
        let layout = ShardLayout(offset: 5, count: 23, recordsPerShard: 10, format: .ndjson)
        let shards = layout.shards
        #expect(shards.map(\.records) == [5..<15, 15..<25, 25..<28])
        #expect(shards.map(\.name) == ["part-000000.ndjson", "part-000001.ndjson", "part-000002.ndjson"])
        #expect(shards.first?.isFirst == true && shards.last?.isLast == true && !shards[1].isFirst)
        #expect(ShardLayout.name(1_234_567, of: 2_000_000, format: .csv) == "part-1234567.csv")
        let names = (0..<1_500_000).lazy.map { ShardLayout.name($0, of: 1_500_000, format: .csv) }
        #expect(names.first! < names.dropFirst().first! && names[999_999] < names[1_000_000])
        #expect(ShardLayout(count: 0, recordsPerShard: 10, format: .json).shards.map(\.records) == [0..<0])
    }

    @Test(arguments: OutputFormat.allCases)
    func joinedShardsAreTheWholeRun(_ format: OutputFormat) throws {
        let plan = try EngineTest.compile(Self.template, EngineTest.options(format))
        var whole = try Executor.render(plan, Executor.Run(seed: 9, offset: 3, count: 100, threads: 1))
        if format == .json { whole.append(0x0A) }
        for (size, threads) in [(1 as UInt64, 0), (7, 2), (100, 1), (1000, 3)] {
            let layout = ShardLayout(offset: 3, count: 100, recordsPerShard: size, format: format)
            var joined: [UInt8] = []
            for shard in layout.shards {
                try plan.renderShard(shard, of: layout, seed: 9, threads: threads) {
                    (bytes: UnsafeRawBufferPointer) throws(Never) in joined.append(contentsOf: bytes)
                }
            }
            #expect(joined == whole, "\(format) shards of \(size) on \(threads) threads")
        }
    }
}
