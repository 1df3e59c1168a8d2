extension UserAgentProvider {
    /// A generator over a table's rows, unique over them.
    static func tokenTable(_ name: String, _ table: Table, _ summary: String) -> GeneratorSpec {
        PersonProvider.table(name, provider: "user_agent", summary) { _ in table }
    }

    static func token(
        _ name: String, _ summary: String, _ write: @escaping @Sendable (EmitContext) -> Void
    )
        -> GeneratorSpec
    {
        GeneratorSpec(name, provider: "user_agent", summary: summary) { _, _ in CompiledGenerator(emit: write) }
    }

    /// Reads an inclusive `from`/`to` pair of non-negative integers.
    static func range(
        _ arguments: inout Arguments, _ from: String, _ fromDefault: Int64, _ to: String, _ toDefault: Int64
    ) throws(TemplateError) -> (Int64, Int64) {
        let low = try arguments.int(from, default: fromDefault, in: 0...1_000_000_000)
        let high = try arguments.int(to, default: toDefault, in: 0...1_000_000_000)
        guard low <= high else { throw arguments.error(to, "must be at least `\(from)` (\(low)), got \(high)") }
        return (low, high)
    }

    static let generators: [GeneratorSpec] = [
        GeneratorSpec("user_agent", provider: "user_agent", summary: "A browser user-agent string of any browser") {
            arguments, _ in
            let now = arguments.now
            let shape = ChromeShape()
            return CompiledGenerator { context in
                switch context.rng.below(5) {
                case 0: chrome(shape, context)
                case 1: firefox(now: now, context)
                case 2: internetExplorer(context)
                case 3: opera(context)
                default: safari(context)
                }
            }
        },
        GeneratorSpec(
            "chrome", provider: "user_agent",
            parameters: [
                .init("version_from", "int", "13"), .init("version_to", "int", "63"),
                .init("build_from", "int", "800"), .init("build_to", "int", "899"),
            ],
            summary: "A Chrome user agent; versions and builds from the given ranges"
        ) { arguments, _ in
            var shape = ChromeShape()
            shape.versions = try range(&arguments, "version_from", 13, "version_to", 63)
            shape.builds = try range(&arguments, "build_from", 800, "build_to", 899)
            let resolved = shape
            return CompiledGenerator { context in chrome(resolved, context) }
        },
        GeneratorSpec("firefox", provider: "user_agent", summary: "A Firefox user agent") { arguments, _ in
            let now = arguments.now
            return CompiledGenerator { context in firefox(now: now, context) }
        },
        token("safari", "A Safari user agent", safari),
        token("opera", "An Opera user agent", opera),
        token("internet_explorer", "An Internet Explorer user agent", internetExplorer),
        token("android_platform_token", "An Android platform token such as `Android 4.4.2`", android),
        token("ios_platform_token", "An iOS platform token such as `iPhone; CPU iPhone OS 14_2 like Mac OS X`", ios),
        token("linux_platform_token", "A Linux platform token such as `X11; Linux x86_64`", linux),
        token("mac_platform_token", "A macOS platform token such as `Macintosh; Intel Mac OS X 10_12_3`", mac),
        tokenTable("windows_platform_token", windowsTokens, "A Windows platform token such as `Windows NT 10.0`"),
        tokenTable("linux_processor", linuxProcessors, "A Linux processor name: i686 or x86_64"),
        tokenTable("mac_processor", macProcessors, "A Mac processor token: Intel, PPC, U; Intel or U; PPC"),
    ]
}
