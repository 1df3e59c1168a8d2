/// Faker's `barcode` provider (en_US): EAN-8, EAN-13, UPC-A and UPC-E codes with valid GS1 check digits.
enum BarcodeProvider {
    /// GS1 prefixes 000–139, the United States and Canada, as the two digits that fix them (00–13).
    static let localPrefixes: [[UInt8]] = (0...13).map { Array((($0 < 10 ? "0" : "") + String($0)).utf8) }

    /// Appends the GS1 check digit of the `count` digits just written: from the right, weights 3, 1, 3, …
    static func appendCheck(digits count: Int, _ out: inout ByteWriter) {
        var sum: UInt64 = 0
        var position = out.count - 1
        for offset in 0..<count {
            let digit = UInt64(out.base[position] &- 0x30)
            sum += offset & 1 == 0 ? digit * 3 : digit
            position -= 1
        }
        out.append(0x30 &+ UInt8((10 - sum % 10) % 10))
    }

    /// The check digit of a GS1 body held as a number of `count` digits.
    static func checkDigit(_ body: UInt64, digits count: Int) -> UInt64 {
        var sum: UInt64 = 0
        var rest = body
        for offset in 0..<count {
            sum += offset & 1 == 0 ? rest % 10 * 3 : rest % 10
            rest /= 10
        }
        return (10 - sum % 10) % 10
    }

    /// EAN codes of one length whose bodies start with one of a set of prefixes (any body when there are none).
    struct EAN: Sendable {
        var length: Int
        var prefixes: [[UInt8]]
        /// The prefixes no other prefix starts, so their code sets are disjoint (for unique values).
        var disjoint: [[UInt8]]
        var total: UInt64

        init(length: Int, prefixes: [[UInt8]]) {
            self.length = length
            self.prefixes = prefixes
            var kept: [[UInt8]] = []
            let texts = Set(prefixes.map { String(decoding: $0, as: UTF8.self) })
            let shortestFirst = texts.sorted { ($0.utf8.count, $0) < ($1.utf8.count, $1) }.map { Array($0.utf8) }
            for prefix in shortestFirst where !kept.contains(where: { prefix.starts(with: $0) }) {
                kept.append(prefix)
            }
            disjoint = kept.isEmpty ? [[]] : kept
            total = disjoint.reduce(0) { $0 + FinanceProvider.power10(length - 1 - $1.count) }
        }

        func write(_ context: EmitContext) {
            var free = length - 1
            if !prefixes.isEmpty {
                let prefix = prefixes[context.rng.index(prefixes.count)]
                context.out.append(prefix)
                free -= prefix.count
            }
            context.out.appendRandomDigits(free, &context.rng)
            appendCheck(digits: length - 1, &context.out)
        }

        func write(index: UInt64, _ out: inout ByteWriter) {
            var rest = index
            for prefix in disjoint {
                let size = FinanceProvider.power10(length - 1 - prefix.count)
                if rest < size {
                    out.append(prefix)
                    out.appendPadded(rest, width: length - 1 - prefix.count)
                    appendCheck(digits: length - 1, &out)
                    return
                }
                rest -= size
            }
        }

        var compiled: CompiledGenerator {
            let ean = self
            return CompiledGenerator(
                uniqueDomain: total,
                emitIndexed: { context, index in ean.write(index: index, &context.out) },
                emit: { context in ean.write(context) })
        }
    }

    /// Reads `prefixes`: a list of digit strings, each shorter than the code's body.
    static func prefixes(_ arguments: inout Arguments, length: Int) throws(TemplateError) -> [[UInt8]] {
        guard let items = try arguments.list("prefixes") else { return [] }
        var result: [[UInt8]] = []
        for item in items {
            guard let text = item.text?.trimmingWhitespace(), !text.isEmpty,
                text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), text.utf8.count < length
            else {
                throw arguments.error(
                    "prefixes", "must be a list of digit strings shorter than \(length) digits, like [\"00\", \"45\"]")
            }
            result.append(Array(text.utf8))
        }
        return result
    }

    static func eanSpec(_ name: String, length fixed: Int?, local: Bool, _ summary: String) -> GeneratorSpec {
        var parameters: [GeneratorSpec.Parameter] = []
        if fixed == nil { parameters.append(.init("length", "int", "13")) }
        if !local { parameters.append(.init("prefixes", "list", "()")) }
        if fixed == 13 && !local { parameters.append(.init("leading_zero", "bool")) }
        return GeneratorSpec(name, provider: "barcode", parameters: parameters, summary: summary) { arguments, _ in
            var length = fixed ?? 13
            if fixed == nil {
                length = Int(try arguments.int("length", default: 13))
                guard length == 8 || length == 13 else {
                    throw arguments.error("length", "must be 8 or 13, got \(length)")
                }
            }
            if local { return EAN(length: length, prefixes: localPrefixes).compiled }
            var chosen = try prefixes(&arguments, length: length)
            if fixed == 13, let text = try arguments.string("leading_zero")?.lowercased(), text != "none" {
                guard ["true", "false", "1", "0", "yes", "no"].contains(text) else {
                    throw arguments.error("leading_zero", "must be true, false or none, got `\(text)`")
                }
                // As in Faker, `leading_zero` only applies when no prefixes are given.
                if chosen.isEmpty {
                    let leadingZero = ["true", "1", "yes"].contains(text)
                    chosen = leadingZero ? [[0x30]] : (1...9).map { [0x30 + UInt8($0)] }
                }
            }
            return EAN(length: length, prefixes: chosen).compiled
        }
    }

    static let generators: [GeneratorSpec] =
        [
            eanSpec("ean", length: nil, local: false, "An EAN-13 (or EAN-8 with `length=8`) with a valid check digit"),
            eanSpec("ean8", length: 8, local: false, "An EAN-8 barcode number with a valid check digit"),
            eanSpec(
                "ean13", length: 13, local: false,
                "An EAN-13 barcode number with a valid check digit; `leading_zero` makes it UPC-A compatible or not"),
            eanSpec(
                "localized_ean", length: nil, local: true,
                "An EAN-13 (or EAN-8) with a US/Canada GS1 prefix (000–139)"),
            eanSpec("localized_ean8", length: 8, local: true, "An EAN-8 with a US/Canada GS1 prefix (000–139)"),
            eanSpec("localized_ean13", length: 13, local: true, "An EAN-13 with a US/Canada GS1 prefix (000–139)"),
        ] + upcGenerators
}
