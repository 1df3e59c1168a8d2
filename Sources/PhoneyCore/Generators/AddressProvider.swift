/// Faker's `address` provider for the locale's own address shapes: streets, cities, states, postcodes, countries.
enum AddressProvider {
    /// Writes a building number from the locale's patterns; never with a leading zero.
    static func buildingNumber(_ locale: LocaleData, _ context: EmitContext) {
        let formats = locale.buildingNumberFormats
        FormatPattern.fill(formats.bytes(formats.pick(&context.rng)), nonZeroFirst: true, context)
    }

    /// A street name; en_US composes it from a name and a weighted street type.
    static func streetName(_ locale: LocaleData, _ context: EmitContext) {
        locale.streetNames.write(locale.streetNames.pick(&context.rng), to: &context.out)
        if locale.composedStreetNames {
            context.out.append(0x20)
            locale.streetSuffixes.write(locale.streetSuffixes.pick(&context.rng), to: &context.out)
        }
    }

    static func streetAddress(_ locale: LocaleData, _ context: EmitContext) {
        write(locale.streetAddressFormat, locale, city: 0, context)
    }

    static func secondaryAddress(_ locale: LocaleData, _ context: EmitContext) {
        FormatPattern.fill(locale.secondaryFormats.bytes(locale.secondaryFormats.pick(&context.rng)), context)
    }

    /// A five-digit ZIP code inside state row `state`'s prefix range (en_US).
    static func zip(_ locale: LocaleData, state: Int, _ context: EmitContext) {
        let low = UInt64(locale.zipRanges[state].lowerBound)
        let high = UInt64(locale.zipRanges[state].upperBound)
        let prefix = low + context.rng.below(high - low + 1)
        context.out.appendPadded(prefix * 100 + context.rng.below(100), width: 5)
    }

    /// The postcode of city row `city`: in its state's ZIP range (en_US) or from the city's own pattern.
    static func postcode(_ locale: LocaleData, city: Int, _ context: EmitContext) {
        if locale.zipRanges.isEmpty {
            FormatPattern.fill(locale.cities.bytes(city, 2), context)
        } else {
            zip(locale, state: locale.cityStateRow[city], context)
        }
    }

    /// Writes a locale address format for city row `city`, so city, region and postcode agree.
    static func write(_ pattern: FormatPattern, _ locale: LocaleData, city: Int, _ context: EmitContext) {
        for piece in pattern.pieces {
            switch piece {
            case .literal(let start, let count):
                pattern.writeLiteral(start: start, count: count, to: &context.out)
            case .part(let part):
                switch part {
                case .buildingNumber: buildingNumber(locale, context)
                case .streetName: streetName(locale, context)
                case .streetAddress:
                    write(locale.streetAddressFormat, locale, city: city, context)
                    if locale.composedStreetNames, context.rng.below(10) == 0 {
                        context.out.append(0x20)
                        secondaryAddress(locale, context)
                    }
                case .secondaryAddress: secondaryAddress(locale, context)
                case .postcode: postcode(locale, city: city, context)
                case .city: locale.cities.write(city, 0, to: &context.out)
                case .region: locale.states.write(locale.cityStateRow[city], 0, to: &context.out)
                case .regionAbbr: locale.states.write(locale.cityStateRow[city], 1, to: &context.out)
                case .first: PersonProvider.firstName(locale, .any, context)
                case .last: PersonProvider.lastName(locale, context)
                case .prefix, .suffix: break
                }
            }
        }
    }

    /// A full postal address in the locale's layout, with city, region and postcode that agree.
    static func address(_ locale: LocaleData, _ context: EmitContext) {
        write(locale.addressFormat, locale, city: locale.cities.pick(&context.rng), context)
    }

    /// A postcode of a random city (en_US: of a random state).
    static func anyPostcode(_ locale: LocaleData, _ context: EmitContext) {
        if locale.zipRanges.isEmpty {
            postcode(locale, city: locale.cities.pick(&context.rng), context)
        } else {
            zip(locale, state: context.rng.index(locale.states.rows), context)
        }
    }

    static func zipSpec(_ name: String, provider: String = "address") -> GeneratorSpec {
        GeneratorSpec(name, provider: provider, summary: "A postcode in the locale's format (a real region's range)") {
            _, locale in
            guard !locale.zipRanges.isEmpty else {
                return CompiledGenerator { context in anyPostcode(locale, context) }
            }
            return CompiledGenerator(
                uniqueDomain: 100_000,
                emitIndexed: { context, index in context.out.appendPadded(index, width: 5) },
                emit: { context in anyPostcode(locale, context) })
        }
    }

    static func inStateSpec(_ name: String) -> GeneratorSpec {
        GeneratorSpec(
            name, provider: "address", parameters: [.init("state_abbr", "string", "CA")],
            summary: "A ZIP code within the given state's range"
        ) { arguments, locale in
            let fallback = locale.zipRanges.isEmpty ? locale.states.text(0, 1) : "CA"
            let abbreviation = try arguments.string("state_abbr", default: fallback).uppercased()
            guard
                let state = (0..<locale.states.rows).first(where: {
                    locale.states.text($0, 1).uppercased() == abbreviation
                })
            else {
                let known = locale.states.allText(1).joined(separator: ", ")
                throw arguments.error("state_abbr", "must be one of \(known); got `\(abbreviation)`")
            }
            if !locale.zipRanges.isEmpty {
                return CompiledGenerator { context in zip(locale, state: state, context) }
            }
            let cities = (0..<locale.cities.rows).filter { locale.cityStateRow[$0] == state }
            return CompiledGenerator { context in
                postcode(locale, city: cities[context.rng.index(cities.count)], context)
            }
        }
    }

    static func text(
        _ name: String, _ summary: String, _ write: @escaping @Sendable (LocaleData, EmitContext) -> Void
    )
        -> GeneratorSpec
    {
        GeneratorSpec(name, provider: "address", summary: summary) { _, locale in
            CompiledGenerator { context in write(locale, context) }
        }
    }

    static let generators: [GeneratorSpec] = [
        GeneratorSpec("address", provider: "address", summary: "A full postal address in the locale's layout") {
            _, locale in
            CompiledGenerator(jsonSafe: false) { context in address(locale, context) }
        },
        GeneratorSpec("street_address", provider: "address", summary: "A building number and street") { _, locale in
            guard locale.composedStreetNames else {
                return CompiledGenerator(jsonSafe: locale.streetNames.isJSONSafe) { context in
                    streetAddress(locale, context)
                }
            }
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
        text("building_number", "A building number in the locale's style", buildingNumber),
        text("secondary_address", "An apartment or suite number", secondaryAddress),
        PersonProvider.table("street_suffix", provider: "address", "A street suffix (Street, Avenue…)") {
            $0.streetSuffixes
        },
        GeneratorSpec("city", provider: "address", summary: "A city name") { _, locale in
            let cities = locale.cities
            // Several states share a city name (Springfield): the unique form enumerates each name once, from a
            // table of distinct names the locale builds once.
            let distinct = locale.distinctCities
            return CompiledGenerator(
                jsonSafe: cities.isJSONSafe, uniqueDomain: UInt64(distinct.rows),
                emitIndexed: { context, index in distinct.write(Int(index), to: &context.out) },
                emit: { context in cities.write(cities.pick(&context.rng), to: &context.out) })
        },
        PersonProvider.table("state", provider: "address", "A state or region name") { $0.states },
        PersonProvider.table("administrative_unit", provider: "address", "A state or region name") { $0.states },
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
                anyPostcode(locale, context)
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
