/// Faker's `address` provider for the locale's own address shapes: streets, cities, states, postcodes, countries.
enum AddressProvider {
    /// Writes a building number of 3 to 5 digits (Faker's `###`, `####`, `#####`), without a leading zero.
    static func buildingNumber(_ context: EmitContext) {
        let digits = 3 + context.rng.below(3)
        var low: UInt64 = 1
        for _ in 1..<digits { low *= 10 }
        context.out.appendDecimal(low + context.rng.below(low * 9))
    }

    static func streetName(_ locale: LocaleData, _ context: EmitContext) {
        locale.streetNames.write(locale.streetNames.pick(&context.rng), to: &context.out)
        context.out.append(0x20)
        locale.streetSuffixes.write(locale.streetSuffixes.pick(&context.rng), to: &context.out)
    }

    static func streetAddress(_ locale: LocaleData, _ context: EmitContext) {
        buildingNumber(context)
        context.out.append(0x20)
        streetName(locale, context)
    }

    static func secondaryAddress(_ locale: LocaleData, _ context: EmitContext) {
        let format = locale.secondaryFormats.bytes(locale.secondaryFormats.pick(&context.rng))
        for byte in format {
            if byte == UInt8(ascii: "#") {
                context.out.append(0x30 &+ UInt8(truncatingIfNeeded: context.rng.below(10)))
            } else {
                context.out.append(byte)
            }
        }
    }

    /// A five-digit ZIP code inside state row `state`'s prefix range.
    static func zip(_ locale: LocaleData, state: Int, _ context: EmitContext) {
        let low = UInt64(locale.zipRanges[state].lowerBound)
        let high = UInt64(locale.zipRanges[state].upperBound)
        let prefix = low + context.rng.below(high - low + 1)
        context.out.appendPadded(prefix * 100 + context.rng.below(100), width: 5)
    }

    /// `street\ncity, ST 12345`, with city, state and ZIP that agree.
    static func address(_ locale: LocaleData, _ context: EmitContext) {
        streetAddress(locale, context)
        if context.rng.below(10) == 0 {
            context.out.append(0x20)
            secondaryAddress(locale, context)
        }
        context.out.append(0x0A)
        let city = locale.cities.pick(&context.rng)
        let state = locale.cityStateRow[city]
        locale.cities.write(city, to: &context.out)
        context.out.append(0x2C)
        context.out.append(0x20)
        locale.states.write(state, 1, to: &context.out)
        context.out.append(0x20)
        zip(locale, state: state, context)
    }

    static func zipSpec(_ name: String, provider: String = "address") -> GeneratorSpec {
        GeneratorSpec(name, provider: provider, summary: "A five-digit ZIP code from a real state's range") { _, locale in
            CompiledGenerator(
                uniqueDomain: 100_000,
                emitIndexed: { context, index in context.out.appendPadded(index, width: 5) },
                emit: { context in zip(locale, state: context.rng.index(locale.states.rows), context) })
        }
    }

    static func inStateSpec(_ name: String) -> GeneratorSpec {
        GeneratorSpec(
            name, provider: "address", parameters: [.init("state_abbr", "string", "CA")],
            summary: "A ZIP code within the given state's range"
        ) { arguments, locale in
            let abbreviation = try arguments.string("state_abbr", default: "CA").uppercased()
            guard let state = (0..<locale.states.rows).first(where: { locale.states.text($0, 1) == abbreviation }) else {
                throw arguments.error("state_abbr", "must be a state abbreviation like CA or NY, got `\(abbreviation)`")
            }
            return CompiledGenerator { context in zip(locale, state: state, context) }
        }
    }

    static func text(_ name: String, _ summary: String, _ write: @escaping @Sendable (LocaleData, EmitContext) -> Void)
        -> GeneratorSpec
    {
        GeneratorSpec(name, provider: "address", summary: summary) { _, locale in
            CompiledGenerator { context in write(locale, context) }
        }
    }

