import Testing

@testable import PhoneyCore

/// `unique=true` per field and `uniqueAll` per request: distinct values by construction, checked up front.
struct UniqueTests {
    func column(_ records: [JSONValue], _ key: String) -> [String] {
        records.map { $0[key]?.stringValue ?? "<missing>" }
    }

    @Test func uniqueFieldIsDistinctAcrossThreads() throws {
        let template = #"{"n":"{{name:unique=true}}","z":"{{zipcode:unique=true}}","c":"{{city}}"}"#
        let count: UInt64 = 20_000
        let plan = try EngineTest.compile(template, EngineTest.options(.ndjson))
        try #require(Executor.chunkRecords(for: plan) * 4 < count)
        let parallel = try EngineTest.records(template, seed: 8, count: count, threads: 8)
        #expect(Set(column(parallel, "n")).count == Int(count))
        #expect(Set(column(parallel, "z")).count == Int(count))
        #expect(column(parallel, "z").allSatisfy { $0.count == 5 && $0.allSatisfy(\.isNumber) })
        let single = try EngineTest.records(template, seed: 8, count: count, threads: 1)
        #expect(single == parallel)
        let cities = Set(column(parallel, "c"))
        #expect(cities.count < Int(count), "a field without `unique` repeats")
    }

    @Test func offsetPagesOfOneSeedNeverCollide() throws {
        let template = #"{"z":"{{zipcode:unique=true}}"}"#
        var all: [String] = []
        for offset in stride(from: UInt64(0), to: 10_000, by: 2_500) {
            all += column(try EngineTest.records(template, seed: 21, offset: offset, count: 2_500, threads: 2), "z")
        }
        #expect(all.count == 10_000)
        #expect(Set(all).count == 10_000)
        #expect(all == column(try EngineTest.records(template, seed: 21, count: 10_000), "z"))
    }

    @Test func uniqueAllMakesEveryFieldDistinct() throws {
        let template = #"{"a":"{{city}}","b":"{{zipcode}}","c":{"d":"{{name}}"},"e":"id-{{phone_number}}"}"#
        let plan = try EngineTest.compile(template, EngineTest.options(.ndjson, uniqueAll: true))
        #expect(plan.uniqueDomains.count == 4)
        let count = UInt64(min(plan.uniqueDomains.min() ?? 0, 5_000))
        try #require(count > 100)
        let records = try EngineTest.records(template, seed: 4, count: count, threads: 8, uniqueAll: true)
        #expect(Set(column(records, "a")).count == Int(count))
        #expect(Set(column(records, "b")).count == Int(count))
        #expect(Set(records.map { $0["c"]?["d"]?.stringValue ?? "" }).count == Int(count))
        #expect(Set(column(records, "e")).count == Int(count))
        let plain = try EngineTest.compile(template, EngineTest.options(.ndjson))
        #expect(plain.uniqueDomains.isEmpty)
    }

