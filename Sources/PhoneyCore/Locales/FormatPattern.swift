/// A locale format such as `{street_address}\n{postcode} {city}`, split once into literal bytes and named parts.
package struct FormatPattern: Sendable {
    package enum Piece: Sendable, Equatable {
        case literal([UInt8])
        case part(String)
    }

    package let pieces: [Piece]

    package init(_ format: String) {
        var pieces: [Piece] = []
        var literal: [UInt8] = []
        var rest = Substring(format)
        while let open = rest.firstIndex(of: "{") {
            literal.append(contentsOf: rest[..<open].utf8)
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            if !literal.isEmpty {
                pieces.append(.literal(literal))
                literal = []
            }
            pieces.append(.part(String(rest[rest.index(after: open)..<close])))
            rest = rest[rest.index(after: close)...]
        }
        literal.append(contentsOf: rest.utf8)
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        self.pieces = pieces
    }

    /// Writes a pattern's bytes with `#` as a random digit and `?` as a random upper-case letter.
    @inlinable
    package static func fill(_ pattern: UnsafeBufferPointer<UInt8>, _ context: EmitContext) {
        context.out.reserve(pattern.count)
        for byte in pattern {
            switch byte {
            case UInt8(ascii: "#"): context.out.append(0x30 &+ UInt8(truncatingIfNeeded: context.rng.below(10)))
            case UInt8(ascii: "?"): context.out.append(0x41 &+ UInt8(truncatingIfNeeded: context.rng.below(26)))
            default: context.out.append(byte)
            }
        }
    }
}
