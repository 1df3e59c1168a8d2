/// A configuration that cannot be used, with one message per problem so all of them can be fixed at once.
package struct ConfigError: Error, CustomStringConvertible, Equatable {
    package var problems: [String]

    package init(_ problems: [String]) {
        self.problems = problems
    }

    package var description: String {
        "invalid configuration:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}
