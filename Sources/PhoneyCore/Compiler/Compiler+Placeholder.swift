extension Compiler {
    /// A placeholder compiled to a generator slot, with the options the compiler itself reads.
    struct Resolved {
        var generator: UInt32
        var compiled: CompiledGenerator
        var unique: UInt32
        var nullRate: Double
        var minCount: UInt32
        var maxCount: UInt32
    }

    static let reserved: Set<String> = ["unique", "null_rate"]
    static let maxArrayCount: UInt32 = 1_000

    /// A string that is exactly one placeholder: the value takes the generator's own JSON type.
    mutating func compileLone(_ placeholder: Placeholder, pointer: String, path: String, mode: Mode) {
        if placeholder.name == "ref" {
            compileReference(placeholder, pointer: pointer, mode: mode, lone: true)
            return
        }
        guard let resolved = resolve(placeholder, pointer: pointer, path: path) else { return }
        let nullable = resolved.nullRate > 0
        let captureSlot = nullable ? nil : referenced[pointer]
        var at = 0
        if nullable {
            flush()
            at = ops.count
            let threshold =
                resolved.nullRate >= 1 ? UInt64.max : UInt64(resolved.nullRate * 18_446_744_073_709_551_616.0)
            ops.append(.maybeNull(threshold: threshold, skip: 0))
        }
        let isString = resolved.compiled.type == .string
        let quoted = mode == .json && isString && !placeholder.isArray
        if quoted { literal([UInt8(ascii: "\"")]) }
        if let captureSlot {
            captured[pointer] = (captureSlot, placeholder.isArray ? .array : resolved.compiled.type)
            emit(.markCapture)
        }
        if placeholder.isArray {
            emitArray(resolved, isString: isString)
        } else {
            emit(
                .value(
                    generator: resolved.generator, escape: quoted && !resolved.compiled.jsonSafe,
                    unique: resolved.unique))
            if resolved.compiled.writesMuch { emit(.checkpoint) }
        }
        if let captureSlot { emit(.capture(slot: captureSlot)) }
        if quoted { literal([UInt8(ascii: "\"")]) }
        if nullable {
            flush()
            ops[at] = .maybeNull(threshold: ops[at].threshold, skip: UInt32(ops.count - at - 1))
        }
    }

    mutating func emitArray(_ resolved: Resolved, isString: Bool) {
        let shape = ArrayShape(
            generator: resolved.generator, minCount: resolved.minCount, maxCount: resolved.maxCount,
            quoted: isString, escape: isString && !resolved.compiled.jsonSafe, unique: resolved.unique)
        arrays.append(shape)
        emit(.array(UInt32(arrays.count - 1)))
        estimatedBytes += Int(resolved.maxCount) * 20
    }

    /// A placeholder inside text: its value is written as text.
    mutating func compileInText(_ placeholder: Placeholder, pointer: String, path: String, mode: Mode) {
        if placeholder.name == "ref" {
            compileReference(placeholder, pointer: pointer, mode: mode, lone: false)
            return
        }
        if placeholder.isArray {
            errors.append(
                TemplateError(
                    .invalidArrayCount,
                    "array placeholder `{{[\(placeholder.rawName)]}}` cannot stand inside text: an array is a "
                        + "whole JSON value; make it the field's only content",
                    pointer: pointer, offset: placeholder.offset, generator: placeholder.name))
            return
        }
        if placeholder.arguments.contains(where: { $0.key == "null_rate" }) {
            errors.append(
                TemplateError(
                    .invalidParameter,
                    "`null_rate` makes a whole field null; use it on a field that is exactly one placeholder",
                    pointer: pointer, offset: placeholder.offset, generator: placeholder.name))
            return
        }
        guard let resolved = resolve(placeholder, pointer: pointer, path: path) else { return }
        let type = resolved.compiled.type
        let escape = mode == .json && (!resolved.compiled.jsonSafe || type == .object || type == .array)
        emit(.value(generator: resolved.generator, escape: escape, unique: resolved.unique))
        if resolved.compiled.writesMuch { emit(.checkpoint) }
    }

    /// Finds, argues and compiles the generator of `placeholder`; records an error and returns nil when it can't.
    mutating func resolve(_ placeholder: Placeholder, pointer: String, path: String) -> Resolved? {
        func fail(_ error: TemplateError) -> Resolved? {
            var located = error
            located.pointer = pointer
            located.offset = located.offset ?? placeholder.offset
            located.generator = located.generator ?? placeholder.name
            errors.append(located)
            return nil
        }
        // Names and aliases win over Faker's unsupported generators: `zip` is the alias of `zipcode`, not a zip file.
        guard let spec = Catalog.lookup(placeholder.name) else {
            let bareName = String(placeholder.name.split(separator: ".").last ?? "")
            if Catalog.unsupported.contains(bareName) {
                return fail(
                    TemplateError(
                        .unsupportedGenerator,
                        "`\(placeholder.rawName)` makes files, binary data or Python objects, not JSON data; "
                            + "it is not supported"))
            }
            return fail(
                TemplateError(
                    .generatorNotFound, "unknown generator `\(placeholder.rawName)`",
                    suggestions: Catalog.suggestions(for: placeholder.name)))
        }
        var passed: [(key: String, value: Placeholder.Argument)] = []
        var unique = options.uniqueAll
        var nullRate = 0.0
        var minCount: UInt32 = 1
        var maxCount: UInt32 = 1
        for argument in placeholder.arguments {
            switch argument.key {
            // A generator with a `unique` of its own (Faker's `random_elements`) reads it; elsewhere it is Phoney's.
            case "unique" where !spec.parameters.contains { $0.name == "unique" }:
                switch argument.value.text?.lowercased() {
                case "true", "1", "yes": unique = true
                case "false", "0", "no": unique = options.uniqueAll
                default:
                    return fail(TemplateError(.invalidParameter, "`unique` must be true or false"))
                }
            case "null_rate":
                guard let text = argument.value.text, let rate = Double(text), rate >= 0, rate <= 1 else {
                    return fail(TemplateError(.invalidParameter, "`null_rate` must be a number from 0 to 1"))
                }
                nullRate = rate
            case "count" where placeholder.isArray:
                guard let text = argument.value.text, let range = Compiler.countRange(text),
                    range.upperBound <= Compiler.maxArrayCount
                else {
                    return fail(
                        TemplateError(
                            .invalidArrayCount,
                            "array `count` must be a whole number or a range like `2..5`, from 0 to "
                                + "\(Compiler.maxArrayCount); got `\(argument.value.text ?? "a list")`"))
                }
                // A fixed count of 0 asks for an array that can only be empty, which the original refuses; a range
                // that includes 0 (`0..3`) is a choice and stays valid.
                if range.upperBound == 0, !text.contains("..") {
                    return fail(
                        TemplateError(
                            .invalidArrayCount,
                            "array `count` must be at least 1 (or a range such as `0..3`); got `0`"))
                }
                (minCount, maxCount) = (range.lowerBound, range.upperBound)
            default:
                passed.append(argument)
            }
        }
        var arguments = Arguments(generator: spec.name, values: passed, now: options.now)
        let compiled: CompiledGenerator
        do {
            compiled = try spec.compile(&arguments, locale)
        } catch let error as TemplateError {
            return fail(error)
        } catch {
            return fail(TemplateError(.parameterError, "`\(spec.name)`: \(error)"))
        }
        if let extra = arguments.unused.first {
            var names = spec.parameters.map(\.name)
            if !placeholder.isArray { names.append("unique") }
            let near = names.filter { EditDistance.between($0, extra) <= max(2, extra.count / 3) }
            let hint =
                extra == "count" && !placeholder.isArray
                ? "; for several values write `{{[\(placeholder.rawName)]:count=N}}`" : ""
            let accepted = spec.parameters.isEmpty ? "it takes none" : "it takes " + names.joined(separator: ", ")
            return fail(
                TemplateError(
                    .invalidParameter, "`\(spec.name)` has no parameter `\(extra)` (\(accepted))\(hint)",
                    suggestions: near))
        }
        generators.append(compiled)
        estimatedBytes += 20
        var slot = Op.notUnique
        if unique {
            guard compiled.emitIndexed != nil else {
                return fail(
                    TemplateError(
                        .parameterError,
                        "`\(spec.name)` cannot guarantee unique values (its values are not enumerable); "
                            + "drop `unique` for this field"))
            }
            uniqueDomains.append(compiled.uniqueDomain)
            uniqueStrides.append(UInt64(max(maxCount, 1)))
            uniqueFields.append((path, pointer, spec.name))
            slot = UInt32(uniqueDomains.count - 1)
        }
        return Resolved(
            generator: UInt32(generators.count - 1), compiled: compiled, unique: slot, nullRate: nullRate,
            minCount: minCount, maxCount: maxCount)
    }

    /// `5`, `2..5` or `2-5`.
    static func countRange(_ text: String) -> ClosedRange<UInt32>? {
        let trimmed = text.trimmingWhitespace()
        if let single = UInt32(trimmed) { return single...single }
        for separator in ["..", "-"] {
            let parts = trimmed.split(separator: separator, omittingEmptySubsequences: false)
            if parts.count == 2, let low = UInt32(parts[0].trimmingWhitespace()),
                let high = UInt32(parts[1].trimmingWhitespace()), low <= high
            {
                return low...high
            }
        }
        return nil
    }
}

extension Op {
    var threshold: UInt64 {
        if case .maybeNull(let threshold, _) = self { return threshold }
        return 0
    }
}
