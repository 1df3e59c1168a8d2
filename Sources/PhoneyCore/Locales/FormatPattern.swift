/// A locale format such as `{street_address}\n{postcode} {city}`, split once into literal bytes and parts.
///
/// Patterns are made once per locale and live as long as the process, like `Table`s: pieces and literal bytes sit
/// in memory that is never freed, so writing a pattern costs no reference counting.
package struct FormatPattern: @unchecked Sendable {
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

    /// A run of literal bytes (`start..<start+count` of `literals`) or a part; no payload needs reference counting.
    package enum Piece: Sendable, Equatable {
        case literal(start: Int, count: Int)
        case part(Part)
    }

    private let pieceStart: UnsafePointer<Piece>
    private let pieceCount: Int
    private let literalBytes: UnsafePointer<UInt8>

    /// The pattern's pieces, in order.
    package var pieces: UnsafeBufferPointer<Piece> { UnsafeBufferPointer(start: pieceStart, count: pieceCount) }

    package init(_ format: String) {
        var pieces: [Piece] = []
        var literals: [UInt8] = []
        var literal: [UInt8] = []
        func flush() {
            guard !literal.isEmpty else { return }
            pieces.append(.literal(start: literals.count, count: literal.count))
            literals.append(contentsOf: literal)
            literal = []
        }
        var rest = Substring(format)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            literal.append(contentsOf: rest[..<open].utf8)
            if let part = Part(rawValue: String(rest[rest.index(after: open)..<close])) {
                flush()
                pieces.append(.part(part))
            } else {
                literal.append(contentsOf: rest[open...close].utf8)
            }
            rest = rest[rest.index(after: close)...]
        }
        literal.append(contentsOf: rest.utf8)
        flush()
        self.pieceStart = Table.immortal(pieces)
        self.pieceCount = pieces.count
        // Padded, so short literal runs are copied as whole words.
        self.literalBytes = Table.immortal(literals + repeatElement(0, count: ByteWriter.overRead))
    }

    /// Writes literal run `start..<start+count`.
    @inline(__always)
    package func writeLiteral(start: Int, count: Int, to out: inout ByteWriter) {
        out.append(overReadable: literalBytes + start, count: count)
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
