import HTTPTypes
import PhoneyCore

/// A response in the shape API Gateway expects back from a proxy integration.
package struct GatewayResponse {
    package var status: Int
    package var headers: HTTPFields
    package var body: [UInt8]

    package init(status: Int, headers: HTTPFields, body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The Lambda response document for `version`.
    ///
    /// Text bodies (JSON, NDJSON, CSV, HTML, any `text/*`) that are valid UTF-8 go as a JSON string; anything else
    /// as base64 with `isBase64Encoded: true`. Payload 2.0 joins repeated headers with commas and puts
    /// `Set-Cookie` values in `cookies`; payload 1.0 gives every header in `multiValueHeaders`, and its last value in
    /// `headers`.
    package func encoded(for version: GatewayRequest.Version) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(body.count + body.count / 8 + 512)
        out.append(contentsOf: #"{"statusCode":"#.utf8)
        out.append(contentsOf: String(status).utf8)
        var names: [HTTPField.Name] = []
        // API Gateway sets the framing headers of what it sends on; passing ours would only risk a mismatch.
        for field in headers
        where !names.contains(field.name) && field.name != .contentLength
            && field.name != .transferEncoding
        {
            names.append(field.name)
        }
        switch version {
        case .v2:
            out.append(contentsOf: #","headers":{"#.utf8)
            var first = true
            for name in names where name != .setCookie {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                JSONValue.appendQuoted(name.canonicalName, to: &out)
                out.append(UInt8(ascii: ":"))
                JSONValue.appendQuoted(headers[values: name].joined(separator: ", "), to: &out)
            }
            out.append(UInt8(ascii: "}"))
            let cookies = headers[values: .setCookie]
            if !cookies.isEmpty {
                out.append(contentsOf: #","cookies":["#.utf8)
                for (index, cookie) in cookies.enumerated() {
                    if index > 0 { out.append(UInt8(ascii: ",")) }
                    JSONValue.appendQuoted(cookie, to: &out)
                }
                out.append(UInt8(ascii: "]"))
            }
        case .v1:
            // `headers` too, with each name's last value: an ALB target group without multi-value headers reads only
            // `headers`, and API Gateway's REST API drops a pair that `multiValueHeaders` also holds.
            out.append(contentsOf: #","headers":{"#.utf8)
            for (index, name) in names.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.appendQuoted(name.canonicalName, to: &out)
                out.append(UInt8(ascii: ":"))
                JSONValue.appendQuoted(headers[values: name].last ?? "", to: &out)
            }
            out.append(UInt8(ascii: "}"))
            out.append(contentsOf: #","multiValueHeaders":{"#.utf8)
            for (index, name) in names.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.appendQuoted(name.canonicalName, to: &out)
                out.append(contentsOf: ":[".utf8)
                for (position, value) in headers[values: name].enumerated() {
                    if position > 0 { out.append(UInt8(ascii: ",")) }
                    JSONValue.appendQuoted(value, to: &out)
                }
                out.append(UInt8(ascii: "]"))
            }
            out.append(UInt8(ascii: "}"))
        }
        let text = Self.isText(headers[.contentType]) && UTF8Check.isValid(body)
        out.append(
            contentsOf: text ? #","isBase64Encoded":false,"body":""#.utf8 : #","isBase64Encoded":true,"body":""#.utf8)
        body.withUnsafeBytes { bytes in
            if text {
                JSONEscape.append(bytes, to: &out)
            } else {
                Base64.encode(bytes, to: &out)
            }
        }
        out.append(contentsOf: "\"}".utf8)
        return out
    }

    /// Whether a content type is text, which API Gateway can carry as a string.
    static func isText(_ contentType: String?) -> Bool {
        guard let type = contentType?.lowercased() else { return true }
        return type.hasPrefix("text/") || type.hasPrefix("application/json") || type.contains("+json")
            || type.hasPrefix("application/x-ndjson") || type.hasPrefix("application/jsonl")
            || type.hasPrefix("application/xml") || type.contains("+xml") || type.hasPrefix("application/javascript")
            || type.hasPrefix("application/x-www-form-urlencoded") || type.hasPrefix("application/problem+json")
    }
}

/// JSON string escaping of UTF-8 bytes (the quotes are the caller's).
enum JSONEscape {
    static func append(_ bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        var start = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
            start = index + 1
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            default:
                out.append(contentsOf: Array(#"\u00"#.utf8))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 15)])
            }
        }
        out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<bytes.count]))
    }
}

/// UTF-8 validation, with a fast path over ASCII.
enum UTF8Check {
    static func isValid(_ bytes: [UInt8]) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            let length: Int
            switch byte {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return false
            }
            guard index + length <= count else { return false }
            for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return false }
            if length == 3 {
                let second = bytes[index + 1]
                if byte == 0xE0 && second < 0xA0 { return false }
                if byte == 0xED && second > 0x9F { return false }
            } else if length == 4 {
                let second = bytes[index + 1]
                if byte == 0xF0 && second < 0x90 { return false }
                if byte == 0xF4 && second > 0x8F { return false }
            }
            index += length
        }
        return true
    }
}
