extension BarcodeProvider {
    /// The UPC-A body (11 digits, number system first, no check digit) that a UPC-E `base` of six digits expands
    /// to: the last base digit says where the zeros of the manufacturer and product codes go.
    static func expand(system: UInt64, base: UInt64) -> UInt64 {
        let d1 = base / 100_000
        let d2 = base / 10_000 % 10
        let d3 = base / 1_000 % 10
        let d4 = base / 100 % 10
        let d5 = base / 10 % 10
        let d6 = base % 10
        let manufacturer: UInt64
        let product: UInt64
        switch d6 {
        case 0...2:
            manufacturer = d1 * 10_000 + d2 * 1_000 + d6 * 100
            product = d3 * 100 + d4 * 10 + d5
        case 3:
            manufacturer = d1 * 10_000 + d2 * 1_000 + d3 * 100
            product = d4 * 10 + d5
        case 4:
            manufacturer = d1 * 10_000 + d2 * 1_000 + d3 * 100 + d4 * 10
            product = d5
        default:
            manufacturer = d1 * 10_000 + d2 * 1_000 + d3 * 100 + d4 * 10 + d5
            product = d6
        }
        return system * 10_000_000_000 + manufacturer * 100_000 + product
    }

    /// The UPC-E base a UPC-A body compresses to under the standard rules, tried in order; every expansion of a
    /// base compresses, though not always back to itself (`121453` comes back as `120451`).
    static func compress(_ body: UInt64) -> UInt64 {
        let manufacturer = body / 100_000 % 100_000
        let product = body % 100_000
        let m12 = manufacturer / 1_000
        let m3 = manufacturer / 100 % 10
        let m4 = manufacturer / 10 % 10
        let m5 = manufacturer % 10
        if m4 == 0, m5 == 0, m3 <= 2, product < 1_000 { return m12 * 10_000 + product * 10 + m3 }
        if m4 == 0, m5 == 0, product < 100 { return manufacturer / 100 * 1_000 + product * 10 + 3 }
        if m5 == 0, product < 10 { return manufacturer / 10 * 100 + product * 10 + 4 }
        return manufacturer * 10 + product
    }

    /// Bases whose expansion compresses back to themselves, per number system.
    static let safeBases: UInt64 = 910_000

    /// The safe base with `index` in `0..<safeBases`: any base ending in 0–2; ending in 3 with a third digit of
    /// 3–9; in 4 with a fourth digit of 1–9; in 5–9 with a fifth digit of 1–9.
    static func safeBase(_ index: UInt64) -> UInt64 {
        var rest = index
        if rest < 300_000 { return rest % 100_000 * 10 + rest / 100_000 }
        rest -= 300_000
        if rest < 70_000 {
            let d12 = rest % 10_000 / 100
            return d12 * 10_000 + (3 + rest / 10_000) * 1_000 + rest % 100 * 10 + 3
        }
        rest -= 70_000
        if rest < 90_000 { return rest % 10_000 / 10 * 1_000 + (1 + rest / 10_000) * 100 + rest % 10 * 10 + 4 }
        rest -= 90_000
        let within = rest % 90_000
        return within % 10_000 * 100 + (1 + within / 10_000) * 10 + 5 + rest / 90_000
    }

    static func writeUPCE(system: UInt64, base: UInt64, _ out: inout ByteWriter) {
        out.append(0x30 &+ UInt8(system))
        out.appendPadded(base, width: 6)
        out.append(0x30 &+ UInt8(checkDigit(expand(system: system, base: base), digits: 11)))
    }

    static func writeUPCA(body: UInt64, _ out: inout ByteWriter) {
        out.appendPadded(body, width: 11)
        out.append(0x30 &+ UInt8(checkDigit(body, digits: 11)))
    }

    /// The resolved `base` and `number_system_digit` of a UPC generator.
    struct UPCShape: Sendable {
        var base: UInt64?
        var system: UInt64?

        init(_ arguments: inout Arguments) throws(TemplateError) {
            if let text = try arguments.string("base"), text.lowercased() != "none" {
                guard text.utf8.count == 6, let value = UInt64(text) else {
                    throw arguments.error("base", "must be a UPC-E base of exactly six digits, like `123456`")
                }
                base = value
            }
            if let value = try arguments.int("number_system_digit") {
                guard value == 0 || value == 1 else {
                    throw arguments.error("number_system_digit", "must be 0 or 1, got \(value)")
                }
                system = UInt64(value)
            }
        }

