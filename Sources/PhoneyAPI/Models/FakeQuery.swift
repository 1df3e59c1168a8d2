import HTTPTypes
import PhoneyCore

/// The query of the single-generator endpoints: `count` (1 to 100, default 1), `locale`, `seed`.
package struct FakeQuery: Sendable {
    package var count: Int
    package var locale: String?
    package var seed: UInt64
    package var seedText: String

    /// - Throws: `APIError` 422 in FastAPI's shape (`loc: ["query", name]`) for every bad parameter.
    package init(query: String?) throws(APIError) {
        let query = Self.parameters(query ?? "")
        var issues: [RequestIssue] = []
        count = 1
        if let text = query["count"] {
            // As FastAPI reads an integer from a string (` 5 `, `+5`, `5.0`, `1_0`); too long is over the limit.
            if let digits = RequestFields.integerText(spelled: text) {
                let value = Int(digits) ?? (digits.hasPrefix("-") ? .min : .max)
                if value < 1 {
                    issues.append(
                        RequestIssue(
                            "greater_than_equal", ["query", "count"], "Input should be greater than or equal to 1",
                            input: .string(text)))
                } else if value > APIConfig.fakeMaxCount {
                    issues.append(
                        RequestIssue(
                            "less_than_equal", ["query", "count"],
                            "Input should be less than or equal to \(APIConfig.fakeMaxCount)", input: .string(text)))
                } else {
                    count = value
                }
            } else {
                issues.append(
                    RequestIssue(
                        "int_parsing", ["query", "count"],
                        "Input should be a valid integer, unable to parse string as an integer",
                        input: .string(text)))
            }
        }
        locale = query["locale"].flatMap { $0.isEmpty ? nil : $0 }
        if let text = query["seed"], !text.isEmpty {
            let digits = RequestFields.integerText(spelled: text)
            if let digits, let signed = Int64(digits) {
                seed = UInt64(bitPattern: signed)
                seedText = digits
            } else if let digits, let unsigned = UInt64(digits) {
                seed = unsigned
                seedText = digits
            } else {
                issues.append(
                    RequestIssue(
                        "int_parsing", ["query", "seed"],
                        "Input should be a valid integer, unable to parse string as an integer",
                        input: .string(text)))
                seed = 0
                seedText = "0"
            }
        } else {
            seed = UInt64.random(in: 0..<(1 << 53))
            seedText = String(seed)
        }
        if !issues.isEmpty { throw APIError.requestValidation(issues) }
    }

    /// The query's parameters as Starlette reads them: names and values percent-decoded with `+` as a space, and a
    /// name given twice keeps its last value. A pair that does not decode is taken as written.
    static func parameters(_ query: String) -> [String: String] {
        var parameters: [String: String] = [:]
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = FormBody.decode(parts[0]) ?? String(parts[0])
            let value = parts.count > 1 ? FormBody.decode(parts[1]) ?? String(parts[1]) : ""
            parameters[name] = value
        }
        return parameters
    }
}
