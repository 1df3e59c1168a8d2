extension AWSXMLElement {
    /// Why a document could not be read, and where.
    package struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        package var message: String
        /// Offset of the byte where reading stopped.
        package var offset: Int

        package var description: String { "\(message) (at byte \(offset))" }
    }

    /// Deepest nesting accepted; S3's documents are three or four levels deep.
    package static let maxDepth = 32
    /// Most elements accepted; a page of 1,000 listed objects has about 8,000.
    package static let maxElements = 200_000

    /// Reads a document: an optional declaration, comments and processing instructions, and one root element.
    ///
    /// Enough XML for AWS's answers and no more: the five predefined entities and character references are decoded,
    /// CDATA sections are text, attributes are checked for form and dropped. A document type declaration is refused
    /// (AWS never sends one, and refusing it rules out entity expansion), as is text that is not UTF-8.
    ///
    /// - Parameter bytes: The document.
    /// - Returns: The root element.
    /// - Throws: `ParseError` with the offset of the offending byte.
    /// - Complexity: O(*n*) in the length of the document.
    package static func parse(_ bytes: some Collection<UInt8>) throws(ParseError) -> AWSXMLElement {
        var reader = XMLReader(bytes: Array(bytes))
        return try reader.document()
    }
}

/// A cursor over the bytes of one document. Elements are built with an explicit stack, so nesting costs no recursion.
private struct XMLReader {
    private struct Open {
        var rawName: ArraySlice<UInt8>
        var element: AWSXMLElement
        var text: [UInt8] = []
    }

