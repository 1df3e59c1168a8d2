/// A locale format such as `{street_address}\n{postcode} {city}`, split once into literal bytes and parts.
package struct FormatPattern: Sendable {
    /// The parts a locale format may name; anything else stays literal text.
    package enum Part: String, Sendable {
        case first, last, prefix, suffix
        case buildingNumber = "building_number"
        case streetName = "street_name"
        case streetAddress = "street_address"
        case secondaryAddress = "secondary_address"
        case postcode, city, region
        case regionAbbr = "region_abbr"
    }

    package enum Piece: Sendable, Equatable {
        case literal([UInt8])
        case part(Part)
    }

    package let pieces: [Piece]

    package init(_ format: String) {
        var pieces: [Piece] = []
        var literal: [UInt8] = []
        var rest = Substring(format)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            literal.append(contentsOf: rest[..<open].utf8)
            if let part = Part(rawValue: String(rest[rest.index(after: open)..<close])) {
                if !literal.isEmpty { pieces.append(.literal(literal)) }
                literal = []
                pieces.append(.part(part))
            } else {
                literal.append(contentsOf: rest[open...close].utf8)
            }
            rest = rest[rest.index(after: close)...]
        }
        literal.append(contentsOf: rest.utf8)
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        self.pieces = pieces
    }

    /// How many times `part` appears.
    package func count(of part: Part) -> Int {
        pieces.filter { $0 == .part(part) }.count
    }

    /// Writes a pattern's bytes with `#` as a random digit and `?` as a random upper-case letter; with
    /// `nonZeroFirst`, the first `#` is 1–9 (house numbers).
    @inlinable
    package static func fill(_ pattern: UnsafeBufferPointer<UInt8>, nonZeroFirst: Bool = false, _ context: EmitContext)
    {
        context.out.reserve(pattern.count)
        var first = nonZeroFirst
        for byte in pattern {
            switch byte {
            case UInt8(ascii: "#"):
                let digit = first ? 1 &+ context.rng.below(9) : context.rng.below(10)
                first = false
                context.out.append(0x30 &+ UInt8(truncatingIfNeeded: digit))
            case UInt8(ascii: "?"): context.out.append(0x41 &+ UInt8(truncatingIfNeeded: context.rng.below(26)))
            default: context.out.append(byte)
            }
        }
    }
}
