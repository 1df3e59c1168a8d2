/// Limits on what a template may hold, so a hostile document cannot exhaust memory or the stack.
public struct TemplateLimits: Sendable, Hashable {
    /// Largest template document in bytes.
    public var maxBytes: Int
    /// Deepest nesting of arrays and objects.
    public var maxDepth: Int
    /// Most JSON values (of any kind) in one template.
    public var maxNodes: Int

    public init(maxBytes: Int = 256 * 1024, maxDepth: Int = 32, maxNodes: Int = 10_000) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
    }

    public static let `default` = TemplateLimits()
}

extension JSONValue {
    /// Parses one JSON document (RFC 8259), keeping member order and number spelling; a key that repeats keeps
    /// its first place and its last value.
    ///
    /// - Throws: `TemplateError` of kind `parsing_error` with the byte offset, or `limit_exceeded`.
    public static func parse(_ text: String, limits: TemplateLimits = .default) throws(TemplateError) -> JSONValue {
        try withBytes(Array(text.utf8)) { bytes throws(TemplateError) in try parse(bytes, limits: limits) }
    }

    /// Parses one JSON document from UTF-8 bytes.
    public static func parse(
        _ bytes: UnsafeRawBufferPointer, limits: TemplateLimits = .default
    ) throws(TemplateError)
        -> JSONValue
    {
        if bytes.count > limits.maxBytes {
            throw TemplateError(
                .limitExceeded, "template is \(bytes.count) bytes; the limit is \(limits.maxBytes)")
        }
        var parser = JSONParser(bytes: bytes, limits: limits)
        // JSON is UTF-8 (RFC 8259 §8.1): a byte that breaks it is an error at its offset, never a silent U+FFFD
        // that would change the text the client sent.
        if let invalid = UTF8Validation.firstInvalidOffset(bytes) {
            parser.position = invalid
            throw parser.error("invalid UTF-8 (byte 0x\(String(bytes[invalid], radix: 16, uppercase: true)))")
        }
        // A UTF-8 byte order mark opens the document when an editor on Windows saved it; Python's `json` skips it
        // for bytes too.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.position = 3 }
        parser.skipWhitespace()
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        if parser.position < bytes.count {
            throw parser.error("unexpected data after the JSON value")
        }
        return value
    }
}

struct JSONParser {
    let bytes: UnsafeRawBufferPointer
    let limits: TemplateLimits
    var position = 0
    var nodes = 0

    init(bytes: UnsafeRawBufferPointer, limits: TemplateLimits) {
        self.bytes = bytes
        self.limits = limits
    }

    func error(_ message: String) -> TemplateError {
        TemplateError(.parsingError, "invalid JSON at byte \(position): \(message)", offset: position)
    }