    let bytes: [UInt8]
    private var index = 0
    private var elementCount = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func document() throws(AWSXMLElement.ParseError) -> AWSXMLElement {
        if starts(with: [0xEF, 0xBB, 0xBF]) { index += 3 }
        try skipMisc()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "<") else {
            throw failure("expected the root element")
        }
        let root = try rootElement()
        try skipMisc()
        guard index == bytes.count else { throw failure("content after the root element") }
        return root
    }

    /// Reads from the `<` of the root's start tag to the end of its end tag.
    private mutating func rootElement() throws(AWSXMLElement.ParseError) -> AWSXMLElement {
        var open: [Open] = []
        var atStartTag = true
        while true {
            if atStartTag {
                atStartTag = false
                let (rawName, selfClosing) = try startTag()
                elementCount += 1
                guard elementCount <= AWSXMLElement.maxElements else {
                    throw failure("more than \(AWSXMLElement.maxElements) elements")
                }
                let element = AWSXMLElement(name: try Self.localName(rawName, at: index))
                if !selfClosing {
                    guard open.count < AWSXMLElement.maxDepth else {
                        throw failure("elements nested more than \(AWSXMLElement.maxDepth) deep")
                    }
                    open.append(Open(rawName: rawName, element: element))
                } else if open.isEmpty {
                    return element
                } else {
                    open[open.count - 1].element.children.append(element)
                }
                continue
            }
            guard index < bytes.count, let top = open.last else {
                throw failure("the document ends inside <\(open.last?.element.name ?? "")>")
            }
            switch bytes[index] {
            case UInt8(ascii: "<"):
                if starts(with: "</") {
                    index += 2
                    let name = readName()
                    skipSpace()
                    try expect(">")
                    guard name == top.rawName else {
                        throw failure(
                            "</\(String(decoding: name, as: UTF8.self))> closes <\(String(decoding: top.rawName, as: UTF8.self))>"
                        )
                    }
                    open.removeLast()
                    var element = top.element
                    element.text = try decodedText(top.text)
                    if open.isEmpty { return element }
                    open[open.count - 1].element.children.append(element)
                } else if starts(with: "<!--") {
                    try skip(past: "-->", from: 4, what: "comment")
                } else if starts(with: "<![CDATA[") {
                    index += 9
                    let start = index
                    try skip(past: "]]>", from: 0, what: "CDATA section")
                    open[open.count - 1].text += bytes[start..<(index - 3)]
                } else if starts(with: "<?") {
                    try skip(past: "?>", from: 2, what: "processing instruction")
                } else if starts(with: "<!") {
                    throw failure("markup declarations are not accepted inside elements")
                } else {
                    atStartTag = true
                }
            case UInt8(ascii: "&"):
                try entity(into: &open[open.count - 1].text)
            default:
                let start = index
                while index < bytes.count && bytes[index] != UInt8(ascii: "<") && bytes[index] != UInt8(ascii: "&") {
                    index += 1
                }
                open[open.count - 1].text += bytes[start..<index]
            }
        }
    }

    /// Reads `<name attr="value" …>` or `<name …/>` from its `<`.
    private mutating func startTag() throws(AWSXMLElement.ParseError) -> (ArraySlice<UInt8>, Bool) {
        index += 1
        let name = readName()
        guard !name.isEmpty else { throw failure("an element has no name") }
        while true {
            let spaced = skipSpace()
            guard index < bytes.count else { throw failure("the document ends inside a start tag") }
            if bytes[index] == UInt8(ascii: ">") {
                index += 1
                return (name, false)
            }
            if starts(with: "/>") {
                index += 2
                return (name, true)
            }
            guard spaced, !readName().isEmpty else { throw failure("malformed attribute") }
            skipSpace()
            try expect("=")
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
                throw failure("an attribute value is not quoted")
            }
            let quote = bytes[index]
            index += 1
            while index < bytes.count && bytes[index] != quote {
                guard bytes[index] != UInt8(ascii: "<") else { throw failure("'<' in an attribute value") }
                index += 1
            }
            try expect(quote == UInt8(ascii: "\"") ? "\"" : "'")
        }
    }

    /// Reads `&name;`, `&#NN;` or `&#xHH;` and appends the character's UTF-8 bytes.
    private mutating func entity(into text: inout [UInt8]) throws(AWSXMLElement.ParseError) {
        let start = index
        index += 1
        while index < bytes.count && bytes[index] != UInt8(ascii: ";") && index - start <= 12 { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ";") else {
            index = start
            throw failure("'&' does not start an entity")
        }
        let reference = String(decoding: bytes[(start + 1)..<index], as: UTF8.self)
        index += 1
        switch reference {
        case "amp": text.append(UInt8(ascii: "&"))
        case "lt": text.append(UInt8(ascii: "<"))
        case "gt": text.append(UInt8(ascii: ">"))
        case "quot": text.append(UInt8(ascii: "\""))
        case "apos": text.append(UInt8(ascii: "'"))
        default:
            var value: UInt32?
            if reference.hasPrefix("#x") {
                value = UInt32(reference.dropFirst(2), radix: 16)
            } else if reference.hasPrefix("#") {
                value = UInt32(reference.dropFirst(), radix: 10)
            }
            guard let value, value != 0, let scalar = Unicode.Scalar(value) else {
                index = start
                throw failure("unknown entity &\(reference);")
            }
            text += Array(String(Character(scalar)).utf8)
        }
    }

    /// Skips whitespace, comments and processing instructions outside the root element.
    private mutating func skipMisc() throws(AWSXMLElement.ParseError) {
        while true {
            skipSpace()
            if starts(with: "<?") {
                try skip(past: "?>", from: 2, what: "processing instruction")
            } else if starts(with: "<!--") {
                try skip(past: "-->", from: 4, what: "comment")
            } else if starts(with: "<!") {
                throw failure("a document type declaration is not accepted")
            } else {
                return
            }
        }
    }

    /// Moves past the next `terminator`, looking from `offset` bytes ahead.
    private mutating func skip(
        past terminator: String, from offset: Int, what: String
    ) throws(AWSXMLElement.ParseError) {
        let start = index
        index += offset
        while index < bytes.count {
            if starts(with: terminator) {
                index += terminator.utf8.count
                return
            }
            index += 1
        }
        index = start
        throw failure("unterminated \(what)")
    }

    /// A name: every byte up to whitespace, `/`, `>`, `=` or a character that cannot be in one.
    private mutating func readName() -> ArraySlice<UInt8> {
        let start = index
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "/"),
                UInt8(ascii: ">"), UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: "&"), UInt8(ascii: "\""),
                UInt8(ascii: "'"):
                return bytes[start..<index]
            default:
                index += 1
            }
        }
        return bytes[start..<index]
    }

    @discardableResult
    private mutating func skipSpace() -> Bool {
        let start = index
        while index < bytes.count,
            bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t")
                || bytes[index] == UInt8(ascii: "\n")
                || bytes[index] == UInt8(ascii: "\r")
        {
            index += 1
        }
        return index > start
    }

    private mutating func expect(_ text: String) throws(AWSXMLElement.ParseError) {
        guard starts(with: text) else { throw failure("expected '\(text)'") }
        index += text.utf8.count
    }

    private func starts(with text: String) -> Bool {
        starts(with: Array(text.utf8))
    }

    private func starts(with prefix: [UInt8]) -> Bool {
        bytes.count - index >= prefix.count && bytes[index..<(index + prefix.count)].elementsEqual(prefix)
    }

    private func decodedText(_ text: [UInt8]) throws(AWSXMLElement.ParseError) -> String {
        guard let string = String(validating: text, as: UTF8.self) else { throw failure("text that is not UTF-8") }
        return string
    }

    /// The name after its namespace prefix, which must be UTF-8.
    private static func localName(_ raw: ArraySlice<UInt8>, at offset: Int) throws(AWSXMLElement.ParseError) -> String {
        let local = raw.lastIndex(of: UInt8(ascii: ":")).map { raw[(raw.index(after: $0))...] } ?? raw
        guard !local.isEmpty, let name = String(validating: local, as: UTF8.self) else {
            throw AWSXMLElement.ParseError(message: "an element name is not valid", offset: offset)
        }
        return name
    }

    private func failure(_ message: String) -> AWSXMLElement.ParseError {
        AWSXMLElement.ParseError(message: message, offset: index)
    }
}
