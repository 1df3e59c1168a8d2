/// A read-only table of text fields with O(1) writes and (weighted) picks.
///
/// Built once per process from tab-separated lines and never freed, so generators hold raw pointers into it and
/// pay no reference counting or bounds checks in the hot path.
package struct Table: @unchecked Sendable {
    @usableFromInline let storage: UnsafePointer<UInt8>
    /// Start of field `row * columns + column`; one extra entry marks the end.
    @usableFromInline let starts: UnsafePointer<UInt32>
    package let rows: Int
    package let columns: Int
    /// Vose alias table for weighted picks: acceptance threshold and alias per row.
    @usableFromInline let threshold: UnsafePointer<UInt32>?
    @usableFromInline let alias: UnsafePointer<UInt32>?

    /// Builds a table from rows of fields; `weights`, when given, makes `pick` proportional to them.
    package init(rows fields: [[String]], weights: [Double]? = nil) {
        precondition(!fields.isEmpty, "a table needs at least one row")
        let columns = fields[0].count
        var bytes: [UInt8] = []
        var starts: [UInt32] = []
        for row in fields {
            precondition(row.count == columns, "row \(row) has \(row.count) fields, expected \(columns)")
            for field in row {
                starts.append(UInt32(bytes.count))
                bytes.append(contentsOf: field.utf8)
            }
        }
        self.init(bytes: bytes, starts: starts, rows: fields.count, columns: columns, weights: weights)
    }

    /// Builds a table from tab-separated lines; `weightColumn` names a numeric column that weights picks and is
    /// dropped from the fields.
    ///
    /// One pass over the bytes, with no `String` per field: every locale's tables are built this way on first
    /// use, which a cold start (a Lambda's first request) pays for.
    package init(_ data: StaticString, weightColumn: Int? = nil) {
        var bytes: [UInt8] = []
        var starts: [UInt32] = []
        var weights: [Double] = []
        var rows = 0
        var columns = -1
        data.withUTF8Buffer { text in
            bytes.reserveCapacity(text.count)
            let count = text.count
            var index = 0
            while index < count {
                if text[index] == UInt8(ascii: "\n") {
                    index += 1
                    continue
                }
                var column = 0
                var kept = 0
                var start = index
                while true {
                    var end = start
                    while end < count, text[end] != UInt8(ascii: "\t"), text[end] != UInt8(ascii: "\n") { end += 1 }
                    let field = UnsafeBufferPointer(rebasing: text[start..<end])
                    if column == weightColumn {
                        weights.append(Table.number(field) ?? 1)
                    } else {
                        starts.append(UInt32(bytes.count))
                        bytes.append(contentsOf: field)
                        kept += 1
                    }
                    column += 1
                    if end < count, text[end] == UInt8(ascii: "\t") {
                        start = end + 1
                        continue
                    }
                    index = end + 1
                    break
                }
                precondition(columns < 0 || kept == columns, "row \(rows) has \(kept) fields, expected \(columns)")
                columns = kept
                rows += 1
            }
        }
        precondition(rows > 0, "a table needs at least one row")
        self.init(
            bytes: bytes, starts: starts, rows: rows, columns: columns, weights: weightColumn == nil ? nil : weights)
    }

    /// The table over field bytes and their starts (the end mark is added here).
    private init(bytes: [UInt8], starts: [UInt32], rows: Int, columns: Int, weights: [Double]?) {
        var starts = starts
        starts.append(UInt32(bytes.count))
        self.isJSONSafe = !bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
        // Padding past the last field lets `write` copy short fields as two 8-byte words.
        self.storage = Table.immortal(bytes + repeatElement(0, count: ByteWriter.overRead))
        self.starts = Table.immortal(starts)
        self.rows = rows
        self.columns = columns
        if let weights {
            let (threshold, alias) = Table.aliasTable(weights)
            self.threshold = Table.immortal(threshold)
            self.alias = Table.immortal(alias)
        } else {
            self.threshold = nil
            self.alias = nil
        }
    }

    /// A decimal number (`12`, `0.25`) written in ASCII, without going through `String`.
    static func number(_ field: UnsafeBufferPointer<UInt8>) -> Double? {
        var value = 0.0
        var scale = 0.0
        var digits = 0
        for byte in field {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
                if scale == 0 {
                    value = value * 10 + Double(byte - UInt8(ascii: "0"))
                } else {
                    value += Double(byte - UInt8(ascii: "0")) * scale
                    scale /= 10
                }
            case UInt8(ascii: ".") where scale == 0:
                scale = 0.1
            case UInt8(ascii: " "), UInt8(ascii: "\r"):
                continue
            default:
                return Double(String(decoding: field, as: UTF8.self))
            }
        }
        return digits > 0 ? value : nil
    }

    static func immortal<T>(_ values: [T]) -> UnsafePointer<T> {
        let pointer = UnsafeMutablePointer<T>.allocate(capacity: max(values.count, 1))
        values.withUnsafeBufferPointer { pointer.initialize(from: $0.baseAddress!, count: values.count) }
        return UnsafePointer(pointer)
    }

    /// Vose's alias method: each row keeps its own share below `threshold` and sends the rest to `alias`.
    static func aliasTable(_ weights: [Double]) -> ([UInt32], [UInt32]) {
        let n = weights.count
        let total = weights.reduce(0, +)
        var scaled = weights.map { $0 * Double(n) / total }
        var threshold = [UInt32](repeating: UInt32.max, count: n)
        var alias = (0..<n).map { UInt32($0) }
        var small = scaled.indices.filter { scaled[$0] < 1 }
        var large = scaled.indices.filter { scaled[$0] >= 1 }
        while let s = small.popLast() {
            guard let l = large.popLast() else { break }
            threshold[s] = UInt32(min(scaled[s] * 4_294_967_296.0, 4_294_967_295.0))
            alias[s] = UInt32(l)
            scaled[l] += scaled[s] - 1
            if scaled[l] < 1 { small.append(l) } else { large.append(l) }
        }
        return (threshold, alias)
    }

    /// A row chosen by weight (or uniformly when the table has no weights), from one random draw.
    @inlinable
    package func pick(_ rng: inout PhoneyRandom) -> Int {
        let random = rng.next()
        let row = Int(truncatingIfNeeded: ((random & 0xFFFF_FFFF) &* UInt64(rows)) >> 32)
        guard let threshold, let alias else { return row }
        return UInt32(truncatingIfNeeded: random >> 32) < threshold[row] ? row : Int(alias[row])
    }

    /// Writes field `column` of `row`.
    @inlinable
    package func write(_ row: Int, _ column: Int = 0, to out: inout ByteWriter) {
        let field = row &* columns &+ column
        let start = Int(starts[field])
        out.append(overReadable: storage + start, count: Int(starts[field &+ 1]) &- start)
    }

    /// The bytes of field `column` of `row`.
    @inlinable
    package func bytes(_ row: Int, _ column: Int = 0) -> UnsafeBufferPointer<UInt8> {
        let field = row &* columns &+ column
        let start = Int(starts[field])
        return UnsafeBufferPointer(start: storage + start, count: Int(starts[field &+ 1]) &- start)
    }

    /// Field `column` of `row` as a `String` (for compile time, not the hot path).
    package func text(_ row: Int, _ column: Int = 0) -> String {
        String(decoding: bytes(row, column), as: UTF8.self)
    }

    /// Every value of `column`, in row order.
    package func allText(_ column: Int = 0) -> [String] {
        (0..<rows).map { text($0, column) }
    }

    /// True when no field needs escaping inside a JSON string (worked out once, when the table is built).
    package let isJSONSafe: Bool
}
