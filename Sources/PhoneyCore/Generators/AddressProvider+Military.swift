extension AddressProvider {
    static let cityPrefixes = Table(rows: ["North", "East", "West", "South", "New", "Lake", "Port"].map { [$0] })
    static let citySuffixes = Table(
        rows: [
            "town", "ton", "land", "ville", "berg", "burgh", "borough", "bury", "view", "port", "mouth", "stad",
            "furt", "chester", "fort", "haven", "side", "shire",
        ].map { [$0] })
    /// Armed Forces "states": Americas, Europe (and Africa, the Middle East, Canada), Pacific.
    static let militaryStates = Table(rows: [["AA"], ["AE"], ["AP"]])
    static let shipPrefixes = Table(rows: [["USS"], ["USNS"], ["USNV"], ["USCGC"]])

    /// `first` then four digits, `second` then four digits; unique over the 10⁸ digit pairs.
    static func boxSpec(
        _ name: String, _ first: StaticString, _ second: StaticString, _ summary: String
    )
        -> GeneratorSpec
    {
        @Sendable func write(_ number: UInt64, _ out: inout ByteWriter) {
            out.append(contentsOf: first)
            out.appendPadded(number / 10_000, width: 4)
            out.append(contentsOf: second)
            out.appendPadded(number % 10_000, width: 4)
        }
        return GeneratorSpec(name, provider: "address", summary: summary) { _, _ in
            CompiledGenerator(
                uniqueDomain: 100_000_000,
                emitIndexed: { context, index in write(index, &context.out) },
                emit: { context in write(context.rng.below(100_000_000), &context.out) })
        }
    }

    static let militaryGenerators: [GeneratorSpec] = [
        PersonProvider.table("city_prefix", provider: "address", "A city name prefix: North, East, Lake, Port…") {
            _ in cityPrefixes
        },
        PersonProvider.table("city_suffix", provider: "address", "A city name suffix: town, ville, burgh, haven…") {
            _ in citySuffixes
        },
        boxSpec("military_apo", "PSC ", ", Box ", "An Army/Air Force post office box line, `PSC 1234, Box 5678`"),
        boxSpec("military_dpo", "Unit ", " Box ", "A diplomatic post office box line, `Unit 1234 Box 5678`"),
        PersonProvider.table("military_ship", provider: "address", "A ship name prefix: USS, USNS, USNV or USCGC") {
            _ in shipPrefixes
        },
        PersonProvider.table("military_state", provider: "address", "An Armed Forces state code: AA, AE or AP") {
            _ in militaryStates
        },
        GeneratorSpec("postalcode_plus4", provider: "address", summary: "A ZIP+4 code") { _, locale in
            CompiledGenerator { context in
                anyPostcode(locale, context)
                context.out.append(UInt8(ascii: "-"))
                context.out.appendPadded(1 + context.rng.below(9_999), width: 4)
            }
        },
    ]
}
