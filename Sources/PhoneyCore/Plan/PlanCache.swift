/// A bounded least-recently-used cache of compiled plans, keyed by the template text and the compile options, so a
/// repeated template skips parsing and compiling.
public final class PlanCache: Sendable {
    struct Key: Hashable, Sendable {
        var template: String
        var options: CompileOptions
    }

    struct Entry {
        var plan: Plan
        var lastUse: UInt64
    }

    struct State {
        var entries: [Key: Entry] = [:]
        var clock: UInt64 = 0
        var hits: UInt64 = 0
        var misses: UInt64 = 0
    }

    public let capacity: Int
    private let state = LockedValue(State())

    public init(capacity: Int = 256) {
        self.capacity = max(1, capacity)
    }

    /// Hits and misses so far.
    public var statistics: (hits: UInt64, misses: UInt64) {
        state.withLock { ($0.hits, $0.misses) }
    }

    /// The plan for a template given as JSON text; compiled on a miss.
    ///
    /// - Returns: the plan, and whether it came from the cache.
    /// - Throws: `TemplateFailure` when the template does not compile (failures are not cached).
    public func plan(json template: String, options: CompileOptions) throws(TemplateFailure) -> (plan: Plan, hit: Bool)
    {
        let key = Key(template: template, options: options)
        if let plan = lookup(key) { return (plan, true) }
        let value: JSONValue
        do {
            value = try JSONValue.parse(template, limits: options.limits)
        } catch {
            throw TemplateFailure(errors: [error])
        }
        let plan = try Compiler.compile(value, options: options)
        store(key, plan)
        return (plan, false)
    }

    /// The plan for an already parsed template; its compact serialisation is the key.
    public func plan(_ template: JSONValue, options: CompileOptions) throws(TemplateFailure) -> (plan: Plan, hit: Bool)
    {
        let key = Key(template: template.serialized, options: options)
        if let plan = lookup(key) { return (plan, true) }
        let plan = try Compiler.compile(template, options: options)
        store(key, plan)
        return (plan, false)
    }

    private func lookup(_ key: Key) -> Plan? {
        state.withLock { state in
            state.clock += 1
            // One hash of the key (a template's whole text) for the lookup and the touch.
            guard let index = state.entries.index(forKey: key) else {
                state.misses += 1
                return nil
            }
            state.hits += 1
            state.entries.values[index].lastUse = state.clock
            return state.entries.values[index].plan
        }
    }

    private func store(_ key: Key, _ plan: Plan) {
        state.withLock { state in
            if state.entries.count >= capacity, state.entries[key] == nil,
                let oldest = state.entries.min(by: { $0.value.lastUse < $1.value.lastUse })?.key
            {
                state.entries[oldest] = nil
            }
            state.entries[key] = Entry(plan: plan, lastUse: state.clock)
        }
    }
}
