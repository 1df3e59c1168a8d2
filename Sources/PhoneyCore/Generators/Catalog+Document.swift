extension Catalog {
    /// One example value of generator `name`, rendered with a fixed seed (this calls the generator).
    public static func example(_ name: String, locale: String = "en_US", seed: UInt64 = 1) -> JSONValue? {
        guard let plan = try? Plan.compile(json: #"{"v":"{{\#(name)}}"}"#, options: CompileOptions(locale: locale)),
            let bytes = try? Executor.render(plan, Executor.Run(seed: seed, count: 1, threads: 1)),
            let document = try? JSONValue.parse(String(decoding: bytes, as: UTF8.self)),
            case .array(let records) = document, let record = records.first
        else { return nil }
        return record["v"]
    }

    /// Every generator with its provider, parameters, output type, summary and an example, as a JSON array.
    public static func document(locale: String = "en_US") -> JSONValue {
        .array(
            specs.map { spec in
                .object([
                    ("name", .string(spec.name)),
                    ("provider", .string(spec.provider)),
                    ("type", .string(spec.type.rawValue)),
                    ("summary", .string(spec.summary)),
                    (
                        "parameters",
                        .array(
                            spec.parameters.map { parameter in
                                .object([
                                    ("name", .string(parameter.name)),
                                    ("type", .string(parameter.type)),
                                    ("default", parameter.defaultValue.map { .string($0) } ?? .null),
                                ])
                            })
                    ),
                    ("aliases", .array(aliases.filter { $0.value == spec.name }.keys.sorted().map { .string($0) })),
                    ("example", example(spec.name, locale: locale) ?? .null),
                ])
            })
    }

    /// The spec of a generator by exact name or alias.
    package static func spec(named name: String) -> GeneratorSpec? {
        lookup(name)
    }
}
