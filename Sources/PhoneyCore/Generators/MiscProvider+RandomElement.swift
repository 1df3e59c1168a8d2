extension MiscProvider {
    /// The elements of a `random_element`, encoded once: their bytes end to end, optional alias tables for
    /// weighted picks, and the first occurrence of each distinct value for the unique form.
    struct ElementPool: Sendable {
        var bytes: [UInt8] = []
        /// Start of element `i`; one extra entry marks the end.
        var starts: [Int] = [0]
        var threshold: [UInt32] = []
        var alias: [UInt32] = []
        var distinct: [Int] = []
        var type: ValueType = .string
        var jsonSafe = true

        var count: Int { starts.count - 1 }

        @inline(__always)
        func write(_ element: Int, _ out: inout ByteWriter) {
            let start = starts[element]
            let length = starts[element + 1] - start
            bytes.withUnsafeBufferPointer { out.append($0.baseAddress! + start, count: length) }
        }

        /// An element by weight (uniformly when unweighted), from one random draw, like `Table.pick`.
        @inline(__always)
        func pick(_ rng: inout PhoneyRandom) -> Int {
            let random = rng.next()
            let row = Int(truncatingIfNeeded: ((random & 0xFFFF_FFFF) &* UInt64(count)) >> 32)
            if threshold.isEmpty { return row }
            return UInt32(truncatingIfNeeded: random >> 32) < threshold[row] ? row : Int(alias[row])
        }
    }

    /// `true` when `text` is a JSON number as written.
    static func isJSONNumber(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        func digits() -> Int {
            var count = 0
            while let byte = bytes.first, byte >= 0x30, byte <= 0x39 {
                bytes.removeFirst()
                count += 1
            }
            return count
        }
        if bytes.first == UInt8(ascii: "-") { bytes.removeFirst() }
        if bytes.first == UInt8(ascii: "0") {
            bytes.removeFirst()
        } else if digits() == 0 {
            return false
        }
        if bytes.first == UInt8(ascii: ".") {
            bytes.removeFirst()
            if digits() == 0 { return false }
        }
        if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
            bytes.removeFirst()
            if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes.removeFirst() }
            if digits() == 0 { return false }
        }
        return bytes.isEmpty
    }

    /// The JSON spelling of a bare number, or nil when `text` is not one (hex floats, `nan` and `inf` are not).
    static func numberText(_ text: String) -> String? {
        if isJSONNumber(text) { return text }
        guard text.utf8.allSatisfy({ "0123456789+-.eE".utf8.contains($0) }), let value = Double(text),
            value.isFinite
        else { return nil }
        return "\(value)"
    }

    static func elementPool(_ arguments: inout Arguments) throws(TemplateError) -> ElementPool {
        let items = try arguments.list("elements") ?? [.quoted("a"), .quoted("b"), .quoted("c")]
        guard !items.isEmpty else { throw arguments.error("elements", "must hold at least one value") }
        var texts: [String] = []
        var allBare = true
        for item in items {
            switch item {
            case .bare(let text): texts.append(text)
            case .quoted(let text):
                texts.append(text)
                allBare = false
            case .list: throw arguments.error("elements", "must be a flat list of values, not a list of lists")
            }
        }
        var pool = ElementPool()
        var encoded = texts
        let integers = allBare ? texts.compactMap { Int64($0) } : []
        let numbers = allBare ? texts.compactMap(numberText) : []
        if integers.count == texts.count {
            pool.type = .integer
            encoded = integers.map { String($0) }
        } else if numbers.count == texts.count {
            pool.type = .number
            encoded = numbers
        } else if allBare, texts.allSatisfy({ $0 == "true" || $0 == "false" }) {
            pool.type = .boolean
        }
        var seen: Set<String> = []
        for (index, text) in encoded.enumerated() {
            pool.bytes.append(contentsOf: text.utf8)
            pool.starts.append(pool.bytes.count)
            if seen.insert(text).inserted { pool.distinct.append(index) }
        }
        pool.jsonSafe = !pool.bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
        if let weights = try arguments.list("weights") {
            guard weights.count == items.count else {
                throw arguments.error(
                    "weights", "must have one weight per element: \(items.count) elements, \(weights.count) weights")
            }
            var values: [Double] = []
            for weight in weights {
                guard let text = weight.text, let value = Double(text.trimmingWhitespace()), value.isFinite else {
                    throw arguments.error("weights", "must be a list of numbers, got `\(weight.text ?? "a list")`")
                }
                guard value >= 0 else { throw arguments.error("weights", "must not be negative, got \(text)") }
                values.append(value)
            }
            guard values.contains(where: { $0 > 0 }) else {
                throw arguments.error("weights", "must have at least one weight above zero")
            }
            (pool.threshold, pool.alias) = Table.aliasTable(values)
        }
        return pool
    }

    static let randomElement = GeneratorSpec(
        "random_element", provider: "misc",
        parameters: [.init("elements", "list", "[a, b, c]"), .init("weights", "list")],
        summary: "One of `elements`, optionally weighted by `weights`; numbers stay numbers"
    ) { arguments, _ in
        let pool = try elementPool(&arguments)
        return CompiledGenerator(
            type: pool.type, jsonSafe: pool.jsonSafe, uniqueDomain: UInt64(pool.distinct.count),
            emitIndexed: { context, index in pool.write(pool.distinct[Int(index)], &context.out) },
            emit: { context in pool.write(pool.pick(&context.rng), &context.out) })
    }
}
