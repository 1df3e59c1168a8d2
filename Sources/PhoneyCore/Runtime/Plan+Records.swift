extension Plan {
    /// Appends records `offset..<(offset + count)` of the run seeded with `seed` to `buffer`, in the plan's format:
    /// the records only, with the separator the format puts between them (`,` in JSON, nothing in NDJSON and CSV,
    /// whose records end with their own line break); no prefix (`[`, the CSV header) and no suffix (`]`).
    ///
    /// Record *i* depends only on the template, the seed, the locale, the reference time and *i*, so any range
    /// renders on its own, and ranges rendered apart and concatenated equal the range rendered at once.
    ///
    /// ```swift
    /// let plan = try Plan.compile(json: #"{"name": "{{name}}", "email": "{{email}}"}"#,
    ///                             options: CompileOptions(format: .ndjson))
    /// var bytes: [UInt8] = []
    /// try plan.render(seed: 42, offset: 0, count: 3, into: &bytes)
    /// ```
    ///
    /// For a whole document (prefix, records, suffix) rendered on every core in bounded memory, use
    /// ``Executor/run(_:_:progress:sink:)``.
    ///
    /// - Parameters:
    ///   - seed: the run's seed; the same seed gives the same bytes.
    ///   - offset: the index of the first record.
    ///   - count: how many records; `offset + count` must not pass `UInt64.max`.
    ///   - buffer: where the bytes are appended.
    /// - Throws: `TemplateError` (`unique_domain_too_small`) when a unique field has too few distinct values for the
    ///   range; nothing is appended then.
    /// - Complexity: O(`count` × the template's size), on the calling thread.
    public func render(
        seed: UInt64, offset: UInt64 = 0, count: UInt64, into buffer: inout [UInt8]
    ) throws(TemplateError) {
        guard count > 0 else { return }
        try checkUnique(offset: offset, count: count)
        let context = EmitContext(capacity: max(4096, min(1 << 20, estimatedRecordBytes * Int(min(count, 64)))))
        let permutations = permutations(seed: seed)
        let step: UInt64 = 1024
        var lower = offset
        let end = offset + count
        while lower < end {
            let upper = lower + min(step, end - lower)
            context.out.removeAll()
            render(lower..<upper, seed: seed, first: offset, permutations: permutations, into: context)
            buffer.append(contentsOf: context.out.bytes)
            lower = upper
        }
    }

    /// Records `offset..<(offset + count)` of the run seeded with `seed`, one at a time, each as its bytes in the
    /// plan's format (a JSON object; an NDJSON or CSV line with its line break).
    ///
    /// - Throws: `TemplateError` when a unique field has too few distinct values for the range, before any record.
    /// - Complexity: O(1) to create; each record costs what rendering it costs, plus one array for its bytes.
    public func records(seed: UInt64, offset: UInt64 = 0, count: UInt64) throws(TemplateError) -> RecordSequence {
        try checkUnique(offset: offset, count: count)
        return RecordSequence(plan: self, seed: seed, range: offset..<(offset + count))
    }
}

/// The records of one run, rendered lazily one at a time; see ``Plan/records(seed:offset:count:)``.
public struct RecordSequence: Sequence, Sendable {
    let plan: Plan
    let seed: UInt64
    let range: Range<UInt64>

    /// How many records the sequence holds.
    public var count: UInt64 { UInt64(range.count) }

    public func makeIterator() -> Iterator {
        Iterator(plan: plan, seed: seed, range: range)
    }

    /// Renders the next record into a context kept for the whole iteration.
    public struct Iterator: IteratorProtocol {
        let plan: Plan
        let seed: UInt64
        let end: UInt64
        var position: UInt64
        let context: EmitContext
        let permutations: [UniquePermutation]

        init(plan: Plan, seed: UInt64, range: Range<UInt64>) {
            self.plan = plan
            self.seed = seed
            self.end = range.upperBound
            self.position = range.lowerBound
            self.context = EmitContext(capacity: Swift.max(1024, plan.estimatedRecordBytes * 2))
            self.permutations = plan.permutations(seed: seed)
        }

        public mutating func next() -> [UInt8]? {
            guard position < end else { return nil }
            context.out.removeAll()
            // Each record is its own range, so no separator is written before it.
            plan.render(
                position..<(position + 1), seed: seed, first: position, permutations: permutations, into: context)
            position += 1
            return Array(context.out.bytes)
        }
    }
}
