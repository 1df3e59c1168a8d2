/// A compiled template: flat ops over pooled literal bytes and resolved generators.
///
/// Immutable and shareable across threads; the executor runs it for any range of records.
public final class Plan: Sendable {
    /// A field the template fills from a generator (for validation reports and CSV headers).
    public struct Field: Sendable, Equatable {
        /// Dotted path (`address.city`).
        public var path: String
        /// JSON pointer (`/address/city`).
        public var pointer: String
        /// Generator names used by the field, in order.
        public var generators: [String]
    }

    package let ops: [Op]
    package let literals: [UInt8]
    package let generators: [CompiledGenerator]
    /// The generators' write functions, kept alive by `emitterStorage`, for the interpreter to call without
    /// reference counting.
    package let emitters: [Unmanaged<Emitter>]
    private let emitterStorage: [Emitter]
    package let arrays: [ArrayShape]
    /// Domain size of each unique slot.
    package let uniqueDomains: [UInt64]
    /// How many values each unique slot draws per record (the largest array count, or 1).
    package let uniqueStrides: [UInt64]
    /// Dotted path and JSON pointer of the field in each unique slot, for errors.
    package let uniqueFields: [(path: String, pointer: String, generator: String)]
    public let format: OutputFormat
    /// The fields that hold placeholders.
    public let fields: [Field]
    /// CSV column names (dotted); empty for the JSON formats.
    public let columns: [String]
    public let warnings: [String]
    /// A running estimate of one record's size in bytes, for buffer sizing and response-size checks.
    public let estimatedRecordBytes: Int
    /// Text written for a null value (`null`, or nothing in CSV).
    package let nullText: [UInt8]

    package init(
        ops: [Op], literals: [UInt8], generators: [CompiledGenerator], arrays: [ArrayShape],
        uniqueDomains: [UInt64], uniqueStrides: [UInt64],
        uniqueFields: [(path: String, pointer: String, generator: String)],
        format: OutputFormat, fields: [Field], columns: [String], warnings: [String], estimatedRecordBytes: Int
    ) {
        self.ops = ops
        // Padding past the last literal lets the interpreter copy short literals as whole words.
        self.literals = literals + repeatElement(0, count: ByteWriter.overRead)
        self.generators = generators
        self.emitterStorage = generators.map(Emitter.init)
        self.emitters = emitterStorage.map { Unmanaged.passUnretained($0) }
        self.arrays = arrays
        self.uniqueDomains = uniqueDomains
        self.uniqueStrides = uniqueStrides
        self.uniqueFields = uniqueFields
        self.format = format
        self.fields = fields
        self.columns = columns
        self.warnings = warnings
        self.estimatedRecordBytes = estimatedRecordBytes
        self.nullText = format == .csv ? [] : Array("null".utf8)
    }

    /// Bytes written once before the first record.
    public var prefix: [UInt8] {
        switch format {
        case .json: return [UInt8(ascii: "[")]
        case .ndjson: return []
        case .csv: return CSVText.headerLine(columns)
        }
    }

    /// Bytes written between two records.
    public var separator: [UInt8] {
        format == .json ? [UInt8(ascii: ",")] : []
    }

    /// Bytes written once after the last record.
    public var suffix: [UInt8] {
        format == .json ? [UInt8(ascii: "]")] : []
    }

    /// Checks, before any generation, that every unique field has enough distinct values for records
    /// `0..<(offset + count)`.
    ///
    /// - Throws: `TemplateError` of kind `unique_domain_too_small` naming the field and the domain size.
    public func checkUnique(offset: UInt64, count: UInt64) throws(TemplateError) {
        guard count > 0 else { return }
        let (end, overflow) = offset.addingReportingOverflow(count)
        for slot in uniqueDomains.indices {
            let (needed, tooMany) = end.multipliedReportingOverflow(by: uniqueStrides[slot])
            if overflow || tooMany || needed > uniqueDomains[slot] {
                let values = uniqueStrides[slot] > 1 ? " (\(uniqueStrides[slot]) values per record)" : ""
                let need = overflow || tooMany ? "more" : "\(needed)"
                let records =
                    overflow
                    ? "the unique records from \(offset) on need"
                    : count == 1 ? "unique record \(offset) needs" : "unique records \(offset) to \(end - 1) need"
                throw TemplateError(
                    .uniqueDomainTooSmall,
                    "`\(uniqueFields[slot].generator)` has only \(uniqueDomains[slot]) distinct values, but \(records) "
                        + "\(need)\(values)",
                    pointer: uniqueFields[slot].pointer, generator: uniqueFields[slot].generator)
            }
        }
    }
}
