import PhoneyCore

/// One gated workload: its name (the name of its thresholds file), what one iteration does, and its set-up.
struct GateWorkload: Sendable {
    let name: String
    let summary: String
    /// Builds what the iterations need (plans, caches, the router) and returns one iteration.
    let prepare: @Sendable () async throws -> GateIteration

    /// Every workload, in the order of the gate's table.
    static let all: [GateWorkload] =
        GateFixture.allCases.map(render) + [
            compile, cacheHit, APIGate.workload(count: 1), APIGate.workload(count: 100), LambdaGate.workload,
        ]

    static func named(_ name: String) -> GateWorkload? {
        all.first { $0.name == name }
    }

    /// Records per render iteration.
    static let records: UInt64 = 1_000

    static func render(_ fixture: GateFixture) -> GateWorkload {
        GateWorkload(
            name: "render-\(fixture.rawValue)",
            summary: "\(records) \(fixture.rawValue) records to NDJSON, seed \(GateFixture.seed), one thread"
        ) {
            let plan = try Plan.compile(json: try fixture.template(), options: GateFixture.options)
            return .sync { render(plan) }
        }
    }

    /// Renders `records` records of `plan` through the public executor on the calling thread; returns the bytes.
    static func render(_ plan: Plan) -> Int {
        var total = 0
        do {
            try Executor.run(plan, Executor.Run(seed: GateFixture.seed, count: records, threads: 1)) {
                (bytes: UnsafeRawBufferPointer) throws(Never) in
                total &+= bytes.count
            }
        } catch {
            fatalError("render failed: \(error.templateError)")
        }
        return total
    }

    static let compile = GateWorkload(
        name: "compile-person", summary: "one person template parsed and compiled, no cache"
    ) {
        let text = try GateFixture.person.template()
        return .sync {
            do {
                return try Plan.compile(json: text, options: GateFixture.options).estimatedRecordBytes
            } catch {
                fatalError("the person template does not compile: \(error)")
            }
        }
    }

    static let cacheHit = GateWorkload(
        name: "cache-hit-person", summary: "one plan-cache lookup of the person template that hits"
    ) {
        let text = try GateFixture.person.template()
        let cache = PlanCache()
        _ = try cache.plan(json: text, options: GateFixture.options)
        return .sync {
            guard let found = try? cache.plan(json: text, options: GateFixture.options), found.hit else {
                fatalError("the plan cache missed")
            }
            return found.plan.estimatedRecordBytes
        }
    }
}

/// One iteration of a workload; it returns the bytes it produced, so the work cannot be optimised away and the
/// report can say how much each iteration writes.
enum GateIteration: Sendable {
    case sync(@Sendable () -> Int)
    case async(@Sendable () async -> Int)

    func run() async -> Int {
        switch self {
        case .sync(let body): return body()
        case .async(let body): return await body()
        }
    }
}
