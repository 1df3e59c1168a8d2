#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Removes secrets from log text.
package enum Redaction {
    static let marker = Array("[REDACTED]".utf8)

    /// `line` with each occurrence of a secret, and each JWT-shaped run (`eyJ…` with two dots), replaced.
    package static func scrub(_ line: [UInt8], secrets: [[UInt8]]) -> [UInt8] {
        var line = line
        for secret in secrets where contains(secret, in: line) {
            line = replacing(secret, in: line)
        }
        return contains(tokenStart, in: line) ? scrubTokens(line) : line
    }

    static let tokenStart = Array("eyJ".utf8)

    /// Whether `needle` occurs in `haystack`: memchr to each candidate first byte, then memcmp, so the common
    /// no-match case costs a few fast scans and no allocation.
    static func contains(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        return haystack.withUnsafeBytes { hay in
            needle.withUnsafeBytes { pin in
                let base = hay.baseAddress!
                let last = hay.count - pin.count
                var offset = 0
                while offset <= last {
                    guard let found = memchr(base + offset, Int32(first), last - offset + 1) else { return false }
                    let position = base.distance(to: UnsafeRawPointer(found))
                    if memcmp(base + position, pin.baseAddress!, pin.count) == 0 { return true }
                    offset = position + 1
                }
                return false
            }
        }
    }

    static func replacing(_ needle: [UInt8], in haystack: [UInt8]) -> [UInt8] {
        guard let first = needle.first else { return haystack }
        var output: [UInt8] = []
        var index = 0
        var changed = false
        while index < haystack.count {
            if haystack[index] == first, index + needle.count <= haystack.count,
                haystack[index..<(index + needle.count)].elementsEqual(needle)
            {
                output.append(contentsOf: marker)
                index += needle.count
                changed = true
            } else {
                output.append(haystack[index])
                index += 1
            }
        }
        return changed ? output : haystack
    }

    /// Replaces `eyJ` + base64url + `.` + base64url + `.` + base64url: the shape of every JWT.
    static func scrubTokens(_ line: [UInt8]) -> [UInt8] {
        let start: [UInt8] = Array("eyJ".utf8)
        guard line.count >= 10 else { return line }
        var output: [UInt8] = []
        var index = 0
        var changed = false
        while index < line.count {
            if line[index] == start[0], index + 3 <= line.count, line[index..<(index + 3)].elementsEqual(start) {
                var end = index
                var dots = 0
                while end < line.count, isTokenByte(line[end]) || (line[end] == UInt8(ascii: ".") && dots < 2) {
                    if line[end] == UInt8(ascii: ".") { dots += 1 }
                    end += 1
                }
                if dots == 2 {
                    output.append(contentsOf: marker)
                    index = end
                    changed = true
                    continue
                }
            }
            output.append(line[index])
            index += 1
        }
        return changed ? output : line
    }

    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
            return true
        default: return false
        }
    }
}
