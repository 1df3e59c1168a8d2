import PhoneyCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// `gates generator-costs [--time] [--only NAME]`: every generator of the catalog at its defaults and with each
/// integer parameter at the smallest and the largest value it accepts, each rendered alone
/// (`{"v": "{{name:param=value}}"}`, NDJSON, en_US, seed 42) until about 256 KiB are written.
///
/// Under callgrind (`scripts/generator-costs.sh`), each measured render lies between a call of
/// `phoney_gate_begin` and one of `phoney_gate_end`, so `--zero-before=phoney_gate_begin
/// --dump-before=phoney_gate_end` leaves one dump per configuration, holding exactly its instructions; the lines
/// printed here (configuration, values, bytes) say which dump is which, in order. With `--time` each render is also
/// timed on the wall clock (best of three) and ns per byte printed: a report, never a gate.
///
/// The limits of a parameter are found by asking the compiler: a value far out of range is refused with
/// "must be between A and B", and A and B are what it accepts.
enum GeneratorCosts {
    struct Configuration {
        var generator: String
        var label: String
        var arguments: String
        var plan: Plan
        var values: UInt64
    }

    static let targetBytes = 256 * 1024
    static let options = CompileOptions(format: .ndjson, locale: "en_US", now: 1_704_067_200)

    static func main(_ arguments: [String]) -> Never {
        let timed = arguments.contains("--time")
        var only: String?
        if let index = arguments.firstIndex(of: "--only"), index + 1 < arguments.count {
            only = arguments[index + 1]
        }
        let configurations = Catalog.names.filter { only == nil || $0 == only }.flatMap(configurations(of:))
        print("# configuration\tgenerator\targuments\tvalues\tbytes\tns_per_byte")
        for configuration in configurations {
            // A first render outside the measured span: tables built lazily on first use are not counted.
            _ = render(configuration.plan, values: min(configuration.values, 4))
            phoney_gate_begin()
            let bytes = render(configuration.plan, values: configuration.values)
            phoney_gate_end()
            var nanosecondsPerByte = "-"
            if timed {
                var best = UInt64.max
                for _ in 0..<3 {
                    let start = monotonicNanoseconds()
                    _ = render(configuration.plan, values: configuration.values)
                    best = min(best, monotonicNanoseconds() &- start)
                }
                nanosecondsPerByte = formatted(Double(best) / Double(max(bytes, 1)))
            }
            print(
                "\(configuration.label)\t\(configuration.generator)\t\(configuration.arguments)\t"
                    + "\(configuration.values)\t\(bytes)\t\(nanosecondsPerByte)")
        }
        exit(0)
    }

    /// The default, smallest and largest configurations of `generator` that compile.
    static func configurations(of generator: String) -> [Configuration] {
        guard let spec = Catalog.lookup(generator) else { return [] }
        var found: [Configuration] = []
        if let configuration = configuration(generator, label: "default", arguments: "") {
            found.append(configuration)
        }
        for parameter in spec.parameters where parameter.type == "int" {
            guard let (low, high) = limits(generator, parameter.name) else { continue }
            for (label, value) in [("smallest", low), ("largest", high)] {
                let text = "\(parameter.name)=\(value)"
                if let configuration = configuration(generator, label: "\(label) \(parameter.name)", arguments: text) {
                    found.append(configuration)
                }
            }
        }
        return found
    }

    /// The range the compiler accepts for an integer parameter, read from its refusal of a far-out value.
    static func limits(_ generator: String, _ parameter: String) -> (Int64, Int64)? {
        let template = #"{"v": "{{\#(generator):\#(parameter)=999999999999}}"}"#
        do {
            _ = try Plan.compile(json: template, options: options)
            return nil
        } catch {
            // "… must be between A and B, got …"
            let message = error.description
            let pieces = message.split(separator: "must be between ", maxSplits: 1)
            guard pieces.count == 2 else { return nil }
            let words = pieces[1].split(separator: " ")
            guard words.count >= 3, let low = Int64(words[0]), words[1] == "and",
                let high = Int64(words[2].trimmingCharacters(in: ","))
            else { return nil }
            return (low, high)
        }
    }

    static func configuration(_ generator: String, label: String, arguments: String) -> Configuration? {
        let placeholder = arguments.isEmpty ? generator : "\(generator):\(arguments)"
        guard let plan = try? Plan.compile(json: #"{"v": "{{\#(placeholder)}}"}"#, options: options) else {
            return nil
        }
        let sample = render(plan, values: 8)
        let perValue = max(1, sample / 8)
        let values = UInt64(min(20_000, max(3, targetBytes / perValue)))
        return Configuration(generator: generator, label: label, arguments: arguments, plan: plan, values: values)
    }

    /// Renders `values` records on the calling thread; returns their bytes.
    static func render(_ plan: Plan, values: UInt64) -> Int {
        var total = 0
        do {
            try Executor.run(plan, Executor.Run(seed: 42, count: values, threads: 1)) {
                (bytes: UnsafeRawBufferPointer) throws(Never) in
                total &+= bytes.count
            }
        } catch {
            return 0
        }
        return total
    }

    static func formatted(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in characters: String) -> Substring {
        var text = self
        while let last = text.last, characters.contains(last) { text = text.dropLast() }
        return text
    }
}

/// Marks where a measured render begins; callgrind zeroes its counters on entry (`--zero-before`).
@_cdecl("phoney_gate_begin")
@inline(never)
func phoney_gate_begin() {
    gateMarks &+= 1
}

/// Marks where a measured render ends; callgrind writes a dump on entry (`--dump-before`).
@_cdecl("phoney_gate_end")
@inline(never)
func phoney_gate_end() {
    // Not the same body as `phoney_gate_begin`, or the optimiser folds the two into one function.
    gateMarks ^= 0x5A5A
}

/// Touched by the marks so that they are not folded away.
nonisolated(unsafe) var gateMarks = 0
