/// A template that failed to compile: every error found, not only the first.
public struct TemplateFailure: Error, Sendable, CustomStringConvertible {
    public var errors: [TemplateError]
    public var warnings: [String]

    public init(errors: [TemplateError], warnings: [String] = []) {
        self.errors = errors
        self.warnings = warnings
    }

    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
