/// The state a generator sees while it writes one value: the record's random stream and the output buffer.
///
/// One context per worker, reused for every record it renders; never shared between threads.
///
/// Its stored properties are `@exclusivity(unchecked)`: every generator writes through them for every value, and
/// Swift's run-time exclusivity check on a class property (a `swift_beginAccess` call per access) made rendering
/// three to four times slower. The context is confined to one thread and no access to one of its properties overlaps
/// another to the same property, which is what the check guards. (This replaces the module-wide
/// `-enforce-exclusivity=unchecked`, an unsafe flag SwiftPM refuses in a package others depend on.)
package final class EmitContext {
    @exclusivity(unchecked) package var rng: PhoneyRandom
    @exclusivity(unchecked) package var out: ByteWriter
    /// The absolute index of the record being rendered.
    @exclusivity(unchecked) package var record: UInt64
    /// Where the current CSV cell began in `out`.
    @exclusivity(unchecked) package var cellStart: Int = 0
    /// Where the value being captured began in `out`.
    @exclusivity(unchecked) package var captureStart: Int = 0
    /// Bytes of the record's referenced fields, and each slot's range in them.
    @exclusivity(unchecked) package var captures: ByteWriter = ByteWriter(capacity: 256)
    @exclusivity(unchecked) package var captureRanges: [Range<Int>] = []
    /// Scratch space for values a record derives from (a person's names for a consistent email).
    @exclusivity(unchecked) package var person: PersonSlot = PersonSlot()
    /// `out.count` at which the next `checkpoint()` is due: `.max` when nothing watches the render, 0 once it has
    /// been halted (see `RenderWatch`).
    @exclusivity(unchecked) package var checkAt: Int = .max
    /// What the render checks at each checkpoint; nil for none. Not retained: the engine that owns the context is
    /// the watch.
    @exclusivity(unchecked) package unowned(unsafe) var watch: RenderWatch?

    package init(capacity: Int = 1 << 16) {
        self.rng = PhoneyRandom(state: 0)
        self.out = ByteWriter(capacity: capacity)
        self.record = 0
    }

    deinit {
        out.deallocate()
        captures.deallocate()
    }

    /// Positions the context at the start of `record` for a run seeded with `seed`.
    @inlinable
    package func begin(record: UInt64, seed: UInt64) {
        self.record = record
        self.rng = PhoneyRandom(seed: seed, record: record)
        self.person.generation &+= 1
        if captures.count > 0 {
            captures.removeAll()
            for slot in captureRanges.indices { captureRanges[slot] = 0..<0 }
        }
    }
}

/// The person a record is about, picked lazily on first use so `name`, `first_name`, `email` and `user_name` of
/// one record agree (Jane Doe, jane.doe@…). Each name field takes the person once; a second `first_name` in the
/// same record is someone else.
package struct PersonSlot {
    /// Bumped per record; the slot is valid when `filledAt == generation`.
    package var generation: UInt64 = 0
    package var filledAt: UInt64 = .max
    /// Row in the female or male first-name table, and in the last-name table.
    package var first: Int = 0
    package var last: Int = 0
    package var female: Bool = false
    package var firstTaken = false
    package var lastTaken = false
    package var nameTaken = false
}
