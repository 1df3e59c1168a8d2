/// `application/x-www-form-urlencoded` text, decoded (`+` is a space, `%XX` a byte).
package enum FormBody {
    /// The fields of a form body; a name given twice keeps its first value.
    package static func parse(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0]), !name.isEmpty else { continue }
            let value = parts.count > 1 ? decode(parts[1]) : ""
            if fields[name] == nil, let value { fields[name] = value }
        }
        return fields
    }

    /// Percent-decodes one component; nil when an escape is malformed or the bytes are not UTF-8.
    ///
    /// - Parameters:
    ///   - plusIsSpace: true in forms and queries; false in a path, where `+` is itself.
    static func decode(_ component: Substring, plusIsSpace: Bool = true) -> String? {
        var bytes: [UInt8] = []
        var iterator = component.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+") where plusIsSpace: bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    return nil
                }
                bytes.append(high << 4 | low)
            default: bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

extension FormBody {
    /// The boundary of a `multipart/form-data` content type (`multipart/form-data; boundary=XYZ`, the value
    /// possibly quoted); nil for any other type.
    package static func multipartBoundary(contentType: String) -> String? {
        let parameters = contentType.split(separator: ";").map { $0.trimmed }
        guard parameters.first?.lowercased() == "multipart/form-data" else { return nil }
        for parameter in parameters.dropFirst() {
            let parts = parameter.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmed.lowercased() == "boundary" else { continue }
            var value = parts[1].trimmed
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast())
            }
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// The text fields of a `multipart/form-data` body (RFC 7578), as browsers' `FormData` and `curl -F` send
    /// them; a name given twice keeps its first value, and parts that are files are left out. Nil when the body
    /// is not multipart with this boundary.
    package static func parseMultipart(_ body: [UInt8], boundary: String) -> [String: String]? {
        let delimiter = Array("--\(boundary)".utf8)
        let headerEnd: [UInt8] = [0x0D, 0x0A, 0x0D, 0x0A]
        guard var start = find(delimiter, in: body, from: 0) else { return nil }
        var fields: [String: String] = [:]
        while true {
            var cursor = start + delimiter.count
            // The closing delimiter ends with `--`.
            if body.count >= cursor + 2, body[cursor] == UInt8(ascii: "-"), body[cursor + 1] == UInt8(ascii: "-") {
                return fields
            }
            // The rest of the delimiter line.
            guard let lineEnd = find([0x0D, 0x0A], in: body, from: cursor) else { return nil }
            cursor = lineEnd + 2
            guard let headersEnd = find(headerEnd, in: body, from: cursor) else { return nil }
            let headers = String(decoding: body[cursor..<headersEnd], as: UTF8.self)
            let contentStart = headersEnd + 4
            guard let next = find([0x0D, 0x0A] + delimiter, in: body, from: contentStart) else { return nil }
            if let disposition = Self.disposition(headers), disposition.filename == nil,
                fields[disposition.name] == nil,
                let value = String(validating: body[contentStart..<next], as: UTF8.self)
            {
                fields[disposition.name] = value
            }
            start = next + 2
        }
    }

    /// The `name` and `filename` of a part's `Content-Disposition: form-data` header.
    static func disposition(_ headers: String) -> (name: String, filename: String?)? {
        for line in headers.split(separator: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmed.lowercased() == "content-disposition" else { continue }
            var name: String?
            var filename: String?
            for parameter in parts[1].split(separator: ";").dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1)
                guard pair.count == 2 else { continue }
                var value = pair[1].trimmed
                if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                    value = String(value.dropFirst().dropLast())
                }
                switch pair[0].trimmed.lowercased() {
                case "name": name = value
                case "filename": filename = value
                default: break
                }
            }
            return name.map { ($0, filename) }
        }
        return nil
    }

    /// The first index of `needle` in `haystack` at or after `from`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, from <= haystack.count - needle.count else { return nil }
        var index = from
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }
}
