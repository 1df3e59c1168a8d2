import Benchmark
import PhoneyCore

/// `fixtures/person.json` rendered to NDJSON in every supported locale, through the public executor on one thread.
enum LocaleBenchmarks {
    static let prefix = "render person ndjson 1 thread, locale "

    static func register() {
        for locale in LocaleData.supported {
            let plan: Plan
            do {
                plan = try Fixture.person.plan(locale: locale)
            } catch {
                Registry.skipped.append("person in \(locale): \(error)")
                continue
            }
            let records = Fixture.recordsPerRun
            let workload = Workload(unit: "record", perRun: records)
            Workload.benchmark(prefix + locale, workload) { benchmark in
                for _ in benchmark.scaledIterations {
                    workload.bytesPerRun = RenderBenchmarks.executorRun(plan, threads: 1, records: records)
                }
            }
        }
    }
}
