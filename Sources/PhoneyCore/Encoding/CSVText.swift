/// RFC 4180 quoting.
package enum CSVText {
    /// True when a cell must be quoted.
    @inlinable
    package static func needsQuoting(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D {
            return true
        }
        return false
    }

    /// Appends `field`, quoted when needed.
    package static func appendCell(_ field: String, to out: inout [UInt8]) {
        let bytes = Array(field.utf8)
        let quote = bytes.withUnsafeBufferPointer { needsQuoting($0) }
        if !quote {
            out.append(contentsOf: bytes)
            return
        }
        out.append(0x22)
        for byte in bytes {
            if byte == 0x22 { out.append(0x22) }
            out.append(byte)
        }
        out.append(0x22)
    }

    /// The header row for `columns`, CRLF-terminated.
    package static func headerLine(_ columns: [String]) -> [UInt8] {
        var out: [UInt8] = []
        for (index, column) in columns.enumerated() {
            if index > 0 { out.append(0x2C) }
            appendCell(column, to: &out)
        }
        out.append(contentsOf: [0x0D, 0x0A])
        return out
    }

    /// Quotes the cell written at `out[start..<out.count]` in place when it needs it.
    @inline(never)
    package static func quoteInPlace(_ out: inout ByteWriter, from start: Int) {
        let length = out.count - start
        var quotes = 0
        for index in start..<out.count where out.base[index] == 0x22 { quotes += 1 }
        out.reserve(quotes + 2)
        let source = out.base + start
        let copy = UnsafeMutablePointer<UInt8>.allocate(capacity: length)
        defer { copy.deallocate() }
        copy.update(from: source, count: length)
        var position = start
        out.base[position] = 0x22
        position += 1
        for index in 0..<length {
            let byte = copy[index]
            if byte == 0x22 {
                out.base[position] = 0x22
                position += 1
            }
            out.base[position] = byte
            position += 1
        }
        out.base[position] = 0x22
        out.count = position + 1
    }
}
