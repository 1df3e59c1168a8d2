/// The tables one locale's generators draw from, built once per process on first use.
package final class LocaleData: Sendable {
    package let id: String
    package let firstNameMale: Table
    package let firstNameFemale: Table
    package let firstNameNonbinary: Table
    package let lastName: Table
    /// Female and male given names, distinct, unweighted (for unique values).
    package let firstNameAll: Table
    /// Lower-case ASCII forms of the name tables, row for row, for emails and user names.
    package let firstNameMaleASCII: Table
    package let firstNameFemaleASCII: Table
    package let lastNameASCII: Table
    /// The same forms deduplicated, so distinct rows spell distinctly (for unique values).
    package let distinctFirstASCII: Table
    package let distinctLastASCII: Table
    package let prefixMale: Table
    package let prefixFemale: Table
    package let prefixNonbinary: Table
    package let suffixMale: Table
    package let suffixFemale: Table
    package let suffixNonbinary: Table
    /// Name, abbreviation, lowest and highest 3-digit ZIP prefix.
    package let states: Table
    /// City, state abbreviation.
    package let cities: Table
    package let streetNames: Table
    package let streetSuffixes: Table
    package let secondaryFormats: Table
    /// Name, alpha-2, alpha-3.
    package let countries: Table
    package let companySuffixes: Table
    package let jobs: Table
    package let catchPhrase: (Table, Table, Table)
    package let bs: (Table, Table, Table)
    package let loremWords: Table
    package let freeEmailDomains: Table
    package let topLevelDomains: Table
    package let safeEmailDomains: Table
    /// Name, `#RRGGBB`.
    package let colorNames: Table
    package let safeColorNames: Table
    package let phoneFormats: Table
    /// Row of `states` for each row of `cities`.
    package let cityStateRow: [Int]
    /// Lowest and highest 3-digit ZIP prefix of each state row.
    package let zipRanges: [ClosedRange<Int>]
    package let countryName: String
    package let countryCode: String

    init(enUS: Void) {
        id = "en_US"
        firstNameMale = Table(EnUSData.firstNameMale, weightColumn: 1)
        firstNameFemale = Table(EnUSData.firstNameFemale, weightColumn: 1)
        firstNameNonbinary = Table(EnUSData.firstNameNonbinary, weightColumn: 1)
        lastName = Table(EnUSData.lastName, weightColumn: 1)
        firstNameAll = Table(rows: Array(Set(firstNameFemale.allText() + firstNameMale.allText())).sorted().map { [$0] })
        firstNameMaleASCII = Table(rows: firstNameMale.allText().map { [LocaleData.asciiToken($0)] })
        firstNameFemaleASCII = Table(rows: firstNameFemale.allText().map { [LocaleData.asciiToken($0)] })
        lastNameASCII = Table(rows: lastName.allText().map { [LocaleData.asciiToken($0)] })
        distinctFirstASCII = LocaleData.distinctTokens(firstNameMale.allText() + firstNameFemale.allText())
        distinctLastASCII = LocaleData.distinctTokens(lastName.allText())
        prefixMale = Table(EnUSData.prefixMale)
        prefixFemale = Table(EnUSData.prefixFemale)
        prefixNonbinary = Table(EnUSData.prefixNonbinary)
        suffixMale = Table(EnUSData.suffixMale)
        suffixFemale = Table(EnUSData.suffixFemale)
        suffixNonbinary = Table(EnUSData.suffixNonbinary)
        states = Table(EnUSData.states)
        cities = Table(EnUSData.cities)
        streetNames = Table(EnUSData.streetNames)
        streetSuffixes = Table(EnUSData.streetSuffixes, weightColumn: 1)
        secondaryFormats = Table(EnUSData.secondaryAddressFormats)
        countries = Table(EnUSData.countries)
        companySuffixes = Table(EnUSData.companySuffixes)
        jobs = Table(EnUSData.jobs)
        catchPhrase = (
            Table(EnUSData.catchPhraseAdjectives), Table(EnUSData.catchPhraseDescriptors),
            Table(EnUSData.catchPhraseNouns)
        )
        bs = (Table(EnUSData.bsVerbs), Table(EnUSData.bsAdjectives), Table(EnUSData.bsNouns))
        loremWords = Table(EnUSData.loremWords)
        freeEmailDomains = Table(EnUSData.freeEmailDomains)
        topLevelDomains = Table(EnUSData.topLevelDomains, weightColumn: 1)
        safeEmailDomains = Table(EnUSData.safeEmailDomains)
        colorNames = Table(EnUSData.colorNames)
        safeColorNames = Table(EnUSData.safeColorNames)
        phoneFormats = Table(EnUSData.phoneFormats, weightColumn: 1)
        let stateTable = states
        let cityTable = cities
        let stateRows = Dictionary(
            (0..<stateTable.rows).map { (stateTable.text($0, 1), $0) }, uniquingKeysWith: { first, _ in first })
        cityStateRow = (0..<cityTable.rows).map { stateRows[cityTable.text($0, 1)] ?? 0 }
        zipRanges = (0..<stateTable.rows).map {
            let low = Int(stateTable.text($0, 2)) ?? 0
            return low...max(low, Int(stateTable.text($0, 3)) ?? low)
        }
        countryName = "United States"
        countryCode = "US"
    }

    /// The lower-case ASCII letters of a name (`O'Brien` → `obrien`, `José` → `jose`), for addresses.
    static func asciiToken(_ name: String) -> String {
        var token = String.UnicodeScalarView()
        for scalar in name.lowercased().unicodeScalars {
            if scalar.isASCII {
                if scalar.properties.isAlphabetic { token.append(scalar) }
            } else if let base = latinBase[Character(scalar)] {
                token.append(contentsOf: base.unicodeScalars)
            }
        }
        return token.isEmpty ? "user" : String(token)
    }

    /// ASCII spellings of accented Latin letters.
    static let latinBase: [Character: String] = {
        var map: [Character: String] = ["ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ł": "l", "ı": "i"]
        let groups = [
            ("a", "àáâãäåāăą"), ("c", "çćĉċč"), ("e", "èéêëēĕėęě"), ("i", "ìíîïĩīĭį"), ("n", "ñńņňŉ"),
            ("o", "òóôõöōŏő"), ("u", "ùúûüũūŭůűų"), ("y", "ýÿŷ"), ("s", "śŝşš"), ("z", "źżž"), ("g", "ĝğġģ"),
            ("r", "ŕŗř"), ("t", "ţťŧ"), ("d", "ď"), ("l", "ĺļľŀ"), ("h", "ĥħ"), ("j", "ĵ"), ("k", "ķ"), ("w", "ŵ"),
        ]
        for (base, letters) in groups {
            for letter in letters { map[letter] = base }
        }
        return map
    }()

    /// `asciiToken` of each name, duplicates dropped.
    static func distinctTokens(_ names: [String]) -> Table {
        var seen: Set<String> = []
        var rows: [[String]] = []
        for name in names {
            let token = asciiToken(name)
            if seen.insert(token).inserted { rows.append([token]) }
        }
        return Table(rows: rows)
    }

    package static let enUS = LocaleData(enUS: ())

    /// The locales Phoney has data for.
    public static let supported = ["en_US"]

    /// The data of locale `id` (`en_US`, also written `en-US` or `en_us`).
    ///
    /// - Throws: `TemplateError` of kind `unsupported_locale` listing the supported locales.
    package static func named(_ id: String) throws(TemplateError) -> LocaleData {
        let normalized = id.replacing("-", with: "_")
        let parts = normalized.split(separator: "_")
        let canonical =
            parts.count == 2 ? parts[0].lowercased() + "_" + parts[1].uppercased() : normalized
        switch canonical {
        case "en_US", "en": return enUS
        default:
            throw TemplateError(
                .unsupportedLocale,
                "unsupported locale `\(id)`; supported: \(supported.joined(separator: ", "))",
                suggestions: supported)
        }
    }
}

/// The en_US tables, defined in `Locales/en_US/`.
package enum EnUSData {}
