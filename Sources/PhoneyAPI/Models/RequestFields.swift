import HTTPTypes
import Hummingbird
import HummingbirdCore
import PhoneyCore

/// Reads the members of a JSON request body with FastAPI's rules and error shapes, collecting every problem.
package struct RequestFields {
    package let members: [(key: String, value: JSONValue)]
    package private(set) var issues: [RequestIssue] = []

    /// Parses `body` as a JSON object.
    ///
    /// - Parameter allowed: the accepted member names; others are reported as `extra_forbidden`. Nil accepts any.
    /// - Throws: `APIError` 422: `json_invalid` for malformed JSON, `model_attributes_type` for a non-object,
    ///   the template-failure shape for a document over the size, depth or node limits.
    package init(body: ByteBuffer, limits: TemplateLimits, allowed: Set<String>?) throws(APIError) {
        guard body.readableBytes > 0 else {
            throw APIError.requestValidation([RequestIssue("missing", ["body"], "Field required")])
        }
        let parsed = body.withUnsafeReadableBytes { bytes in
            Result { () throws(TemplateError) in try JSONValue.parse(bytes, limits: limits) }
        }
        let document: JSONValue
        switch parsed {
        case .success(let value): document = value
        case .failure(let error) where error.kind == .limitExceeded:
            throw APIError.templateFailure([error])
        case .failure(let error):
            throw APIError.requestValidation([
                RequestIssue(
                    "json_invalid", ["body", String(error.offset ?? 0)], "JSON decode error: \(error.message)")
            ])
        }
        guard case .object(let members) = document else {
            throw APIError.requestValidation([
                RequestIssue(
                    "model_attributes_type", ["body"],
                    "Input should be a valid dictionary or object to extract fields from", input: document)
            ])
        }
        self.members = members
        if let allowed {
            for member in members where !allowed.contains(member.key) {
                issues.append(
                    RequestIssue(
                        "extra_forbidden", ["body", member.key], "Extra inputs are not permitted", input: member.value))
            }
        }
    }

    /// Fields from members already parsed (and checked for unknown names).
    package init(members: [(key: String, value: JSONValue)]) {
        self.members = members
    }

    package subscript(key: String) -> JSONValue? {
        members.first { $0.key == key }?.value
    }

    package mutating func issue(_ type: String, _ key: String, _ message: String, input: JSONValue? = nil) {
        issues.append(RequestIssue(type, ["body", key], message, input: input))
    }

    /// Throws the collected issues as one 422, if any.
    package func check() throws(APIError) {
        if !issues.isEmpty { throw APIError.requestValidation(issues) }
    }

    /// An object member; `missing` when absent and `required`.
    package mutating func object(_ key: String, required: Bool) -> [(key: String, value: JSONValue)]? {
        guard let value = self[key] else {
            if required { issue("missing", key, "Field required") }
            return nil
        }
        guard case .object(let members) = value else {
            issue("dict_type", key, "Input should be a valid dictionary", input: value)
            return nil
        }
        return members
    }

    /// A boolean member, `fallback` when absent.
    package mutating func boolean(_ key: String, default fallback: Bool) -> Bool {
        guard let value = self[key] else { return fallback }
        guard case .bool(let flag) = value else {
            issue("bool_type", key, "Input should be a valid boolean", input: value)
            return fallback
        }
        return flag
    }

    /// A string member; nil when absent or, if `nullable`, null.
    package mutating func string(_ key: String, nullable: Bool) -> String? {
        guard let value = self[key] else { return nil }
        if case .null = value, nullable { return nil }
        guard case .string(let text) = value else {
            issue("string_type", key, "Input should be a valid string", input: value)
            return nil
        }
        return text
    }

    /// An integer member within `range`; nil when absent (or null and `nullable`) or invalid.
    package mutating func integer<Value: FixedWidthInteger>(
        _ key: String, in range: ClosedRange<Value>, nullable: Bool = false
    ) -> Value? {
        guard let value = self[key] else { return nil }
        if case .null = value, nullable { return nil }
        guard let text = Self.integerText(value) else {
            issue("int_type", key, "Input should be a valid integer", input: value)
            return nil
        }
        guard let number = Value(text) else {
            let tooSmall = text.hasPrefix("-")
            outOfRange(key, range, tooSmall: tooSmall, input: value)
            return nil
        }
        if number < range.lowerBound {
            outOfRange(key, range, tooSmall: true, input: value)
            return nil
        }
        if number > range.upperBound {
            outOfRange(key, range, tooSmall: false, input: value)
            return nil
        }
        return number
    }

    mutating func outOfRange<Value: FixedWidthInteger>(
        _ key: String, _ range: ClosedRange<Value>, tooSmall: Bool, input: JSONValue
    ) {
        if tooSmall {
            issue(
                "greater_than_equal", key, "Input should be greater than or equal to \(range.lowerBound)", input: input)
        } else {
            issue("less_than_equal", key, "Input should be less than or equal to \(range.upperBound)", input: input)
        }
    }

    /// The decimal text of a JSON number that is a whole number (`5`, `5.0`, `5e2`), else nil.
    package static func integerText(_ value: JSONValue) -> String? {
        guard case .number(let text) = value else { return nil }
        if text.utf8.allSatisfy({ $0 == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
            return text
        }
        guard let double = Double(text), double.isFinite, double == double.rounded(),
            abs(double) < 9_007_199_254_740_992
        else { return nil }
        return String(Int64(double))
    }
}
