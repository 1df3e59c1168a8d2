extension TemplateSegment {
    /// Splits a template string into text and placeholders.
    ///
    /// `\{{` stands for a literal `{{`. A `{{` without its `}}` is an error rather than silently literal.
    /// - Throws: `TemplateError` of kind `parsing_error`, with `offset` set (the pointer is the caller's).
    public static func parse(_ text: String) throws(TemplateError) -> [TemplateSegment] {
        if let lone = lonePlaceholder(text) { return [.placeholder(lone)] }
        let scalars = Array(text.unicodeScalars)
        var reader = PlaceholderReader(scalars: scalars)
        return try reader.segments()
    }
}

extension TemplateSegment {
    /// The most common template string, a bare `{{name}}` (spaces allowed inside the braces), read straight from
    /// its UTF-8 bytes; nil for anything else, which the full reader handles. Gives what the reader would.
    static func lonePlaceholder(_ text: String) -> Placeholder? {
        let utf8 = text.utf8
        guard utf8.count > 4 else { return nil }
        return utf8.withContiguousStorageIfAvailable { bytes -> Placeholder? in
            let space = UInt8(ascii: " ")
            let open = UInt8(ascii: "{")
            let close = UInt8(ascii: "}")
            guard bytes[0] == open, bytes[1] == open, bytes[bytes.count - 1] == close, bytes[bytes.count - 2] == close
            else { return nil }
            var start = 2
            var end = bytes.count - 2
            while start < end, bytes[start] == space { start += 1 }
            while end > start, bytes[end - 1] == space { end -= 1 }
            guard start < end else { return nil }
            for byte in bytes[start..<end] {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."):
                    continue
                default:
                    return nil
                }
            }
            let rawName = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            return Placeholder(rawName: rawName, name: rawName.lowercased(), isArray: false, arguments: [], offset: 0)
        } ?? nil
    }

    /// Whether `text` may hold a `{{ref:…}}` placeholder: it spells `ref` in any case.
    static func mayHoldReference(_ text: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            if byte | 0x20 == UInt8(ascii: "f"), previous.0 | 0x20 == UInt8(ascii: "r"),
                previous.1 | 0x20 == UInt8(ascii: "e")
            {
                return true
            }
            previous = (previous.1, byte)
        }
        return false
    }
}

struct PlaceholderReader {
    let scalars: [Unicode.Scalar]
    var position = 0

    init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    func at(_ index: Int) -> Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    func error(_ message: String, at offset: Int) -> TemplateError {
        TemplateError(.parsingError, message, offset: offset)
    }

    mutating func segments() throws(TemplateError) -> [TemplateSegment] {
        var segments: [TemplateSegment] = []
        var literal = String.UnicodeScalarView()
        while position < scalars.count {
            let scalar = scalars[position]
            if scalar == "\\" {
                // Before `{{`, `\\` is one backslash and a lone `\` makes the braces literal: `\{{` is text,
                // `\\{{x}}` a backslash and then a placeholder. Backslashes anywhere else are plain text.
                var run = 1
                while at(position + run) == "\\" { run += 1 }
                let beforeBraces = at(position + run) == "{" && at(position + run + 1) == "{"
                literal.append(contentsOf: repeatElement("\\", count: beforeBraces ? run / 2 : run))
                position += run
                if beforeBraces, run % 2 == 1 {
                    literal.append(contentsOf: ["{", "{"])
                    position += 2
                }
            } else if scalar == "{", at(position + 1) == "{" {
                if !literal.isEmpty {
                    segments.append(.text(String(literal)))
                    literal = String.UnicodeScalarView()
                }
                segments.append(.placeholder(try placeholder()))
            } else {
                literal.append(scalar)
                position += 1
            }
        }
        if !literal.isEmpty { segments.append(.text(String(literal))) }
        return segments
    }

