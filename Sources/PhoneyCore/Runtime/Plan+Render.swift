extension Plan {
    /// The unique permutations of a run seeded with `seed`.
    package func permutations(seed: UInt64) -> [UniquePermutation] {
        uniqueDomains.indices.map { UniquePermutation(domain: uniqueDomains[$0], seed: seed, slot: UInt32($0)) }
    }

    /// Renders records `range` into `context.out`, each preceded by the separator unless it is `first`.
    ///
    /// With a watch on the context (`EmitContext.watch(_:)`), the render stops between records, between array items
    /// and after long values once the watch says so, leaving `context.isHalted` set and the chunk unfinished.
    ///
    /// - Complexity: O(ops × records); no allocation once the buffer is large enough.
    package func render(
        _ range: Range<UInt64>, seed: UInt64, first: UInt64, permutations: [UniquePermutation],
        into context: EmitContext
    ) {
        let separator: UInt8? = format == .json ? UInt8(ascii: ",") : nil
        ops.withUnsafeBufferPointer { ops in
            literals.withUnsafeBufferPointer { literals in
                emitters.withUnsafeBufferPointer { generators in
                    permutations.withUnsafeBufferPointer { permutations in
                        let literalBase = literals.baseAddress ?? UnsafePointer(bitPattern: 1)!
                        for record in range {
                            if let separator, record != first { context.out.append(separator) }
                            context.begin(record: record, seed: seed)
                            run(ops, literalBase, generators, permutations, context)
                            if context.shouldStop() { return }
                        }
                    }
                }
            }
        }
    }

    @inline(__always)
    func run(
        _ ops: UnsafeBufferPointer<Op>, _ literals: UnsafePointer<UInt8>,
        _ generators: UnsafeBufferPointer<Unmanaged<Emitter>>, _ permutations: UnsafeBufferPointer<UniquePermutation>,
        _ context: EmitContext
    ) {
        var pc = 0
        let end = ops.count
        while pc < end {
            switch ops[pc] {
            case .literal(let start, let count):
                context.out.append(overReadable: literals + Int(start), count: Int(count))
            case .literalValue(let literal, let count, let generator, let escape):
                context.out.append(overReadable: literals + Int(literal), count: Int(count))
                let start = context.out.count
                generators[Int(generator)]._withUnsafeGuaranteedRef { $0.emit(context) }
                if escape { JSONEscape.escapeWritten(&context.out, from: start) }
            case .value(let generator, let escape, let unique):
                let start = context.out.count
                if unique == Op.notUnique {
                    generators[Int(generator)]._withUnsafeGuaranteedRef { $0.emit(context) }
                } else {
                    let index = permutations[Int(unique)](context.record &* uniqueStrides[Int(unique)])
                    generators[Int(generator)]._withUnsafeGuaranteedRef { $0.emitIndexed!(context, index) }
                }
                if escape { JSONEscape.escapeWritten(&context.out, from: start) }
            case .array(let index):
                renderArray(arrays[Int(index)], generators, permutations, context)
                if context.isHalted { return }
            case .maybeNull(let threshold, let skip):
                if context.rng.next() < threshold {
                    context.out.append(nullText)
                    pc &+= Int(skip)
                }
            case .markCapture:
                context.captureStart = context.out.count
            case .capture(let slot):
                capture(Int(slot), context)
            case .reference(let slot, let escape):
                let start = context.out.count
                let range = context.captureRanges[Int(slot)]
                context.out.append(context.captures.base + range.lowerBound, count: range.count)
                if escape { JSONEscape.escapeWritten(&context.out, from: start) }
            case .cellBegin:
                context.cellStart = context.out.count
            case .cellEnd:
                let start = context.cellStart
                let written = UnsafeBufferPointer(start: context.out.base + start, count: context.out.count - start)
                if CSVText.needsQuoting(written) { CSVText.quoteInPlace(&context.out, from: start) }
            case .checkpoint:
                if context.shouldStop() { return }
            }
            pc &+= 1
        }
    }

    @inline(never)
    func capture(_ slot: Int, _ context: EmitContext) {
        if context.captureRanges.count <= slot {
            context.captureRanges.append(
                contentsOf: repeatElement(0..<0, count: slot + 1 - context.captureRanges.count))
        }
        let start = context.captures.count
        let length = context.out.count - context.captureStart
        context.captures.append(context.out.base + context.captureStart, count: length)
        context.captureRanges[slot] = start..<(start + length)
    }

    @inline(never)
    func renderArray(
        _ shape: ArrayShape, _ generators: UnsafeBufferPointer<Unmanaged<Emitter>>,
        _ permutations: UnsafeBufferPointer<UniquePermutation>, _ context: EmitContext
    ) {
        let emitter = generators[Int(shape.generator)]
        var count = UInt64(shape.minCount)
        if shape.maxCount > shape.minCount {
            count += context.rng.below(UInt64(shape.maxCount - shape.minCount) + 1)
        }
        context.out.append(UInt8(ascii: "["))
        for item in 0..<count {
            if item > 0 {
                if context.shouldStop() { return }
                context.out.append(UInt8(ascii: ","))
            }
            if shape.quoted { context.out.append(UInt8(ascii: "\"")) }
            let start = context.out.count
            if shape.unique == Op.notUnique {
                emitter._withUnsafeGuaranteedRef { $0.emit(context) }
            } else {
                let slot = Int(shape.unique)
                let index = permutations[slot](context.record &* uniqueStrides[slot] &+ item)
                emitter._withUnsafeGuaranteedRef { $0.emitIndexed!(context, index) }
            }
            if shape.escape { JSONEscape.escapeWritten(&context.out, from: start) }
            if shape.quoted { context.out.append(UInt8(ascii: "\"")) }
        }
        context.out.append(UInt8(ascii: "]"))
    }
}
