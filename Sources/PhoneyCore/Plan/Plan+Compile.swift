extension Plan {
    /// Compiles a template given as JSON text, without caching.
    ///
    /// - Throws: `TemplateFailure` with every error found.
    public static func compile(
        json template: String, options: CompileOptions = CompileOptions()
    ) throws(TemplateFailure)
        -> Plan
    {
        let value: JSONValue
        do {
            value = try JSONValue.parse(template, limits: options.limits)
        } catch {
            throw TemplateFailure(errors: [error])
        }
        return try Compiler.compile(value, options: options)
    }

    /// Compiles a parsed template, without caching.
    public static func compile(
        _ template: JSONValue, options: CompileOptions = CompileOptions()
    ) throws(TemplateFailure)
        -> Plan
    {
        try Compiler.compile(template, options: options)
    }
}