    mutating func skipSpaces() {
        while let scalar = at(position), scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
            position += 1
        }
    }

    static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "_", ".": return true
        default: return false
        }
    }

    mutating func placeholder() throws(TemplateError) -> Placeholder {
        let start = position
        position += 2
        guard let close = closingBraces(from: position) else {
            throw error("`{{` is not closed by `}}`; write `\\{{` for a literal `{{`", at: start)
        }
        skipSpaces()
        var isArray = false
        if at(position) == "[" {
            isArray = true
            position += 1
            skipSpaces()
        }
        let nameStart = position
        while let scalar = at(position), PlaceholderReader.isNameScalar(scalar) { position += 1 }
        let rawName = String(String.UnicodeScalarView(scalars[nameStart..<position]))
        if rawName.isEmpty {
            throw error(position == close ? "empty placeholder `{{}}`" : "expected a generator name", at: start)
        }
        skipSpaces()
        if isArray {
            guard at(position) == "]" else { throw error("expected `]` after the array generator name", at: position) }
            position += 1
            skipSpaces()
        }
        if rawName.lowercased() == "ref", !isArray, at(position) == ":" {
            let target = String(String.UnicodeScalarView(scalars[(position + 1)..<close])).trimmingWhitespace()
            guard target.hasPrefix("/") else {
                throw error("`{{ref:…}}` takes a JSON pointer to another field, like `{{ref:/user/email}}`", at: start)
            }
            position = close + 2
            return Placeholder(
                rawName: rawName, name: "ref", isArray: false, arguments: [("pointer", .quoted(target))], offset: start)
        }
        var arguments: [(key: String, value: Placeholder.Argument)] = []
        if at(position) == ":" {
            position += 1
            arguments = try argumentList(until: close)
        }
        skipSpaces()
        guard position == close else {
            throw error("unexpected `\(scalars[position])` in placeholder `\(rawName)`", at: position)
        }
        position = close + 2
        return Placeholder(
            rawName: rawName, name: rawName.lowercased(), isArray: isArray, arguments: arguments, offset: start)
    }

    /// The index of the `}}` that closes a placeholder, skipping quoted text.
    func closingBraces(from start: Int) -> Int? {
        var index = start
        var quote: Unicode.Scalar? = nil
        while index < scalars.count {
            let scalar = scalars[index]
            if let open = quote {
                if scalar == "\\" {
                    index += 1
                } else if scalar == open {
                    quote = nil
                }
            } else if scalar == "'" || scalar == "\"" {
                quote = scalar
            } else if scalar == "}", at(index + 1) == "}" {
                return index
            }
            index += 1
        }
        return nil
    }

    mutating func argumentList(until close: Int) throws(TemplateError) -> [(key: String, value: Placeholder.Argument)] {
        var arguments: [(key: String, value: Placeholder.Argument)] = []
        while true {
            skipSpaces()
            let keyStart = position
            while let scalar = at(position), position < close, PlaceholderReader.isNameScalar(scalar) { position += 1 }
            let key = String(String.UnicodeScalarView(scalars[keyStart..<position])).lowercased()
            if key.isEmpty { throw error("expected a parameter name", at: position) }
            skipSpaces()
            guard at(position) == "=", position < close else {
                throw error("expected `=` after parameter `\(key)`", at: position)
            }
            position += 1
            if arguments.contains(where: { $0.key == key }) {
                throw TemplateError(.invalidParameter, "parameter `\(key)` is given twice", offset: keyStart)
            }
            arguments.append((key, try argument(until: close, inList: false)))
            skipSpaces()
            if position >= close { return arguments }
            guard at(position) == "," else { throw error("expected `,` between parameters", at: position) }
            position += 1
        }
    }

    mutating func argument(until close: Int, inList: Bool) throws(TemplateError) -> Placeholder.Argument {
        skipSpaces()
        guard position < close, let first = at(position) else { return .bare("") }
        if first == "'" || first == "\"" {
            return .quoted(try quoted(first))
        }
        if first == "[" {
            let open = position
            position += 1
            var items: [Placeholder.Argument] = []
            skipSpaces()
            if at(position) == "]" {
                position += 1
                return .list(items)
            }
            while true {
                items.append(try argument(until: close, inList: true))
                skipSpaces()
                guard position < close, let next = at(position) else {
                    throw error("list is not closed by `]`", at: open)
                }
                position += 1
                if next == "]" { return .list(items) }
                guard next == "," else { throw error("expected `,` or `]` in a list", at: position - 1) }
                // A trailing comma, as Python allows: `['a', 'b',]`.
                skipSpaces()
                if position < close, at(position) == "]" {
                    position += 1
                    return .list(items)
                }
            }
        }
        let start = position
        while position < close, let scalar = at(position), scalar != ",", !(inList && scalar == "]") {
            position += 1
        }
        var text = String(String.UnicodeScalarView(scalars[start..<position]))
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return .bare(text)
    }

    mutating func quoted(_ quote: Unicode.Scalar) throws(TemplateError) -> String {
        let start = position
        position += 1
        var text = String.UnicodeScalarView()
        while let scalar = at(position) {
            position += 1
            if scalar == "\\", let next = at(position) {
                text.append(next)
                position += 1
            } else if scalar == quote {
                return String(text)
            } else {
                text.append(scalar)
            }
        }
        throw error("quoted value is not closed", at: start)
    }
}
