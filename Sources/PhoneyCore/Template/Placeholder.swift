/// One `{{…}}` inside a template string.
public struct Placeholder: Sendable, Equatable {
    /// A keyword argument's value, as written; the generator decides how to read it.
    public indirect enum Argument: Sendable, Equatable {
        /// Unquoted text (`5`, `-2.5`, `today`, `2..5`, `true`).
        case bare(String)
        /// Text in single or double quotes, unescaped.
        case quoted(String)
        /// `[a, "b, c", 3]`.
        case list([Argument])

        /// The text of a scalar argument.
        public var text: String? {
            switch self {
            case .bare(let text), .quoted(let text): return text
            case .list: return nil
            }
        }
    }

    /// The generator name as written, trimmed (`Person.First_Name`).
    public var rawName: String
    /// The generator name folded to lower case (`person.first_name`).
    public var name: String
    /// `{{[gen]:count=N}}`: a JSON array of values.
    public var isArray: Bool
    /// Keyword arguments in source order.
    public var arguments: [(key: String, value: Argument)]
    /// Offset of the opening `{{` inside the string, in Unicode scalars.
    public var offset: Int

    public static func == (lhs: Placeholder, rhs: Placeholder) -> Bool {
        lhs.name == rhs.name && lhs.isArray == rhs.isArray && lhs.offset == rhs.offset
            && lhs.arguments.count == rhs.arguments.count
            && zip(lhs.arguments, rhs.arguments).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

/// A template string split into literal text and placeholders.
public enum TemplateSegment: Sendable, Equatable {
    case text(String)
    case placeholder(Placeholder)
}
