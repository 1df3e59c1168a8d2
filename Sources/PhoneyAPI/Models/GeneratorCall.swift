import HTTPTypes
import NIOCore
import PhoneyCore

/// The body of `POST /api/v1/generate`: `{provider, generator, locale, seed, unique, count 1..100,
/// params: {args, kwargs}}`. Unknown members are ignored, as the original did.
package struct GeneratorCall: Sendable {
    package var provider: String
    package var generator: String
    package var locale: String?
    package var seed: UInt64
    package var seedText: String
    package var unique: Bool
    package var count: Int
    package var args: [JSONValue]
    package var kwargs: [(key: String, value: JSONValue)]

    /// - Throws: `APIError` 422 in FastAPI's shape for every bad member.
    package init(body: ByteBuffer, limits: TemplateLimits) throws(APIError) {
        var fields = try RequestFields(body: body, limits: limits, allowed: nil)
        provider = fields.string("provider", nullable: false) ?? ""
        if fields["provider"] == nil { fields.issue("missing", "provider", "Field required") }
        generator = fields.string("generator", nullable: false) ?? ""
        if fields["generator"] == nil { fields.issue("missing", "generator", "Field required") }
        locale = fields.string("locale", nullable: true)
        (seed, seedText) = BulkRequest.seed(&fields)
        unique = fields.boolean("unique", default: false)
        count = fields.integer("count", in: 1...APIConfig.fakeMaxCount) ?? 1
        args = []
        kwargs = []
        if let params = fields["params"], params != .null {
            if case .object(let members) = params {
                for member in members {
                    switch (member.key, member.value) {
                    case ("args", .array(let items)): args = items
                    case ("kwargs", .object(let pairs)): kwargs = pairs
                    case ("args", .null), ("kwargs", .null): break
                    case ("args", let value):
                        fields.issue("list_type", "params", "params.args should be a valid list", input: value)
                    case ("kwargs", let value):
                        fields.issue("dict_type", "params", "params.kwargs should be a valid dictionary", input: value)
                    default: break
                    }
                }
            } else {
                fields.issue("dict_type", "params", "Input should be a valid dictionary", input: params)
            }
        }
        try fields.check()
    }

    /// The call's arguments in placeholder syntax (`min=1,max=5`), positional ones named after the generator's
    /// parameters in order.
    ///
    /// - Throws: `APIError` 422 for too many positional arguments, a bad name, or an object value.
    package func placeholderArguments(for spec: GeneratorSpec) throws(APIError) -> String {
        guard args.count <= spec.parameters.count else {
            throw APIError(
                .unprocessableContent,
                "Invalid parameters for generator '\(spec.name)': it takes at most \(spec.parameters.count) "
                    + "positional arguments (\(args.count) given)")
        }
        var pairs = zip(spec.parameters, args).map { (key: $0.name, value: $1) }
        for pair in kwargs {
            if pairs.contains(where: { $0.key == pair.key }) {
                throw APIError(
                    .unprocessableContent,
                    "Invalid parameters for generator '\(spec.name)': `\(pair.key)` is given twice")
            }
            pairs.append(pair)
        }
        var parts: [String] = []
        for pair in pairs {
            guard !pair.key.isEmpty,
                pair.key.unicodeScalars.allSatisfy({
                    $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_"
                })
            else {
                throw APIError(
                    .unprocessableContent, "Invalid parameters for generator '\(spec.name)': bad name `\(pair.key)`")
            }
            guard let text = Self.argumentText(pair.value) else {
                throw APIError(
                    .unprocessableContent,
                    "Invalid parameters for generator '\(spec.name)': `\(pair.key)` must be a string, number, "
                        + "boolean, null or a list of those")
            }
            parts.append("\(pair.key)=\(text)")
        }
        return parts.joined(separator: ",")
    }

    /// A JSON value written as a placeholder argument; nil for objects.
    static func argumentText(_ value: JSONValue) -> String? {
        switch value {
        case .null: return "none"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let text): return text
        case .string(let text):
            return "\"" + text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
        case .array(let items):
            var texts: [String] = []
            for item in items {
                guard let text = argumentText(item) else { return nil }
                texts.append(text)
            }
            return "[" + texts.joined(separator: ",") + "]"
        case .object: return nil
        }
    }
}
