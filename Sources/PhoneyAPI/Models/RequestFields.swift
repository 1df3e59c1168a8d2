import HTTPTypes
import NIOCore
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
    ///
    /// Read as FastAPI (pydantic's lax mode) reads it: `true`/`false`, the numbers 0 and 1, or one of the
    /// strings `true`, `false`, `yes`, `no`, `on`, `off`, `t`, `f`, `y`, `n`, `1`, `0` in any case.
    package mutating func boolean(_ key: String, default fallback: Bool) -> Bool {
        guard let value = self[key] else { return fallback }
        switch value {
        case .bool(let flag):
            return flag
        case .number(let text):
            if let number = Double(text), number == 0 || number == 1 { return number == 1 }
            if Self.integerText(value) != nil {
                issue("bool_parsing", key, "Input should be a valid boolean, unable to interpret input", input: value)
            } else {
                issue("bool_type", key, "Input should be a valid boolean", input: value)
            }
        case .string(let text):
            if let flag = Self.booleanWords[text.lowercased()] { return flag }
            issue("bool_parsing", key, "Input should be a valid boolean, unable to interpret input", input: value)
        default:
            issue("bool_type", key, "Input should be a valid boolean", input: value)
        }
        return fallback
    }

    /// The strings pydantic reads as booleans (compared in lower case).
    static let booleanWords: [String: Bool] = [
        "true": true, "yes": true, "on": true, "t": true, "y": true, "1": true,
        "false": false, "no": false, "off": false, "f": false, "n": false, "0": false,
    ]

    /// The `format` member: json, csv or ndjson; `fallback` when absent or wrong (a wrong one is an issue).
    package mutating func format(default fallback: OutputFormat) -> OutputFormat {
        guard let text = string("format", nullable: false) else { return fallback }
        guard let format = OutputFormat(rawValue: text) else {
            issue("literal_error", "format", "Input should be 'json', 'csv' or 'ndjson'", input: .string(text))
            return fallback
        }
        return format
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
        let text: String
        switch Self.readInteger(value) {
        case .integer(let digits): text = digits
        case let failure:
            integerIssue(failure, key, input: value)
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

    /// What a JSON value is as an integer under pydantic's lax rules, which FastAPI applies by default.
    package enum IntegerReading: Equatable {
        /// A whole number, as plain decimal text (`-12`, `0`, `3000`).
        case integer(String)
        /// A number with a fractional part (`3.5`).
        case fractional
        /// A number too large for a double (`1e400`).
        case infinite
        /// A string that does not spell an integer.
        case unparsable
        /// Anything else: null, an array, an object.
        case wrongType
    }

    /// Reads `value` as FastAPI reads an integer field: a whole JSON number (`5`, `5.0`, `5e2`), `true` or `false`
    /// (1 and 0), or a string that spells an integer (see `integerText(spelled:)`).
    package static func readInteger(_ value: JSONValue) -> IntegerReading {
        switch value {
        case .number(let text):
            if let digits = integerText(spelled: text) { return .integer(digits) }
            guard let double = Double(text) else { return .unparsable }
            if !double.isFinite { return .infinite }
            guard double == double.rounded() else { return .fractional }
            let magnitude = abs(double)
            // Past 2^64 the digits only need to be out of every range.
            let digits =
                magnitude < 18_446_744_073_709_551_616
                ? String(UInt64(magnitude)) : "1" + String(repeating: "0", count: 20)
            return .integer((double < 0 && magnitude != 0 ? "-" : "") + digits)
        case .bool(let flag):
            return .integer(flag ? "1" : "0")
        case .string(let text):
            return integerText(spelled: text).map { .integer($0) } ?? .unparsable
        default:
            return .wrongType
        }
    }

    /// The decimal text of a whole JSON number (`5`, `5.0`, `5e2`), else nil.
    package static func integerText(_ value: JSONValue) -> String? {
        guard case .number = value, case .integer(let text) = readInteger(value) else { return nil }
        return text
    }

    /// An integer spelled as pydantic accepts it in a string: surrounding whitespace, an optional sign, digits
    /// with single underscores between them, and an optional fractional part of zeros (` 42 `, `+7`, `1_000`,
    /// `3.00`, `007`). Returns plain decimal text (`42`, `7`, `1000`, `3`, `7`); nil for anything else.
    package static func integerText(spelled text: String) -> String? {
        let whitespace: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C]
        var bytes = Array(text.utf8)[...]
        while let first = bytes.first, whitespace.contains(first) { bytes.removeFirst() }
        while let last = bytes.last, whitespace.contains(last) { bytes.removeLast() }
        var negative = false
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            bytes.removeFirst()
        }
        if let point = bytes.firstIndex(of: UInt8(ascii: ".")) {
            let fraction = bytes[(point + 1)...]
            guard !fraction.isEmpty, fraction.allSatisfy({ $0 == UInt8(ascii: "0") }) else { return nil }
            bytes = bytes[..<point]
        }
        var digits: [UInt8] = []
        var previousWasDigit = false
        for byte in bytes {
            if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                if !(digits.isEmpty && byte == UInt8(ascii: "0")) { digits.append(byte) }
                previousWasDigit = true
            } else if byte == UInt8(ascii: "_"), previousWasDigit {
                previousWasDigit = false
            } else {
                return nil
            }
        }
        // Empty, or ending in an underscore.
        guard previousWasDigit else { return nil }
        if digits.isEmpty { return "0" }
        return (negative ? "-" : "") + String(decoding: digits, as: UTF8.self)
    }

    /// Records the 422 issue for a value that is not an integer, in pydantic's words.
    mutating func integerIssue(_ reading: IntegerReading, _ key: String, input: JSONValue) {
        switch reading {
        case .fractional:
            issue(
                "int_from_float", key, "Input should be a valid integer, got a number with a fractional part",
                input: input)
        case .infinite:
            issue("finite_number", key, "Input should be a finite number", input: input)
        case .unparsable:
            issue(
                "int_parsing", key, "Input should be a valid integer, unable to parse string as an integer",
                input: input)
        case .integer, .wrongType:
            issue("int_type", key, "Input should be a valid integer", input: input)
        }
    }
}
