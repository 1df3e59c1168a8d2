/// The tables one locale's generators draw from, built once per process on first use of the locale.
///
/// Every locale is described by a `LocaleSource`; what a locale has no data for comes from en_US.
package final class LocaleData: Sendable {
    package let id: String
    package let countryName: String
    package let countryCode: String
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
    /// Whether names of this locale take suffixes (Jr., PhD) and prefixes (Mr., Frau).
    package let hasSuffixes: Bool
    package let hasPrefixes: Bool
    package let nameFormat: FormatPattern
    /// Regions (states, Länder, prefectures): name, abbreviation (en_US adds its 3-digit ZIP prefix range).
    package let states: Table
    /// City, region abbreviation (and a postcode pattern outside en_US).
    package let cities: Table
    /// Row of `states` for each row of `cities`.
    package let cityStateRow: [Int]
    /// City names without repeats (for unique values).
    package let distinctCities: Table
    /// en_US: lowest and highest 3-digit ZIP prefix of each state row; empty elsewhere.
    package let zipRanges: [ClosedRange<Int>]
    package let streetNames: Table
    /// en_US street types (Street, Avenue); a street name is then `{name} {suffix}`.
    package let streetSuffixes: Table
    package let composedStreetNames: Bool
    package let secondaryFormats: Table
    package let buildingNumberFormats: Table
    package let streetAddressFormat: FormatPattern
    package let addressFormat: FormatPattern
    /// Name, alpha-2, alpha-3.
    package let countries: Table
    package let companySuffixes: Table
    /// Weighted company formats; `companyPatterns[row]` is row `row` parsed.
    package let companyFormats: Table
    package let companyPatterns: [FormatPattern]
    package let jobs: Table
    package let catchPhrase: (Table, Table, Table)
    package let bs: (Table, Table, Table)
    package let loremWords: Table
    /// What joins lorem words, and what ends a sentence (`" "` and `"."`; nothing and `"。"` in ja_JP).
    package let loremSeparator: [UInt8]
    package let loremStop: [UInt8]
    package let freeEmailDomains: Table
    package let topLevelDomains: Table
    package let safeEmailDomains: Table
    /// Name, `#RRGGBB`.
    package let colorNames: Table
    package let safeColorNames: Table
    package let phoneFormats: Table

    /// Builds a locale's tables; `fallback` supplies what `source` leaves out (nil only for en_US).
    init(_ source: LocaleSource, fallback: LocaleData?) {
        func table(_ data: StaticString?, weighted: Bool = false, _ inherited: (LocaleData) -> Table) -> Table {
            if let data { return Table(data, weightColumn: weighted ? 1 : nil) }
            guard let fallback else { preconditionFailure("en_US must define every table") }
            return inherited(fallback)
        }
        id = source.id
        countryName = source.countryName
        countryCode = source.countryCode
        firstNameMale = Table(source.firstNameMale, weightColumn: 1)
        firstNameFemale = Table(source.firstNameFemale, weightColumn: 1)
        lastName = Table(source.lastName, weightColumn: 1)
        let males = firstNameMale.allText()
        let females = firstNameFemale.allText()
        if let data = source.firstNameNonbinary {
            firstNameNonbinary = Table(data, weightColumn: 1)
        } else {
            firstNameNonbinary = Table(rows: Array(Set(males + females)).sorted().map { [$0] })
        }
        firstNameAll = Table(rows: Array(Set(females + males)).sorted().map { [$0] })
        let maleLatin = source.firstNameMaleLatin.map { Table($0).allText() } ?? males
        let femaleLatin = source.firstNameFemaleLatin.map { Table($0).allText() } ?? females
        let lastLatin = source.lastNameLatin.map { Table($0).allText() } ?? lastName.allText()
        firstNameMaleASCII = Table(rows: maleLatin.map { [LocaleData.asciiToken($0)] })
        firstNameFemaleASCII = Table(rows: femaleLatin.map { [LocaleData.asciiToken($0)] })
        lastNameASCII = Table(rows: lastLatin.map { [LocaleData.asciiToken($0)] })
        distinctFirstASCII = LocaleData.distinctTokens(maleLatin + femaleLatin)
        distinctLastASCII = LocaleData.distinctTokens(lastLatin)
        hasPrefixes = source.prefixMale != nil
        prefixMale = table(source.prefixMale) { $0.prefixMale }
        prefixFemale = table(source.prefixFemale) { $0.prefixFemale }
        prefixNonbinary = table(source.prefixNonbinary) { _ in Table(rows: [[""]]) }
        hasSuffixes = source.suffixMale != nil
        suffixMale = table(source.suffixMale) { $0.suffixMale }
        suffixFemale = table(source.suffixFemale) { $0.suffixFemale }
        suffixNonbinary = table(source.suffixNonbinary) { $0.suffixNonbinary }
        nameFormat = FormatPattern(source.nameFormat)
        let regions = Table(source.regions)
        let places = Table(source.cities)
        states = regions
        cities = places
        let regionRows = Dictionary(
            (0..<regions.rows).map { (regions.text($0, 1), $0) }, uniquingKeysWith: { first, _ in first })
        cityStateRow = (0..<places.rows).map { regionRows[places.text($0, 1)] ?? 0 }
        distinctCities = Table(rows: Array(Set(places.allText())).sorted().map { [$0] })
        zipRanges =
            regions.columns >= 4
            ? (0..<regions.rows).map {
                let low = Int(regions.text($0, 2)) ?? 0
                return low...max(low, Int(regions.text($0, 3)) ?? low)
            } : []
        streetNames = Table(source.streetNames)
        composedStreetNames = source.streetSuffixes != nil
        streetSuffixes = table(source.streetSuffixes, weighted: true) { $0.streetSuffixes }
        secondaryFormats = table(source.secondaryAddressFormats) { $0.secondaryFormats }
        buildingNumberFormats = Table(source.buildingNumberFormats)
        streetAddressFormat = FormatPattern(source.streetAddressFormat)
        addressFormat = FormatPattern(source.addressFormat)
        countries = table(source.countries) { $0.countries }
        companySuffixes = Table(source.companySuffixes)
        let formats = Table(source.companyFormats, weightColumn: 1)
        companyFormats = formats
        companyPatterns = formats.allText().map { FormatPattern($0) }
        jobs = table(source.jobs) { $0.jobs }
        catchPhrase = (
            table(source.catchPhraseAdjectives) { $0.catchPhrase.0 },
            table(source.catchPhraseDescriptors) { $0.catchPhrase.1 },
            table(source.catchPhraseNouns) { $0.catchPhrase.2 }
        )
        bs = (
            table(source.bsVerbs) { $0.bs.0 }, table(source.bsAdjectives) { $0.bs.1 },
            table(source.bsNouns) { $0.bs.2 }
        )
        loremWords = table(source.loremWords) { $0.loremWords }
        let ownLorem = source.loremWords != nil && source.id == "ja_JP"
        loremSeparator = ownLorem ? [] : [0x20]
        loremStop = ownLorem ? Array("。".utf8) : [UInt8(ascii: ".")]
        freeEmailDomains = table(source.freeEmailDomains) { $0.freeEmailDomains }
        topLevelDomains = table(source.topLevelDomains, weighted: true) { $0.topLevelDomains }
        safeEmailDomains = table(source.safeEmailDomains) { $0.safeEmailDomains }
        colorNames = table(source.colorNames) { $0.colorNames }
        safeColorNames = table(source.safeColorNames) { $0.safeColorNames }
        phoneFormats = Table(source.phoneFormats, weightColumn: 1)
    }

    /// The lower-case ASCII letters of a name (`O'Brien` → `obrien`, `José` → `jose`), for addresses.
    static func asciiToken(_ name: String) -> String {
        // Most names are plain ASCII: keep the letters, lower-cased, without looking at Unicode properties.
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(name.utf8.count)
            for byte in name.utf8 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"): bytes.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte | 0x20)
                default: continue
                }
            }
            return bytes.isEmpty ? "user" : String(decoding: bytes, as: UTF8.self)
        }
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

    package static let enUS = LocaleData(EnUSData.source, fallback: nil)
    static let enGB = LocaleData(EnGBData.source, fallback: enUS)
    static let deDE = LocaleData(DeDEData.source, fallback: enUS)
    static let frFR = LocaleData(FrFRData.source, fallback: enUS)
    static let esES = LocaleData(EsESData.source, fallback: enUS)
    static let itIT = LocaleData(ItITData.source, fallback: enUS)
    static let ptBR = LocaleData(PtBRData.source, fallback: enUS)
    static let jaJP = LocaleData(JaJPData.source, fallback: enUS)

    /// The locales Phoney has data for.
    public static let supported = ["de_DE", "en_GB", "en_US", "es_ES", "fr_FR", "it_IT", "ja_JP", "pt_BR"]

    /// The data of locale `id` (`en_US`, also written `en-US` or `en_us`; a bare language picks its main country).
    ///
    /// - Throws: `TemplateError` of kind `unsupported_locale` listing the supported locales.
    package static func named(_ id: String) throws(TemplateError) -> LocaleData {
        let parts = id.trimmingWhitespace().replacing("-", with: "_").split(separator: "_")
        let canonical =
            parts.count == 2 ? parts[0].lowercased() + "_" + parts[1].uppercased() : parts.first?.lowercased() ?? ""
        switch canonical {
        case "en_US", "en": return enUS
        case "en_GB": return enGB
        case "de_DE", "de": return deDE
        case "fr_FR", "fr": return frFR
        case "es_ES", "es": return esES
        case "it_IT", "it": return itIT
        case "pt_BR", "pt": return ptBR
        case "ja_JP", "ja": return jaJP
        default:
            throw TemplateError(
                .unsupportedLocale,
                "unsupported locale `\(id)`; supported: \(supported.joined(separator: ", "))",
                suggestions: supported.filter { $0.hasPrefix(String(canonical.prefix(2))) })
        }
    }
}
