/// The JSON type a generator's value takes when it stands alone in a string.
public enum ValueType: String, Sendable, CaseIterable {
    case string, integer, number, boolean, object, array, null
}

/// A generator with its arguments resolved: ready to write values with no further lookup.
package struct CompiledGenerator: Sendable {
    /// Writes one value for the current record (raw text for strings, JSON text for other types).
    package typealias Emit = @Sendable (EmitContext) -> Void
    /// Writes the value with a given index in `0..<domain`; distinct indices give distinct values.
    package typealias EmitIndexed = @Sendable (EmitContext, UInt64) -> Void

    package var type: ValueType
    /// True when the text written never needs JSON string escaping (no `"`, `\`, or control characters).
    package var jsonSafe: Bool
    package var emit: Emit
    /// Number of distinct values the indexed form can write; 0 when unique values are not supported.
    package var uniqueDomain: UInt64
    package var emitIndexed: EmitIndexed?
    /// True when one value can be long (a list of long texts): the plan checks its `RenderWatch` after each one.
    package var writesMuch = false

    package init(
        type: ValueType = .string,
        jsonSafe: Bool = true,
        uniqueDomain: UInt64 = 0,
        emitIndexed: EmitIndexed? = nil,
        emit: @escaping Emit
    ) {
        self.type = type
        self.jsonSafe = jsonSafe
        self.emit = emit
        self.uniqueDomain = emitIndexed == nil ? 0 : uniqueDomain
        self.emitIndexed = emitIndexed
    }

    /// The same generator, marked as one whose values can be long.
    package func writingMuch() -> CompiledGenerator {
        var copy = self
        copy.writesMuch = true
        return copy
    }
}
