extension Compiler {
    /// Finds every `{{ref:/pointer}}` first, so the fields they name capture their values as they are written.
    mutating func collectReferences(_ value: JSONValue) {
        switch value {
        case .object(let members): for member in members { collectReferences(member.value) }
        case .array(let items): for item in items { collectReferences(item) }
        case .string(let text):
            guard TemplateSegment.mayHoldReference(text), let segments = try? TemplateSegment.parse(text) else {
                return
            }
            for case .placeholder(let placeholder) in segments where placeholder.name == "ref" {
                if let target = placeholder.arguments.first?.value.text, referenced[target] == nil {
                    referenced[target] = UInt32(referenced.count)
                }
            }
        default: break
        }
    }

    /// Writes the value of the field a `{{ref:…}}` names, as it was written earlier in the same record.
    mutating func compileReference(_ placeholder: Placeholder, pointer: String, mode: Mode, lone: Bool) {
        let target = placeholder.arguments.first?.value.text ?? ""
        guard let (slot, type) = captured[target] else {
            errors.append(
                TemplateError(
                    .parameterError,
                    "`{{ref:\(target)}}` must name a field earlier in the template whose value is exactly one "
                        + "placeholder (without null_rate)",
                    pointer: pointer, offset: placeholder.offset, generator: "ref"))
            return
        }
        if lone {
            let quoted = mode == .json && type == .string
            if quoted { literal([UInt8(ascii: "\"")]) }
            emit(.reference(slot: slot, escape: false))
            if quoted { literal([UInt8(ascii: "\"")]) }
        } else {
            emit(.reference(slot: slot, escape: mode == .json && (type == .object || type == .array)))
        }
    }
}
