/// Turns a template into a `Plan`: literal JSON pre-serialised and merged into byte runs, each placeholder an op
/// with its generator compiled against its arguments. Static: no generator is ever called.
package struct Compiler {
    enum Mode {
        /// Inside a JSON document.
        case json
        /// Raw text of a CSV cell.
        case csvCell
    }

    let options: CompileOptions
    let locale: LocaleData
    var ops: [Op] = []
    var literals: [UInt8] = []
    var pending: [UInt8] = []
    var generators: [CompiledGenerator] = []
    var arrays: [ArrayShape] = []
    var uniqueDomains: [UInt64] = []
    var uniqueStrides: [UInt64] = []
    var uniqueFields: [(path: String, pointer: String, generator: String)] = []
    var errors: [TemplateError] = []
    var warnings: [String] = []
    var fields: [Plan.Field] = []
    var detected: [DetectedField] = []
    /// Pointers that `{{ref:…}}` placeholders name, with their capture slot.
    var referenced: [String: UInt32] = [:]
    /// Referenced fields compiled so far: capture slot and value type.
    var captured: [String: (slot: UInt32, type: ValueType)] = [:]
    var columns: [String] = []
    var estimatedBytes = 0

    init(options: CompileOptions, locale: LocaleData) {
        self.options = options
        self.locale = locale
    }

    /// Compiles `template` (a JSON object).
    ///
    /// - Throws: `TemplateFailure` with every error found.
    package static func compile(_ template: JSONValue, options: CompileOptions) throws(TemplateFailure) -> Plan {
        let (plan, compiler) = run(template, options: options)
        guard let plan else { throw TemplateFailure(errors: compiler.errors, warnings: compiler.warnings) }
        return plan
    }

    /// Compiles `template`, keeping the compiler's findings whether or not it succeeds.
    package static func run(_ template: JSONValue, options: CompileOptions) -> (Plan?, Compiler) {
        let locale: LocaleData
        do {
            locale = try LocaleData.named(options.locale)
        } catch {
            var compiler = Compiler(options: options, locale: .enUS)
            compiler.errors.append(error)
            return (nil, compiler)
        }
        var compiler = Compiler(options: options, locale: locale)
        compiler.collectReferences(template)
        guard case .object(let members) = template else {
            compiler.errors.append(
                TemplateError(.parsingError, "the template must be a JSON object, like {\"name\": \"{{name}}\"}"))
            return (nil, compiler)
        }
        switch options.format {
        case .json:
            compiler.compileJSON(template, pointer: "", path: "")
        case .ndjson:
            compiler.compileJSON(template, pointer: "", path: "")
            compiler.literal([0x0A])
        case .csv:
            var column = 0
            compiler.compileRow(members, pointer: "", path: "", column: &column)
            compiler.literal([0x0D, 0x0A])
        }
        compiler.flush()
        if compiler.fields.isEmpty && compiler.errors.isEmpty {
            compiler.errors.append(
                TemplateError(
                    .noPlaceholders,
                    "the template has no placeholders; put one in a string value, like {\"name\": \"{{name}}\"}"))
        }
        if !compiler.errors.isEmpty { return (nil, compiler) }
        let plan = Plan(
            ops: compiler.ops, literals: compiler.literals, generators: compiler.generators, arrays: compiler.arrays,
            uniqueDomains: compiler.uniqueDomains, uniqueStrides: compiler.uniqueStrides,
            uniqueFields: compiler.uniqueFields, format: options.format, fields: compiler.fields,
            columns: compiler.columns, warnings: compiler.warnings,
            estimatedRecordBytes: compiler.estimatedBytes + compiler.literals.count)
        return (plan, compiler)
    }

    mutating func literal<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
        pending.append(contentsOf: bytes)
    }

    mutating func flush() {
        guard !pending.isEmpty else { return }
        ops.append(.literal(start: UInt32(literals.count), count: UInt32(pending.count)))
        literals.append(contentsOf: pending)
        pending.removeAll(keepingCapacity: true)
    }

    mutating func emit(_ op: Op) {
        if case .value(let generator, let escape, Op.notUnique) = op, !pending.isEmpty,
            pending.count <= UInt16.max, generator <= UInt16.max
        {
            ops.append(
                .literalValue(
                    start: UInt32(literals.count), count: UInt16(pending.count), generator: UInt16(generator),
                    escape: escape))
            literals.append(contentsOf: pending)
            pending.removeAll(keepingCapacity: true)
            return
        }
        flush()
        ops.append(op)
    }

    static func pointer(_ parent: String, _ key: String) -> String {
        guard key.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else {
            return parent + "/" + key
        }
        return parent + "/" + key.replacing("~", with: "~0").replacing("/", with: "~1")
    }

    static func path(_ parent: String, _ key: String) -> String {
        parent.isEmpty ? key : parent + "." + key
    }

    mutating func compileJSON(_ value: JSONValue, pointer: String, path: String) {
        switch value {
        case .object(let members):
            literal([UInt8(ascii: "{")])
            for (index, member) in members.enumerated() {
                if index > 0 { literal([UInt8(ascii: ",")]) }
                var key: [UInt8] = []
                JSONValue.appendQuoted(member.key, to: &key)
                literal(key)
                literal([UInt8(ascii: ":")])
                compileJSON(
                    member.value, pointer: Compiler.pointer(pointer, member.key),
                    path: Compiler.path(path, member.key))
            }
            literal([UInt8(ascii: "}")])
        case .array(let items):
            literal([UInt8(ascii: "[")])
            for (index, item) in items.enumerated() {
                if index > 0 { literal([UInt8(ascii: ",")]) }
                compileJSON(item, pointer: pointer + "/\(index)", path: path + "[\(index)]")
            }
            literal([UInt8(ascii: "]")])
        case .string(let text):
            compileString(text, pointer: pointer, path: path, mode: .json)
        default:
            var bytes: [UInt8] = []
            value.serialize(into: &bytes)
            literal(bytes)
        }
    }

    /// One CSV row: nested objects flatten into dotted columns; other values are one cell each.
    mutating func compileRow(
        _ members: [(key: String, value: JSONValue)], pointer: String, path: String, column: inout Int
    ) {
        for member in members {
            let childPointer = Compiler.pointer(pointer, member.key)
            let childPath = Compiler.path(path, member.key)
            if case .object(let nested) = member.value, !nested.isEmpty {
                compileRow(nested, pointer: childPointer, path: childPath, column: &column)
                continue
            }
            if column > 0 { literal([UInt8(ascii: ",")]) }
            column += 1
            columns.append(childPath)
            emit(.cellBegin)
            switch member.value {
            case .string(let text): compileString(text, pointer: childPointer, path: childPath, mode: .csvCell)
            case .null: break
            case .number, .bool:
                var bytes: [UInt8] = []
                member.value.serialize(into: &bytes)
                literal(bytes)
            case .array, .object: compileJSON(member.value, pointer: childPointer, path: childPath)
            }
            emit(.cellEnd)
        }
    }

    mutating func compileString(_ text: String, pointer: String, path: String, mode: Mode) {
        let segments: [TemplateSegment]
        do {
            segments = try TemplateSegment.parse(text)
        } catch {
            var located = error
            located.pointer = pointer
            errors.append(located)
            return
        }
        let placeholders = segments.compactMap { segment -> Placeholder? in
            if case .placeholder(let placeholder) = segment { return placeholder }
            return nil
        }
        let plainText = segments.map { segment -> String in
            if case .text(let text) = segment { return text }
            return ""
        }.joined()
        if placeholders.isEmpty {
            writeText(plainText, mode: mode, quoted: true)
            return
        }
        fields.append(Plan.Field(path: path, pointer: pointer, generators: placeholders.map(\.name)))
        for placeholder in placeholders {
            detected.append(DetectedField(placeholder, path: path, pointer: pointer))
        }
        if placeholders.count == 1, plainText.allSatisfy({ $0 == " " }) {
            compileLone(placeholders[0], pointer: pointer, path: path, mode: mode)
            return
        }
        if mode == .json { literal([UInt8(ascii: "\"")]) }
        for segment in segments {
            switch segment {
            case .text(let text):
                writeText(text, mode: mode, quoted: false)
            case .placeholder(let placeholder):
                compileInText(placeholder, pointer: pointer, path: path, mode: mode)
            }
        }
        if mode == .json { literal([UInt8(ascii: "\"")]) }
    }

    mutating func writeText(_ text: String, mode: Mode, quoted: Bool) {
        switch mode {
        case .json:
            var bytes: [UInt8] = []
            if quoted {
                JSONValue.appendQuoted(text, to: &bytes)
            } else {
                JSONValue.appendEscaped(text.utf8, to: &bytes)
            }
            literal(bytes)
        case .csvCell:
            literal(text.utf8)
        }
    }
}