    static let generators: [GeneratorSpec] = [
        GeneratorSpec("address", provider: "address", summary: "A full postal address on two lines") { _, locale in
            CompiledGenerator(jsonSafe: false) { context in address(locale, context) }
        },
        GeneratorSpec("street_address", provider: "address", summary: "A building number and street") { _, locale in
            let names = locale.streetNames
            let suffixes = locale.streetSuffixes
            let streets = UInt64(names.rows * suffixes.rows)
            return CompiledGenerator(
                uniqueDomain: 99_900 * streets,
                emitIndexed: { context, index in
                    context.out.appendDecimal(100 + index / streets)
                    context.out.append(0x20)
                    names.write(Int(index % streets) / suffixes.rows, to: &context.out)
                    context.out.append(0x20)
                    suffixes.write(Int(index % streets) % suffixes.rows, to: &context.out)
                },
                emit: { context in streetAddress(locale, context) })
        },
        text("street_name", "A street name with its suffix", streetName),
        text("building_number", "A building number of 3 to 5 digits") { _, context in buildingNumber(context) },
        text("secondary_address", "An apartment or suite number", secondaryAddress),
        PersonProvider.table("street_suffix", provider: "address", "A street suffix (Street, Avenue…)") {
            $0.streetSuffixes
        },
        PersonProvider.table("city", provider: "address", "A city name") { $0.cities },
        PersonProvider.table("state", provider: "address", "A state name") { $0.states },
        PersonProvider.table("administrative_unit", provider: "address", "A state name") { $0.states },
        GeneratorSpec("state_abbr", provider: "address", summary: "A two-letter state abbreviation") { _, locale in
            let states = locale.states
            return CompiledGenerator(
                uniqueDomain: UInt64(states.rows),
                emitIndexed: { context, index in states.write(Int(index), 1, to: &context.out) },
                emit: { context in states.write(states.pick(&context.rng), 1, to: &context.out) })
        },
        zipSpec("zipcode"), zipSpec("postcode"), zipSpec("postalcode"),
        inStateSpec("zipcode_in_state"), inStateSpec("postcode_in_state"), inStateSpec("postalcode_in_state"),
        GeneratorSpec("zipcode_plus4", provider: "address", summary: "A ZIP+4 code") { _, locale in
            CompiledGenerator { context in
                zip(locale, state: context.rng.index(locale.states.rows), context)
                context.out.append(UInt8(ascii: "-"))
                context.out.appendPadded(1 + context.rng.below(9999), width: 4)
            }
        },
        GeneratorSpec("country", provider: "address", summary: "A country name") { _, locale in
            let countries = locale.countries
            return CompiledGenerator(
                jsonSafe: countries.isJSONSafe, uniqueDomain: UInt64(countries.rows),
                emitIndexed: { context, index in countries.write(Int(index), 0, to: &context.out) },
                emit: { context in countries.write(countries.pick(&context.rng), 0, to: &context.out) })
        },
        GeneratorSpec(
            "country_code", provider: "address", parameters: [.init("representation", "string", "alpha-2")],
            summary: "An ISO 3166-1 country code"
        ) { arguments, locale in
            let representation = try arguments.string("representation", default: "alpha-2")
            guard representation == "alpha-2" || representation == "alpha-3" else {
                throw arguments.error("representation", "must be alpha-2 or alpha-3, got `\(representation)`")
            }
            let column = representation == "alpha-2" ? 1 : 2
            let countries = locale.countries
            return CompiledGenerator(
                uniqueDomain: UInt64(countries.rows),
                emitIndexed: { context, index in countries.write(Int(index), column, to: &context.out) },
                emit: { context in countries.write(countries.pick(&context.rng), column, to: &context.out) })
        },
        text("current_country", "The locale's country") { locale, context in
            context.out.append(string: locale.countryName)
        },
        text("current_country_code", "The locale's ISO country code") { locale, context in
            context.out.append(string: locale.countryCode)
        },
    ]
}
