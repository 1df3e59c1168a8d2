extension InternetProvider {
    /// A set of IPv4 addresses as sorted, disjoint runs, so the k-th address is found without building the set.
    struct IPv4Space: Sendable {
        var starts: [UInt64] = []
        var counts: [UInt64] = []
        /// Shortest network prefix whose block stays inside the run (for `network=true`).
        var minPrefixes: [UInt64] = []
        var total: UInt64 = 0

        /// `[low, high)` runs minus the `excluded` runs.
        init(_ runs: [(UInt64, UInt64)], excluding excluded: [(UInt64, UInt64)]) {
            var pieces = runs
            for (cutLow, cutHigh) in excluded {
                var next: [(UInt64, UInt64)] = []
                for (low, high) in pieces {
                    if cutHigh <= low || cutLow >= high {
                        next.append((low, high))
                        continue
                    }
                    if low < cutLow { next.append((low, cutLow)) }
                    if cutHigh < high { next.append((cutHigh, high)) }
                }
                pieces = next
            }
            for (low, high) in pieces.sorted(by: { $0.0 < $1.0 }) where high > low {
                starts.append(low)
                counts.append(high - low)
                var prefix: UInt64 = 0
                while prefix < 32 {
                    let block = UInt64(1) << (32 - prefix)
                    if low % block == 0 && block <= high - low { break }
                    prefix += 1
                }
                minPrefixes.append(prefix)
                total += high - low
            }
        }

        /// The address at `offset` in `0..<total`, and the run it lies in.
        @inline(__always)
        func address(_ offset: UInt64) -> (UInt64, Int) {
            var rest = offset
            var run = 0
            while rest >= counts[run] {
                rest -= counts[run]
                run += 1
            }
            return (starts[run] + rest, run)
        }
    }

    static func block(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64, _ prefix: UInt64) -> (UInt64, UInt64) {
        let low = a << 24 | b << 16 | c << 8 | d
        return (low, low + (UInt64(1) << (32 - prefix)))
    }

    static let classRuns: [String: (UInt64, UInt64)] = [
        "a": block(0, 0, 0, 0, 1), "b": block(128, 0, 0, 0, 2), "c": block(192, 0, 0, 0, 3),
    ]
    static let privateRuns: [String: (UInt64, UInt64)] = [
        "a": block(10, 0, 0, 0, 8), "b": block(172, 16, 0, 0, 12), "c": block(192, 168, 0, 0, 16),
    ]
    /// Special-purpose networks no public address comes from (IANA registry), besides the private ones.
    static let reservedRuns: [(UInt64, UInt64)] = [
        block(0, 0, 0, 0, 8), block(100, 64, 0, 0, 10), block(127, 0, 0, 0, 8), block(169, 254, 0, 0, 16),
        block(192, 0, 0, 0, 24), block(192, 0, 2, 0, 24), block(192, 88, 99, 0, 24), block(198, 18, 0, 0, 15),
        block(198, 51, 100, 0, 24), block(203, 0, 113, 0, 24), block(224, 0, 0, 0, 4), block(240, 0, 0, 0, 4),
    ]

    enum Visibility {
        case any, privateOnly, publicOnly
    }

    /// The addresses `ipv4` draws from for an `address_class` (a, b, c or none) and visibility.
    static func ipv4Space(_ arguments: inout Arguments, _ visibility: Visibility) throws(TemplateError) -> IPv4Space {
        var addressClass = try arguments.string("address_class")?.lowercased()
        if addressClass == "none" { addressClass = nil }
        if let addressClass, classRuns[addressClass] == nil {
            throw arguments.error("address_class", "must be a, b or c, got `\(addressClass)`")
        }
        let all: [(UInt64, UInt64)] = [(0, UInt64(1) << 32)]
        let privates: [(UInt64, UInt64)] = ["a", "b", "c"].map { privateRuns[$0]! }
        let base: [(UInt64, UInt64)] = addressClass.map { [classRuns[$0]!] } ?? all
        switch visibility {
        case .any:
            return IPv4Space(base, excluding: [])
        case .privateOnly:
            let runs: [(UInt64, UInt64)] = addressClass.map { [privateRuns[$0]!] } ?? privates
            return IPv4Space(runs, excluding: [])
        case .publicOnly:
            return IPv4Space(base, excluding: reservedRuns + privates)
        }
    }

    static func writeDottedQuad(_ address: UInt64, _ out: inout ByteWriter) {
        out.appendDecimal(address >> 24 & 0xFF)
        out.append(UInt8(ascii: "."))
        out.appendDecimal(address >> 16 & 0xFF)
        out.append(UInt8(ascii: "."))
        out.appendDecimal(address >> 8 & 0xFF)
        out.append(UInt8(ascii: "."))
        out.appendDecimal(address & 0xFF)
    }

    static func ipv4Compiled(
        _ arguments: inout Arguments, _ visibility: Visibility
    ) throws(TemplateError)
        -> CompiledGenerator
    {
        let network = try arguments.bool("network", default: false)
        let space = try ipv4Space(&arguments, visibility)
        if network {
            return CompiledGenerator { context in
                let (address, run) = space.address(context.rng.below(space.total))
                let prefix = space.minPrefixes[run] + context.rng.below(33 - space.minPrefixes[run])
                let mask = prefix == 0 ? 0 : (UInt64(0xFFFF_FFFF) << (32 - prefix)) & 0xFFFF_FFFF
                writeDottedQuad(address & mask, &context.out)
                context.out.append(UInt8(ascii: "/"))
                context.out.appendDecimal(prefix)
            }
        }
        if space.total == UInt64(1) << 32 {
            return CompiledGenerator(
                uniqueDomain: space.total,
                emitIndexed: { context, index in writeDottedQuad(index, &context.out) },
                emit: { context in writeDottedQuad(context.rng.next() & 0xFFFF_FFFF, &context.out) })
        }
        return CompiledGenerator(
            uniqueDomain: space.total,
            emitIndexed: { context, index in writeDottedQuad(space.address(index).0, &context.out) },
            emit: { context in writeDottedQuad(space.address(context.rng.below(space.total)).0, &context.out) })
    }

    /// Writes an IPv6 address the way Python's `ipaddress` does: hextets without leading zeros, the longest run
    /// of two or more zero hextets (the first on a tie) written as `::`.
    static func writeIPv6(high: UInt64, low: UInt64, _ out: inout ByteWriter) {
        @inline(__always) func hextet(_ position: Int) -> UInt64 {
            position < 4
                ? high >> UInt64(48 - 16 * position) & 0xFFFF : low >> UInt64(48 - 16 * (position - 4)) & 0xFFFF
        }
        var bestStart = -1
        var bestLength = 1
        var runStart = -1
        for position in 0..<8 {
            if hextet(position) == 0 {
                if runStart < 0 { runStart = position }
                if position - runStart + 1 > bestLength {
                    bestStart = runStart
                    bestLength = position - runStart + 1
                }
            } else {
                runStart = -1
            }
        }
        var position = 0
        while position < 8 {
            if position == bestStart {
                out.append(UInt8(ascii: ":"))
                out.append(UInt8(ascii: ":"))
                position += bestLength
                continue
            }
            if position > 0 && position != bestStart + bestLength { out.append(UInt8(ascii: ":")) }
            let value = hextet(position)
            let digits = value >= 0x1000 ? 4 : value >= 0x100 ? 3 : value >= 0x10 ? 2 : 1
            out.appendHex(value, digits: digits)
            position += 1
        }
    }

    static let networkGenerators: [GeneratorSpec] = [
        GeneratorSpec(
            "ipv4", provider: "internet",
            parameters: [
                .init("network", "bool", "false"), .init("address_class", "string"), .init("private", "bool"),
            ],
            summary: "An IPv4 address; `private=true/false` restricts to private or public space"
        ) { arguments, _ in
            let privateText = try arguments.string("private")?.lowercased()
            switch privateText {
            case nil, "none": return try ipv4Compiled(&arguments, .any)
            case "true", "1", "yes": return try ipv4Compiled(&arguments, .privateOnly)
            case "false", "0", "no": return try ipv4Compiled(&arguments, .publicOnly)
            default: throw arguments.error("private", "must be true, false or none, got `\(privateText!)`")
            }
        },
        GeneratorSpec(
            "ipv4_private", provider: "internet",
            parameters: [.init("network", "bool", "false"), .init("address_class", "string")],
            summary: "A private IPv4 address (10/8, 172.16/12, 192.168/16)"
        ) { arguments, _ in try ipv4Compiled(&arguments, .privateOnly) },
        GeneratorSpec(
            "ipv4_public", provider: "internet",
            parameters: [.init("network", "bool", "false"), .init("address_class", "string")],
            summary: "A public IPv4 address (no private, loopback, multicast or reserved ones)"
        ) { arguments, _ in try ipv4Compiled(&arguments, .publicOnly) },
        GeneratorSpec(
            "ipv6", provider: "internet", parameters: [.init("network", "bool", "false")],
            summary: "An IPv6 address in compressed form"
        ) { arguments, _ in
            if try arguments.bool("network", default: false) {
                return CompiledGenerator { context in
                    let prefix = context.rng.below(129)
                    var high = context.rng.next()
                    var low = context.rng.next()
                    if prefix < 64 {
                        high = prefix == 0 ? 0 : high & (UInt64.max << (64 - prefix))
                        low = 0
                    } else if prefix < 128 {
                        low &= prefix == 64 ? 0 : UInt64.max << (128 - prefix)
                    }
                    writeIPv6(high: high, low: low, &context.out)
                    context.out.append(UInt8(ascii: "/"))
                    context.out.appendDecimal(prefix)
                }
            }
            return CompiledGenerator(
                uniqueDomain: .max,
                emitIndexed: { context, index in writeIPv6(high: context.rng.next(), low: index, &context.out) },
                emit: { context in writeIPv6(high: context.rng.next(), low: context.rng.next(), &context.out) })
        },
        GeneratorSpec(
            "mac_address", provider: "internet", parameters: [.init("multicast", "bool", "false")],
            summary: "A MAC address such as `3a:1f:07:c2:9e:44` (unicast unless `multicast=true`)"
        ) { arguments, _ in
            let multicast: UInt64 = try arguments.bool("multicast", default: false) ? 1 : 0
            @Sendable func write(_ bits: UInt64, _ out: inout ByteWriter) {
                let first = (bits >> 40 & 0xFE) | multicast
                out.appendHex(first, digits: 2)
                for shift in stride(from: 32, through: 0, by: -8) {
                    out.append(UInt8(ascii: ":"))
                    out.appendHex(bits >> UInt64(shift) & 0xFF, digits: 2)
                }
            }
            return CompiledGenerator(
                uniqueDomain: UInt64(1) << 47,
                emitIndexed: { context, index in write((index >> 40) << 41 | (index & 0xFF_FFFF_FFFF), &context.out) },
                emit: { context in write(context.rng.next(), &context.out) })
        },
        GeneratorSpec(
            "port_number", provider: "internet", type: .integer,
            parameters: [
                .init("is_system", "bool", "false"), .init("is_user", "bool", "false"),
                .init("is_dynamic", "bool", "false"),
            ],
            summary: "A TCP/UDP port: system (0–1023), user (1024–49151), dynamic (49152–65535) or any"
        ) { arguments, _ in
            let system = try arguments.bool("is_system", default: false)
            let user = try arguments.bool("is_user", default: false)
            let dynamic = try arguments.bool("is_dynamic", default: false)
            let range: ClosedRange<UInt64> =
                system ? 0...1023 : user ? 1024...49151 : dynamic ? 49152...65535 : 0...65535
            let low = range.lowerBound
            let count = range.upperBound - low + 1
            return CompiledGenerator(
                type: .integer, uniqueDomain: count,
                emitIndexed: { context, index in context.out.appendDecimal(low + index) },
                emit: { context in context.out.appendDecimal(low + context.rng.below(count)) })
        },
    ]
}
