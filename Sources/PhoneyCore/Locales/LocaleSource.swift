/// The raw data of one locale: tab-separated tables and format strings, turned into `LocaleData` on first use.
///
/// A nil table means the locale has no data of that kind and falls back to en_US.
///
/// Format strings use `{name}` for a part and, inside patterns, `#` for a digit and `?` for an upper-case letter.
package struct LocaleSource: Sendable {
    package var id: String
    package var countryName: String
    package var countryCode: String
    /// Weighted: `Name\tweight`.
    package var firstNameMale: StaticString
    package var firstNameFemale: StaticString
    package var lastName: StaticString
    /// Latin spellings aligned row for row with the name tables, for emails and user names where the names are
    /// not in Latin script (ja_JP). Nil: the names themselves are folded to ASCII.
    package var firstNameMaleLatin: StaticString? = nil
    package var firstNameFemaleLatin: StaticString? = nil
    package var lastNameLatin: StaticString? = nil
    package var prefixMale: StaticString? = nil
    package var prefixFemale: StaticString? = nil
    /// `{first}`, `{last}`, `{prefix}`: how a full name is written (`{last} {first}` in ja_JP).
    package var nameFormat: String = "{first} {last}"
    /// `Region name\tabbreviation` (states, Länder, régions, provinces, prefectures, counties).
    package var regions: StaticString
    /// `City\tregion abbreviation\tpostcode pattern` (e.g. `München\tBY\t80###`).
    package var cities: StaticString
    /// Full street names including their type (`Hauptstraße`, `rue de la Paix`, `Via Roma`).
    package var streetNames: StaticString
    /// Patterns for building numbers, one per line (`##`, `#`, `###`, `##a`).
    package var buildingNumberFormats: StaticString
    /// `{building_number}`, `{street_name}`: e.g. `{street_name} {building_number}`.
    package var streetAddressFormat: String
    /// `{street_address}`, `{postcode}`, `{city}`, `{region}`, `{region_abbr}`: e.g. `{street_address}\n{postcode} {city}`.
    package var addressFormat: String
    /// Weighted phone patterns: `+49 ### #######\t2`.
    package var phoneFormats: StaticString
    package var companySuffixes: StaticString
    /// `{last}`, `{suffix}`: e.g. `{last} {suffix}` or `{last} & {last}`; one format per line, weighted.
    package var companyFormats: StaticString
    package var jobs: StaticString? = nil
    /// Free email domains of the country (`web.de`, `orange.fr`).
    package var freeEmailDomains: StaticString? = nil
    /// Words for lorem text where the locale has its own (ja_JP); nil uses Latin lorem.
    package var loremWords: StaticString? = nil

    // The tables below are en_US's; other locales leave them nil and share en_US's.

    package var firstNameNonbinary: StaticString? = nil
    package var prefixNonbinary: StaticString? = nil
    /// Name suffixes (Jr., PhD); a locale without them writes none.
    package var suffixMale: StaticString? = nil
    package var suffixFemale: StaticString? = nil
    package var suffixNonbinary: StaticString? = nil
    /// Weighted street types (`Street\t10`); when present a street name is `{name} {suffix}`.
    package var streetSuffixes: StaticString? = nil
    /// Apartment and suite patterns (`Apt. ###`).
    package var secondaryAddressFormats: StaticString? = nil
    /// `Name\tAA\tAAA`.
    package var countries: StaticString? = nil
    package var catchPhraseAdjectives: StaticString? = nil
    package var catchPhraseDescriptors: StaticString? = nil
    package var catchPhraseNouns: StaticString? = nil
    package var bsVerbs: StaticString? = nil
    package var bsAdjectives: StaticString? = nil
    package var bsNouns: StaticString? = nil
    /// Weighted: `com\t6`.
    package var topLevelDomains: StaticString? = nil
    package var safeEmailDomains: StaticString? = nil
    /// `Name\t#RRGGBB`.
    package var colorNames: StaticString? = nil
    package var safeColorNames: StaticString? = nil
}
