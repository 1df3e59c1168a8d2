/// A template that cannot be compiled: what is wrong, and where.
///
/// `kind` is the original Phoney's `error_type`; `pointer` is the JSON pointer of the field (`/user/email`), and
/// `offset` the character offset of the placeholder inside that string, when the problem is inside one.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The Phoney `error_type` of an error.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private enum Code: String, Sendable {
            case generatorNotFound = "generator_not_found"
            case invalidParameter = "invalid_parameter"
            case parameterError = "parameter_error"
            case invalidArrayCount = "invalid_array_count"
            case noPlaceholders = "no_placeholders"
            case parsingError = "parsing_error"
            case uniqueDomainTooSmall = "unique_domain_too_small"
            case unsupportedLocale = "unsupported_locale"
            case limitExceeded = "limit_exceeded"
            case unsupportedGenerator = "unsupported_generator"
        }
        private let code: Code

        public static let generatorNotFound = Kind(code: .generatorNotFound)
        public static let invalidParameter = Kind(code: .invalidParameter)
        public static let parameterError = Kind(code: .parameterError)
        public static let invalidArrayCount = Kind(code: .invalidArrayCount)
        public static let noPlaceholders = Kind(code: .noPlaceholders)
        public static let parsingError = Kind(code: .parsingError)
        public static let uniqueDomainTooSmall = Kind(code: .uniqueDomainTooSmall)
        public static let unsupportedLocale = Kind(code: .unsupportedLocale)
        public static let limitExceeded = Kind(code: .limitExceeded)
        public static let unsupportedGenerator = Kind(code: .unsupportedGenerator)

        /// The `error_type` string.
        public var description: String { code.rawValue }
    }

    public var kind: Kind
    /// JSON pointer of the field (RFC 6901); `""` is the whole template.
    public var pointer: String
    /// Character offset of the placeholder inside the string value, when the error is inside one.
    public var offset: Int?
    /// The generator concerned, when there is one.
    public var generator: String?
    public var message: String
    public var suggestions: [String]

    public init(
        _ kind: Kind,
        _ message: String,
        pointer: String = "",
        offset: Int? = nil,
        generator: String? = nil,
        suggestions: [String] = []
    ) {
        self.kind = kind
        self.message = message
        self.pointer = pointer
        self.offset = offset
        self.generator = generator
        self.suggestions = suggestions
    }

    /// The field in Phoney's dotted form (`user.email`), as the original's `field` key.
    public var field: String {
        if pointer.isEmpty { return "" }
        return pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.replacing("~1", with: "/").replacing("~0", with: "~") }
            .joined(separator: ".")
    }

    public var description: String {
        var text = pointer.isEmpty ? "template" : pointer
        if let offset { text += " (offset \(offset))" }
        text += ": \(message) [\(kind)]"
        if !suggestions.isEmpty {
            text += " did you mean " + suggestions.map { "`\($0)`" }.joined(separator: ", ") + "?"
        }
        return text
    }
}
