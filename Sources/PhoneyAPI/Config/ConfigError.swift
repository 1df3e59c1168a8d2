/// A configuration that cannot be used, with one message per problem so all of them can be fixed at once.
package struct ConfigError: Error, CustomStringConvertible, Equatable {
    /// Where the configuration went wrong.
    package enum Code: String, Sendable {
        /// One or more settings have values that cannot be used.
        case invalidSettings = "invalid_settings"
        /// A settings file (`.env`) cannot be read.
        case unreadableFile = "unreadable_file"
    }

    package var code: Code
    package var problems: [String]

    package init(_ problems: [String], code: Code = .invalidSettings) {
        self.code = code
        self.problems = problems
    }

    package var description: String {
        "invalid configuration:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}
