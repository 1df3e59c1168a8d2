/// One placeholder found in a template, in the original Phoney's `TemplateField` shape.
public struct DetectedField: Sendable, Equatable {
    public var generator: String
    public var parameters: [(key: String, value: Placeholder.Argument)]
    public var arrayCount: String?
    /// Dotted path of the field (`address.city`).
    public var nestedPath: String
    public var pointer: String

    init(_ placeholder: Placeholder, path: String, pointer: String) {
        generator = placeholder.name
        parameters = placeholder.arguments.filter { !(placeholder.isArray && $0.key == "count") }
        arrayCount =
            placeholder.isArray ? (placeholder.arguments.first { $0.key == "count" }?.value.text ?? "1") : nil
        nestedPath = path
        self.pointer = pointer
    }

    public static func == (lhs: DetectedField, rhs: DetectedField) -> Bool {
        lhs.generator == rhs.generator && lhs.nestedPath == rhs.nestedPath && lhs.pointer == rhs.pointer
            && lhs.arrayCount == rhs.arrayCount
    }
}

/// The result of validating a template statically (no generator is called).
public struct ValidationReport: Sendable {
    public var valid: Bool
    public var errors: [TemplateError]
    public var warnings: [String]
    public var detectedFields: [DetectedField]
    /// Estimated bytes of one record (JSON), when the template compiles.
    public var estimatedSize: Int?

    /// Validates a template given as JSON text.
    public static func validate(json template: String, options: CompileOptions = CompileOptions()) -> ValidationReport {
        do {
            return validate(try JSONValue.parse(template, limits: options.limits), options: options)
        } catch {
            return ValidationReport(valid: false, errors: [error], warnings: [], detectedFields: [], estimatedSize: nil)
        }
    }

    /// Validates a parsed template.
    public static func validate(_ template: JSONValue, options: CompileOptions = CompileOptions()) -> ValidationReport {
        let (plan, compiler) = Compiler.run(template, options: options)
        return ValidationReport(
            valid: plan != nil, errors: compiler.errors, warnings: compiler.warnings,
            detectedFields: compiler.detected, estimatedSize: plan?.estimatedRecordBytes)
    }

    /// The Phoney-shaped document: `{valid, errors, warnings, detected_fields, estimated_size}`.
    public var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("valid", .bool(valid)),
            ("errors", .array(errors.map(\.json))),
            ("warnings", .array(warnings.map { .string($0) })),
            ("detected_fields", .array(detectedFields.map(\.json))),
        ]
        members.append(("estimated_size", estimatedSize.map { .number(String($0)) } ?? .null))
        return .object(members)
    }
}

extension TemplateError {
    /// `{field, generator, message, suggestions, error_type, pointer, offset}`.
    public var json: JSONValue {
        .object([
            ("field", .string(field.isEmpty ? "template" : field)),
            ("generator", .string(generator ?? "none")),
            ("message", .string(message)),
            ("suggestions", .array(suggestions.map { .string($0) })),
            ("error_type", .string(kind.description)),
            ("pointer", .string(pointer)),
            ("offset", offset.map { .number(String($0)) } ?? .null),
        ])
    }
}

extension Placeholder.Argument {
    /// The argument as JSON: numbers and booleans typed, lists as arrays.
    public var json: JSONValue {
        switch self {
        case .quoted(let text): return .string(text)
        case .list(let items): return .array(items.map(\.json))
        case .bare(let text):
            switch text.lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "none", "null": return .null
            default:
                if Int64(text) != nil || (Double(text) != nil && text.contains(".")) {
                    if (try? JSONValue.parse(text)) != nil { return .number(text) }
                }
                return .string(text)
            }
        }
    }
}

extension DetectedField {
    public var json: JSONValue {
        .object([
            ("generator", .string(generator)),
            ("parameters", parameters.isEmpty ? .null : .object(parameters.map { ($0.key, $0.value.json) })),
            ("array_count", arrayCount.map { Int($0) != nil ? .number($0) : .string($0) } ?? .null),
            ("nested_path", .string(nestedPath)),
            ("pointer", .string(pointer)),
        ])
    }
}
