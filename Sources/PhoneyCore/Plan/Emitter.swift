/// A generator's write functions in a class of their own, so a plan can hold them behind `Unmanaged` references.
///
/// Calling a closure loaded from an array retains and releases its context around the call: two atomic operations
/// per value, about an eighth of a person record's time. The plan keeps every `Emitter` alive for as long as it
/// exists, so the interpreter calls through unowned references and pays no reference counting.
package final class Emitter: Sendable {
    package let emit: CompiledGenerator.Emit
    package let emitIndexed: CompiledGenerator.EmitIndexed?

    package init(_ generator: CompiledGenerator) {
        self.emit = generator.emit
        self.emitIndexed = generator.emitIndexed
    }
}
