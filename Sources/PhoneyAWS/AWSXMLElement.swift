/// An element of a small XML document, as S3 answers: its local name, the character data directly inside it, and its
/// child elements. Attributes (`xmlns`) are read past and not kept.
package struct AWSXMLElement: Sendable, Equatable {
    /// The name without its namespace prefix: `Key` for both `<Key>` and `<s3:Key>`.
    package var name: String
    /// The character data directly inside the element, entities and CDATA decoded, whitespace kept as it is.
    package var text: String
    package var children: [AWSXMLElement]

    package init(name: String, text: String = "", children: [AWSXMLElement] = []) {
        self.name = name
        self.text = text
        self.children = children
    }

    /// The first child named `name`.
    package func child(_ name: String) -> AWSXMLElement? {
        children.first { $0.name == name }
    }

    /// Every child named `name`, in document order.
    package func children(named name: String) -> [AWSXMLElement] {
        children.filter { $0.name == name }
    }

    /// The text of the first child named `name`.
    package func text(of name: String) -> String? {
        child(name)?.text
    }

    /// `text` with `&`, `<`, `>`, `"` and `'` written as entities, for building request bodies.
    package static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(character)
            }
        }
        return out
    }
}
