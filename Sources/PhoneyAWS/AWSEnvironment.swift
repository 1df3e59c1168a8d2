/// Reading the standard AWS and Phoney variables from an environment dictionary.
package enum AWSEnvironment {
    /// The region: `AWS_REGION` (set by Lambda), else `AWS_DEFAULT_REGION`.
    ///
    /// - Throws: `AWSError` of kind `missingVariable` naming `AWS_REGION` when neither is set.
    package static func region(_ environment: [String: String]) throws(AWSError) -> String {
        for name in ["AWS_REGION", "AWS_DEFAULT_REGION"] {
            if let region = environment[name], !region.isEmpty { return region }
        }
        throw .missing("AWS_REGION", "set AWS_REGION or AWS_DEFAULT_REGION to the region of the service")
    }

    /// Whether a switch such as `USE_PARAMETER_STORE` is on: `true`, `1` or `yes`, any case.
    package static func isEnabled(_ name: String, in environment: [String: String]) -> Bool {
        guard let value = environment[name] else { return false }
        switch value.trimmed.lowercased() {
        case "true", "1", "yes": return true
        default: return false
        }
    }

    /// A variable that must be set and not blank.
    ///
    /// - Throws: `AWSError` of kind `missingVariable` naming it, with `why` it is needed.
    package static func required(
        _ name: String, in environment: [String: String], because why: String
    ) throws(AWSError) -> String {
        guard let value = environment[name], !value.trimmed.isEmpty else { throw .missing(name, why) }
        return value.trimmed
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and newlines.
    var trimmed: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
