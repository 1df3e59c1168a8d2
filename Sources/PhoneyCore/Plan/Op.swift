/// One instruction of a compiled plan. Plans are flat arrays of these, run by one `switch` loop.
package enum Op: Sendable {
    /// Copy `count` bytes of the plan's literal pool starting at `start`.
    case literal(start: UInt32, count: UInt32)
    /// Write one value of generator `generator`; JSON-escape what it wrote when `escape` is set.
    /// `unique` is the unique slot, or `Op.notUnique`.
    case value(generator: UInt32, escape: Bool, unique: UInt32)
    /// `literal` then `value` in one op (the common field shape `","name":"` + value), so a record dispatches
    /// half as often. Only for values that are not unique.
    case literalValue(start: UInt32, count: UInt16, generator: UInt16, escape: Bool)
    /// Write a JSON array of values; the shape is `Plan.arrays[index]`.
    case array(UInt32)
    /// With probability `threshold / 2⁶⁴` write the plan's null text and skip the next `skip` ops.
    case maybeNull(threshold: UInt64, skip: UInt32)
    /// Remember where a referenced field's value starts.
    case markCapture
    /// Keep the bytes written since `markCapture` as capture `slot` of the record.
    case capture(slot: UInt32)
    /// Write capture `slot` of the record again, JSON-escaped when `escape` is set.
    case reference(slot: UInt32, escape: Bool)
    /// Mark the start of a CSV cell.
    case cellBegin
    /// Quote the CSV cell begun at the last `cellBegin` when it holds a separator, quote or line break.
    case cellEnd
    /// Stop the record here when the render's watch says so (after a value that can be long).
    case checkpoint

    package static let notUnique = UInt32.max
}

/// The shape of an array placeholder: `{{[gen]:count=min..max}}`.
package struct ArrayShape: Sendable {
    package var generator: UInt32
    package var minCount: UInt32
    package var maxCount: UInt32
    /// Values are strings: each goes between quotes.
    package var quoted: Bool
    package var escape: Bool
    package var unique: UInt32
}
