/// What the catalog knows of one generator: its name, provider, parameters and how to compile it.
package struct GeneratorSpec: Sendable {
    /// One keyword parameter, with Faker's name.
    package struct Parameter: Sendable {
        package var name: String
        /// `int`, `float`, `string`, `bool`, `date`, `list`, …
        package var type: String
        /// The default, as it would be written in a placeholder; nil when required or derived.
        package var defaultValue: String?

        package init(_ name: String, _ type: String, _ defaultValue: String? = nil) {
            self.name = name
            self.type = type
            self.defaultValue = defaultValue
        }
    }

    /// Compiles the generator for one placeholder; throws `TemplateError` for bad arguments.
    package typealias Compile = @Sendable (inout Arguments, LocaleData) throws -> CompiledGenerator

    package var name: String
    package var provider: String
    package var parameters: [Parameter]
    package var type: ValueType
    package var summary: String
    package var compile: Compile

    package init(
        _ name: String,
        provider: String,
        type: ValueType = .string,
        parameters: [Parameter] = [],
        summary: String = "",
        compile: @escaping Compile
    ) {
        self.name = name
        self.provider = provider
        self.type = type
        self.parameters = parameters
        self.summary = summary
        self.compile = compile
    }
}
