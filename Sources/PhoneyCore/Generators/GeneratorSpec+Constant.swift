extension GeneratorSpec {
    /// A generator that always writes `value`, such as the locale's IBAN country.
    static func constant(_ name: String, provider: String, _ value: String, _ summary: String) -> GeneratorSpec {
        GeneratorSpec(name, provider: provider, summary: summary) { _, _ in
            let bytes = Array(value.utf8)
            return CompiledGenerator(
                jsonSafe: !bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }, uniqueDomain: 1,
                emitIndexed: { context, _ in context.out.append(bytes) },
                emit: { context in context.out.append(bytes) })
        }
    }
}
