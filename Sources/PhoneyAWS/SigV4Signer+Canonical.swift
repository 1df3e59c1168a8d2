import PhoneyCore

extension SigV4Signer {
    /// The canonical URI: dot segments and empty segments removed (a trailing `/` kept), then each segment
    /// URI-encoded.
    package static func canonicalPath(_ path: String) -> String {
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        if segments.isEmpty { return "/" }
        var out = ""
        for segment in segments {
            out += "/"
            out += PercentEncoding.encode(segment)
        }
        if path.hasSuffix("/") { out += "/" }
        return out
    }

    /// The canonical query string: names and values URI-encoded, sorted by name then value, joined by `&`.
    package static func canonicalQuery(_ items: [(name: String, value: String)]) -> String {
        items.map { (name: PercentEncoding.encode($0.name), value: PercentEncoding.encode($0.value)) }
            .sorted {
                $0.name != $1.name
                    ? $0.name.utf8.lexicographicallyPrecedes($1.name.utf8)
                    : $0.value.utf8.lexicographicallyPrecedes($1.value.utf8)
            }
            .map { $0.name + "=" + $0.value }
            .joined(separator: "&")
    }

    /// Lower-cased names, sorted; values trimmed with inner runs of whitespace collapsed to one space, and the
    /// values of a repeated name joined by `,` in the order given.
    package static func canonicalHeaders(
        _ headers: [(name: String, value: String)]
    ) -> [(name: String, value: String)] {
        var order: [String] = []
        var values: [String: [String]] = [:]
        for header in headers {
            let name = header.name.lowercased()
            if values[name] == nil { order.append(name) }
            values[name, default: []].append(normalizedValue(header.value))
        }
        return order.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            .map { (name: $0, value: values[$0]!.joined(separator: ",")) }
    }

    private static func normalizedValue(_ value: String) -> String {
        var out = ""
        var pendingSpace = false
        for scalar in value.unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out += " " }
                pendingSpace = false
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