        func pickSystem(_ rng: inout PhoneyRandom) -> UInt64 { system ?? rng.below(2) }
        func pickBase(_ rng: inout PhoneyRandom) -> UInt64 { base ?? rng.below(1_000_000) }

        /// Unique values: each number system and safe base once, or none when the base is fixed.
        var domain: UInt64 { base == nil ? (system == nil ? 2 : 1) * safeBases : 0 }

        func indexed(_ index: UInt64) -> (system: UInt64, base: UInt64) {
            if let system { return (system, safeBase(index)) }
            return (index % 2, safeBase(index / 2))
        }
    }

    /// `upc_a` in UPC-E-compatible mode: the expansion of a (given or random) UPC-E base.
    static func upcAE(_ shape: UPCShape) -> CompiledGenerator {
        var indexed: CompiledGenerator.EmitIndexed? = nil
        if shape.domain > 0 {
            indexed = { context, index in
                let (system, base) = shape.indexed(index)
                writeUPCA(body: expand(system: system, base: base), &context.out)
            }
        }
        return CompiledGenerator(uniqueDomain: shape.domain, emitIndexed: indexed) { context in
            let system = shape.pickSystem(&context.rng)
            writeUPCA(body: expand(system: system, base: shape.pickBase(&context.rng)), &context.out)
        }
    }

    /// `upc_e`: with `safe`, a random base is replaced by the one its UPC-A compresses back to, as Faker does.
    static func upcE(_ shape: UPCShape, safe: Bool) -> CompiledGenerator {
        var indexed: CompiledGenerator.EmitIndexed? = nil
        var domain: UInt64 = 0
        if safe, shape.domain > 0 {
            domain = shape.domain
            indexed = { context, index in
                let (system, base) = shape.indexed(index)
                writeUPCE(system: system, base: base, &context.out)
            }
        } else if shape.base == nil {
            let fixedSystem = shape.system
            domain = (fixedSystem == nil ? 2 : 1) * 1_000_000
            indexed = { context, index in
                if let fixedSystem {
                    writeUPCE(system: fixedSystem, base: index, &context.out)
                } else {
                    writeUPCE(system: index % 2, base: index / 2, &context.out)
                }
            }
        }
        return CompiledGenerator(uniqueDomain: domain, emitIndexed: indexed) { context in
            let system = shape.pickSystem(&context.rng)
            var base = shape.pickBase(&context.rng)
            if safe { base = compress(expand(system: system, base: base)) }
            writeUPCE(system: system, base: base, &context.out)
        }
    }

    static let upcGenerators: [GeneratorSpec] = [
        GeneratorSpec(
            "upc_a", provider: "barcode",
            parameters: [
                .init("upc_ae_mode", "bool", "false"), .init("base", "string"), .init("number_system_digit", "int"),
            ],
            summary: "A 12-digit UPC-A with a valid check digit; `upc_ae_mode=true` makes one convertible to UPC-E"
        ) { arguments, _ in
            guard try arguments.bool("upc_ae_mode", default: false) else {
                for key in ["base", "number_system_digit"] where arguments.has(key) {
                    throw arguments.error(key, "applies only with `upc_ae_mode=true`")
                }
                return CompiledGenerator(
                    uniqueDomain: 100_000_000_000,
                    emitIndexed: { context, index in writeUPCA(body: index, &context.out) },
                    emit: { context in writeUPCA(body: context.rng.below(100_000_000_000), &context.out) })
            }
            return upcAE(try UPCShape(&arguments))
        },
        GeneratorSpec(
            "upc_e", provider: "barcode",
            parameters: [
                .init("base", "string"), .init("number_system_digit", "int"), .init("safe_mode", "bool", "true"),
            ],
            summary: "An 8-digit UPC-E with a valid check digit; `safe_mode` keeps the UPC-E → UPC-A → UPC-E round trip"
        ) { arguments, _ in
            let shape = try UPCShape(&arguments)
            return upcE(shape, safe: try arguments.bool("safe_mode", default: true))
        },
    ]
}