    @Test func uniqueHoldsInCSV() throws {
        let text = try EngineTest.text(#"{"s":"{{street_address:unique=true}}"}"#, .csv, count: 3_000, threads: 8)
        let rows = try CSVReader.parse(Array(text.utf8)).dropFirst()
        #expect(rows.count == 3_000)
        #expect(Set(rows.map { $0[0] }).count == 3_000)
    }

    @Test func wholeDomainIsUsedExactlyOnce() throws {
        let records = try EngineTest.records(#"{"s":"{{state_abbr:unique=true}}"}"#, count: 51)
        let values = column(records, "s")
        #expect(Set(values).count == 51)
        #expect(values.allSatisfy { $0.count == 2 && $0.allSatisfy(\.isUppercase) })
        let tiny = try EngineTest.records(#"{"w":"{{word:ext_word_list=[a,b,c],unique=true}}"}"#, count: 3)
        #expect(Set(column(tiny, "w")) == ["a", "b", "c"])
    }

    @Test func domainTooSmallFailsBeforeAnyOutput() throws {
        let plan = try EngineTest.compile(#"{"st":{"s":"{{state_abbr:unique=true}}"}}"#)
        #expect(plan.uniqueDomains == [51])
        var pieces = 0
        let failure = #expect(throws: ExecutorError<Never>.self) {
            try Executor.run(plan, Executor.Run(seed: 1, count: 52, threads: 2)) {
                (_: UnsafeRawBufferPointer) throws(Never) in pieces += 1
            }
        }
        #expect(pieces == 0)
        let error = try #require(failure?.templateError)
        #expect(error.kind == .uniqueDomainTooSmall)
        #expect(error.message == "`state_abbr` has only 51 distinct values, but unique records 0 to 51 need 52")
        #expect(error.generator == "state_abbr")
        #expect(error.pointer == "/st/s")
        #expect(error.field == "st.s")
        let rendered = #expect(throws: TemplateError.self) {
            try Executor.render(plan, Executor.Run(seed: 1, count: 52))
        }
        #expect(rendered?.kind == .uniqueDomainTooSmall)
    }

    @Test func domainCheckCountsTheOffset() throws {
        let plan = try EngineTest.compile(#"{"s":"{{state_abbr:unique=true}}"}"#)
        #expect(throws: Never.self) { try Executor.render(plan, Executor.Run(seed: 1, offset: 50, count: 1)) }
        let error = #expect(throws: TemplateError.self) {
            try Executor.render(plan, Executor.Run(seed: 1, offset: 50, count: 2))
        }
        #expect(error?.kind == .uniqueDomainTooSmall)
        let huge = #expect(throws: TemplateError.self) {
            try Executor.render(plan, Executor.Run(seed: 1, offset: .max, count: 2))
        }
        #expect(huge?.kind == .uniqueDomainTooSmall)
    }

    @Test func uniqueErrorPointerEscapesKeys() throws {
        let cases = [
            (#"{"a/b":{"c~d":"{{state_abbr:unique=true}}"}}"#, "/a~1b/c~0d"),
            (#"{"x.y":"{{state_abbr:unique=true}}"}"#, "/x.y"),
            (#"{"list":["{{state_abbr:unique=true}}"]}"#, "/list/0"),
        ]
        for (template, pointer) in cases {
            let plan = try EngineTest.compile(template)
            let error = #expect(throws: TemplateError.self) {
                try Executor.render(plan, Executor.Run(seed: 1, count: 52))
            }
            #expect(error?.pointer == pointer)
        }
    }

    @Test func uniqueArraysDrawDistinctValuesAcrossItems() throws {
        let template = #"{"w":"{{[word]:count=1..3,unique=true}}"}"#
        let plan = try EngineTest.compile(template)
        let domain = try #require(plan.uniqueDomains.first)
        let fits = domain / 3
        let records = try EngineTest.records(template, seed: 12, count: fits, threads: 2)
        let words = records.flatMap { $0["w"]?.arrayValue ?? [] }.compactMap(\.stringValue)
        #expect(words.count >= Int(fits))
        #expect(Set(words).count == words.count)
        let error = #expect(throws: TemplateError.self) {
            try Executor.render(plan, Executor.Run(seed: 12, count: fits + 1))
        }
        #expect(error?.kind == .uniqueDomainTooSmall)
        #expect(error?.message.contains("3 values per record") == true)
    }

    @Test func uniqueInsideText() throws {
        let records = try EngineTest.records(#"{"k":"key-{{zipcode:unique=true}}-{{word}}"}"#, count: 3_000)
        let keys = column(records, "k").map { $0.split(separator: "-")[1] }
        #expect(Set(keys).count == 3_000)
    }

    @Test(arguments: [
        (#"{"s":"{{sentence:unique=true}}"}"#, false), (#"{"s":"{{text}}"}"#, true),
        (#"{"s":"{{[sentence]:count=2,unique=true}}"}"#, false),
    ])
    func generatorsThatCannotBeUniqueAreRejected(_ template: String, _ uniqueAll: Bool) throws {
        let error = try EngineTest.error(template, EngineTest.options(uniqueAll: uniqueAll))
        #expect(error.kind == .parameterError)
        #expect(error.pointer == "/s")
        #expect(error.offset == 0)
        #expect(error.message.contains("unique"))
    }

    @Test(arguments: [1, 2, 3, 1000, 65_537] as [UInt64])
    func permutationIsABijection(_ domain: UInt64) {
        for seed in [0, 42, .max] as [UInt64] {
            for slot in [0, 1] as [UInt32] {
                let permutation = UniquePermutation(domain: domain, seed: seed, slot: slot)
                var seen = [Bool](repeating: false, count: Int(domain))
                var ok = true
                for index in 0..<domain {
                    let image = permutation(index)
                    guard image < domain, !seen[Int(image)] else {
                        ok = false
                        break
                    }
                    seen[Int(image)] = true
                }
                #expect(ok, "domain \(domain), seed \(seed), slot \(slot)")
                #expect(seen.allSatisfy { $0 })
            }
        }
    }

    @Test func permutationDependsOnSeedAndSlot() {
        let images = { (seed: UInt64, slot: UInt32) -> [UInt64] in
            let permutation = UniquePermutation(domain: 1000, seed: seed, slot: slot)
            return (0..<1000).map { permutation($0) }
        }
        let base = images(1, 0)
        #expect(base != Array(0..<1000))
        #expect(base != images(2, 0))
        #expect(base != images(1, 1))
        #expect(base == images(1, 0))
    }
}
