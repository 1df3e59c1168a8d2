import Testing

@testable import PhoneyCore

/// A seed fixes the output: whatever the thread count, chunking or paging.
struct DeterminismTests {
    static let template = #"""
        {"id":"{{first_name}}","last":"{{last_name}}","city":"{{city}}","tags":"{{[word]:count=0..3}}",
         "line":"{{name}} lives at {{address}}","maybe":"{{zipcode:null_rate=0.3}}"}
        """#

    @Test(arguments: OutputFormat.allCases)
    func threadCountDoesNotChangeBytes(_ format: OutputFormat) throws {
        let plan = try EngineTest.compile(Self.template, EngineTest.options(format))
        let count: UInt64 = 50_000
        try #require(Executor.chunkRecords(for: plan) * 8 < count, "the run must span several chunks")
        let single = try Executor.render(plan, Executor.Run(seed: 7, count: count, threads: 1))
        for threads in [2, 8] {
            let parallel = try Executor.render(plan, Executor.Run(seed: 7, count: count, threads: threads))
            #expect(parallel.count == single.count, "threads: \(threads)")
            #expect(parallel == single, "threads: \(threads)")
        }
    }

    @Test func offsetPagesConcatenateToTheWholeRun() throws {
        let whole = try EngineTest.records(Self.template, seed: 99, count: 1000, threads: 1)
        var paged: [JSONValue] = []
        for (offset, end) in [(0, 300), (300, 700), (700, 1000)] as [(UInt64, UInt64)] {
            paged += try EngineTest.records(Self.template, seed: 99, offset: offset, count: end - offset, threads: 2)
        }
        #expect(whole.count == 1000)
        #expect(paged == whole)
    }

    @Test func jsonPagesAreEachOneValidArray() throws {
        let whole = try EngineTest.records(json: EngineTest.text(Self.template, .json, seed: 5, count: 100))
        let first = try EngineTest.records(json: EngineTest.text(Self.template, .json, seed: 5, count: 37))
        let rest = try EngineTest.records(
            json: EngineTest.text(Self.template, .json, seed: 5, offset: 37, count: 63, threads: 8))
        #expect(first + rest == whole)
    }

    @Test func recordsDoNotDependOnTheRunLength() throws {
        let short = try EngineTest.records(Self.template, seed: 3, count: 10, threads: 1)
        let long = try EngineTest.records(Self.template, seed: 3, count: 5000, threads: 2)
        #expect(Array(long.prefix(10)) == short)
        let one = try EngineTest.records(Self.template, seed: 3, offset: 4321, count: 1, threads: 8)
        #expect(one == [long[4321]])
    }

    @Test func differentSeedsDiffer() throws {
        let a = try EngineTest.records(Self.template, seed: 1, count: 200)
        let b = try EngineTest.records(Self.template, seed: 2, count: 200)
        #expect(a != b)
        let differing = zip(a, b).filter { $0["id"] != $1["id"] || $0["line"] != $1["line"] }.count
        #expect(differing > 150)
        let ids = Set(a.compactMap { $0["line"]?.stringValue })
        #expect(ids.count > 190, "records within one run must differ too")
    }

    @Test func sameSeedRepeats() throws {
        let a = try EngineTest.bytes(Self.template, .csv, seed: 11, count: 500)
        let b = try EngineTest.bytes(Self.template, .csv, seed: 11, count: 500, threads: 8)
        #expect(a == b)
    }

    // MARK: PlanCache

    @Test func cacheHitsOnTheSameTemplateAndOptions() throws {
        let cache = PlanCache(capacity: 8)
        let options = EngineTest.options()
        let first = try cache.plan(json: Self.template, options: options)
        let second = try cache.plan(json: Self.template, options: options)
        #expect(first.hit == false)
        #expect(second.hit == true)
        #expect(first.plan === second.plan)
        #expect(cache.statistics.hits == 1)
        #expect(cache.statistics.misses == 1)
    }

    @Test func cacheMissesOnOtherOptions() throws {
        let cache = PlanCache(capacity: 8)
        let base = EngineTest.options()
        _ = try cache.plan(json: Self.template, options: base)
        var locale = base
        locale.locale = "en"
        var format = base
        format.format = .csv
        var later = base
        later.now += 1
        for other in [locale, format, later] {
            let result = try cache.plan(json: Self.template, options: other)
            #expect(result.hit == false)
            #expect(try cache.plan(json: Self.template, options: other).hit == true)
        }
        #expect(try cache.plan(json: Self.template + " ", options: base).hit == false)
        #expect(try cache.plan(json: Self.template, options: base).hit == true)
        #expect(try cache.plan(json: Self.template, options: format).plan.format == .csv)
    }

    @Test func cacheParsedTemplatesShareTheKey() throws {
        let cache = PlanCache()
        let parsed = try JSONValue.parse(Self.template)
        #expect(try cache.plan(parsed, options: EngineTest.options()).hit == false)
        #expect(try cache.plan(try JSONValue.parse(Self.template), options: EngineTest.options()).hit == true)
    }

    @Test func cacheEvictsTheLeastRecentlyUsed() throws {
        let cache = PlanCache(capacity: 2)
        let options = EngineTest.options()
        let a = #"{"a":"{{name}}"}"#
        let b = #"{"b":"{{name}}"}"#
        let c = #"{"c":"{{name}}"}"#
        _ = try cache.plan(json: a, options: options)
        _ = try cache.plan(json: b, options: options)
        #expect(try cache.plan(json: a, options: options).hit)
        _ = try cache.plan(json: c, options: options)
        #expect(try cache.plan(json: a, options: options).hit)
        #expect(try cache.plan(json: b, options: options).hit == false)
    }

    @Test func cacheDoesNotKeepFailures() throws {
        let cache = PlanCache()
        for _ in 0..<2 {
            let failure = #expect(throws: TemplateFailure.self) {
                try cache.plan(json: #"{"a":"{{nope}}"}"#, options: EngineTest.options())
            }
            #expect(failure?.errors.first?.kind == .generatorNotFound)
        }
        #expect(cache.statistics.hits == 0)
        #expect(cache.statistics.misses == 2)
    }
}
