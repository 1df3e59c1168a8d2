/// The top-level members of a JSON object found by a single scan, as byte ranges: no value is built.
///
/// Used on the hot path of the bulk endpoints so a template is handed to the plan cache as the text the client
/// sent (a cache hit then parses nothing). Anything unusual (malformed JSON, escaped keys) returns nil and the
/// caller falls back to the full parser, which reports the precise error.
package enum RawMembers {
    /// Member names and the byte ranges of their values, in order; nil when `bytes` is not a plain JSON object.
    package static func scan(_ bytes: UnsafeRawBufferPointer) -> [(key: String, value: Range<Int>)]? {
        var position = 0
        func skipSpace() {
            while position < bytes.count,
                bytes[position] == 0x20 || bytes[position] == 0x0A || bytes[position] == 0x0D || bytes[position] == 0x09
            {
                position += 1
            }
        }
        /// Moves past a string whose opening quote is at `position`; false when it is not closed.
        func skipString() -> Bool {
            position += 1
            while position < bytes.count {
                switch bytes[position] {
                case UInt8(ascii: "\\"): position += 2
                case UInt8(ascii: "\""):
                    position += 1
                    return true
                default: position += 1
                }
            }
            return false
        }
        func skipValue() -> Bool {
            guard position < bytes.count else { return false }
            switch bytes[position] {
            case UInt8(ascii: "\""):
                return skipString()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var depth = 0
                while position < bytes.count {
                    switch bytes[position] {
                    case UInt8(ascii: "\""):
                        guard skipString() else { return false }
                        continue
                    case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        depth -= 1
                        if depth == 0 {
                            position += 1
                            return true
                        }
                    default: break
                    }
                    position += 1
                }
                return false
            default:
                let start = position
                while position < bytes.count {
                    let byte = bytes[position]
                    if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]")
                        || byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
                    {
                        break
                    }
                    position += 1
                }
                return position > start
            }
        }

        skipSpace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "{") else { return nil }
        position += 1
        var members: [(key: String, value: Range<Int>)] = []
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
        } else {
            while true {
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { return nil }
                let keyStart = position + 1
                guard skipString() else { return nil }
                let keyBytes = UnsafeRawBufferPointer(rebasing: bytes[keyStart..<(position - 1)])
                if keyBytes.contains(UInt8(ascii: "\\")) { return nil }
                guard let key = String(validating: keyBytes, as: UTF8.self) else { return nil }
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { return nil }
                position += 1
                skipSpace()
                let valueStart = position
                guard skipValue() else { return nil }
                members.append((key, valueStart..<position))
                skipSpace()
                guard position < bytes.count else { return nil }
                if bytes[position] == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                guard bytes[position] == UInt8(ascii: "}") else { return nil }
                position += 1
                break
            }
        }
        skipSpace()
        return position == bytes.count ? members : nil
    }
}