    var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
            position += 1
        }
    }

    mutating func expect(_ literal: String, value: JSONValue) throws(TemplateError) -> JSONValue {
        for byte in literal.utf8 {
            guard current == byte else { throw error("expected `\(literal)`") }
            position += 1
        }
        return value
    }

    mutating func parseValue(depth: Int) throws(TemplateError) -> JSONValue {
        nodes += 1
        if nodes > limits.maxNodes {
            throw TemplateError(.limitExceeded, "template has more than \(limits.maxNodes) JSON values")
        }
        guard let byte = current else { throw error("unexpected end of input") }
        switch byte {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): return try expect("true", value: .bool(true))
        case UInt8(ascii: "f"): return try expect("false", value: .bool(false))
        case UInt8(ascii: "n"): return try expect("null", value: .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("unexpected character `\(Unicode.Scalar(byte))`")
        }
    }

    mutating func checkDepth(_ depth: Int) throws(TemplateError) {
        if depth > limits.maxDepth {
            throw TemplateError(.limitExceeded, "template nests deeper than \(limits.maxDepth) levels")
        }
    }

    mutating func parseObject(depth: Int) throws(TemplateError) -> JSONValue {
        try checkDepth(depth)
        position += 1
        var members: [(key: String, value: JSONValue)] = []
        // Positions of the keys, once an object is too big to search: a repeated key keeps its first place and
        // takes its last value, as Python's `json` (and so the original Phoney) reads it.
        var positions: [String: Int] = [:]
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            position += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw error("expected a string key") }
            let key = try parseString()
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw error("expected `:` after a key") }
            position += 1
            skipWhitespace()
            let value = try parseValue(depth: depth)
            if members.count > 16, positions.isEmpty {
                for (index, member) in members.enumerated() where positions[member.key] == nil {
                    positions[member.key] = index
                }
            }
            let earlier = positions.isEmpty ? members.firstIndex { $0.key == key } : positions[key]
            if let earlier {
                members[earlier].value = value
            } else {
                if !positions.isEmpty { positions[key] = members.count }
                members.append((key, value))
            }
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"):
                position += 1
                return .object(members)
            default: throw error("expected `,` or `}` in an object")
            }
        }
    }

    mutating func parseArray(depth: Int) throws(TemplateError) -> JSONValue {
        try checkDepth(depth)
        position += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            position += 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            items.append(try parseValue(depth: depth))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"):
                position += 1
                return .array(items)
            default: throw error("expected `,` or `]` in an array")
            }
        }
    }

    mutating func parseNumber() throws(TemplateError) -> JSONValue {
        let start = position
        if current == UInt8(ascii: "-") { position += 1 }
        guard let first = current, first >= 0x30, first <= 0x39 else { throw error("expected a digit") }
        if first == 0x30 {
            position += 1
        } else {
            skipDigits()
        }
        if current == UInt8(ascii: ".") {
            position += 1
            guard let digit = current, digit >= 0x30, digit <= 0x39 else { throw error("expected a digit after `.`") }
            skipDigits()
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            position += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
            guard let digit = current, digit >= 0x30, digit <= 0x39 else { throw error("expected an exponent") }
            skipDigits()
        }
        return .number(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self))
    }

    mutating func skipDigits() {
        while let byte = current, byte >= 0x30, byte <= 0x39 { position += 1 }
    }

    mutating func parseString() throws(TemplateError) -> String {
        position += 1
        var out: [UInt8] = []
        while true {
            guard let byte = current else { throw error("unterminated string") }
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard let text = String(validating: out, as: UTF8.self) else {
                    throw error("string is not valid UTF-8")
                }
                return text
            case UInt8(ascii: "\\"):
                try parseEscape(into: &out)
            case 0..<0x20:
                position -= 1
                throw error("control character in a string must be escaped")
            default:
                out.append(byte)
            }
        }
    }

    mutating func parseEscape(into out: inout [UInt8]) throws(TemplateError) {
        guard let byte = current else { throw error("unterminated escape") }
        position += 1
        switch byte {
        case UInt8(ascii: "\""): out.append(0x22)
        case UInt8(ascii: "\\"): out.append(0x5C)
        case UInt8(ascii: "/"): out.append(0x2F)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try parseHex4()
            if scalar >= 0xD800, scalar < 0xDC00 {
                guard current == UInt8(ascii: "\\"), position + 1 < bytes.count,
                    bytes[position + 1] == UInt8(ascii: "u")
                else { throw error("unpaired surrogate") }
                position += 2
                let low = try parseHex4()
                guard low >= 0xDC00, low < 0xE000 else { throw error("invalid low surrogate") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if scalar >= 0xDC00, scalar < 0xE000 {
                throw error("unpaired surrogate")
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw error("invalid escape") }
            out.append(contentsOf: Array(String(Character(unicode)).utf8))
        default:
            position -= 1
            throw error("invalid escape `\\\(Unicode.Scalar(byte))`")
        }
    }

    mutating func parseHex4() throws(TemplateError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current else { throw error("unterminated \\u escape") }
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x37)
            case 0x61...0x66: digit = UInt32(byte - 0x57)
            default: throw error("invalid hex digit in \\u escape")
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }
}
