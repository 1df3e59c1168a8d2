extension MiscProvider {
    /// Locale codes (`en_US`) grouped by language; a pick takes a language evenly, then one of its countries, as
    /// Faker's `locale` does.
    struct LocaleCodes: Sendable {
        /// `en_US`, `en-US`.
        let codes: Table
        let languages: Table
        let ranges: [(start: Int, count: Int)]

        init(_ groups: [(String, String)]) {
            var rows: [[String]] = []
            var ranges: [(start: Int, count: Int)] = []
            for (language, countries) in groups {
                let members = countries.split(separator: " ")
                ranges.append((rows.count, members.count))
                rows += members.map { ["\(language)_\($0)", "\(language)-\($0)"] }
            }
            codes = Table(rows: rows)
            languages = Table(rows: groups.map { [$0.0] })
            self.ranges = ranges
        }

        func pick(_ rng: inout PhoneyRandom) -> Int {
            let range = ranges[rng.index(ranges.count)]
            return range.start + rng.index(range.count)
        }

        /// Writes a random locale code; `hyphen` spells it `en-US`, as browsers do.
        func write(hyphen: Bool, _ context: EmitContext) {
            codes.write(pick(&context.rng), hyphen ? 1 : 0, to: &context.out)
        }
    }

    /// Languages with the countries whose locales (glibc's list) speak them.
    static let localeCodes = LocaleCodes([
        ("aa", "DJ ER ET"), ("af", "ZA"), ("am", "ET"), ("an", "ES"),
        ("ar", "AE BH DZ EG IN IQ JO KW LB LY MA OM QA SA SD SS SY TN YE"), ("as", "IN"), ("ast", "ES"),
        ("az", "AZ"), ("be", "BY"), ("bg", "BG"), ("bn", "BD IN"), ("bo", "CN IN"), ("br", "FR"), ("bs", "BA"),
        ("ca", "AD ES FR IT"), ("cs", "CZ"), ("cy", "GB"), ("da", "DK"), ("de", "AT BE CH DE LI LU"),
        ("el", "CY GR"), ("en", "AG AU BW CA DK GB HK IE IN NG NZ PH SG US ZA ZM ZW"),
        ("es", "AR BO CL CO CR CU DO EC ES GT HN MX NI PA PE PR PY SV US UY VE"), ("et", "EE"), ("eu", "ES FR"),
        ("fa", "IR"), ("fi", "FI"), ("fil", "PH"), ("fo", "FO"), ("fr", "BE CA CH FR LU"), ("fy", "DE NL"),
        ("ga", "IE"), ("gd", "GB"), ("gl", "ES"), ("gu", "IN"), ("ha", "NG"), ("he", "IL"), ("hi", "IN"),
        ("hr", "HR"), ("hu", "HU"), ("hy", "AM"), ("id", "ID"), ("ig", "NG"), ("is", "IS"), ("it", "CH IT"),
        ("ja", "JP"), ("ka", "GE"), ("kk", "KZ"), ("km", "KH"), ("kn", "IN"), ("ko", "KR"), ("ku", "TR"),
        ("ky", "KG"), ("lb", "LU"), ("lo", "LA"), ("lt", "LT"), ("lv", "LV"), ("mi", "NZ"), ("mk", "MK"),
        ("ml", "IN"), ("mn", "MN"), ("mr", "IN"), ("ms", "MY"), ("mt", "MT"), ("my", "MM"), ("nb", "NO"),
        ("ne", "NP"), ("nl", "AW BE NL"), ("nn", "NO"), ("pa", "IN PK"), ("pl", "PL"), ("ps", "AF"),
        ("pt", "BR PT"), ("ro", "RO"), ("ru", "RU UA"), ("rw", "RW"), ("si", "LK"), ("sk", "SK"), ("sl", "SI"),
        ("so", "DJ ET KE SO"), ("sq", "AL MK"), ("sr", "ME RS"), ("sv", "FI SE"), ("sw", "KE TZ"), ("ta", "IN LK"),
        ("te", "IN"), ("th", "TH"), ("tk", "TM"), ("tl", "PH"), ("tr", "CY TR"), ("uk", "UA"), ("ur", "IN PK"),
        ("uz", "UZ"), ("vi", "VN"), ("wo", "SN"), ("xh", "ZA"), ("yo", "NG"), ("zh", "CN HK SG TW"), ("zu", "ZA"),
    ])

    /// Languages by their English names.
    static let languageNames = Table(
        rows: [
            "Afrikaans", "Albanian", "Amharic", "Arabic", "Armenian", "Assamese", "Azerbaijani", "Basque",
            "Belarusian", "Bengali", "Bosnian", "Breton", "Bulgarian", "Burmese", "Catalan", "Cherokee", "Chinese",
            "Cornish", "Croatian", "Czech", "Danish", "Dutch", "English", "Esperanto", "Estonian", "Faroese",
            "Fijian", "Finnish", "French", "Frisian", "Galician", "Georgian", "German", "Greek", "Guarani",
            "Gujarati", "Haitian Creole", "Hausa", "Hawaiian", "Hebrew", "Hindi", "Hungarian", "Icelandic", "Igbo",
            "Indonesian", "Inuktitut", "Irish", "Italian", "Japanese", "Javanese", "Kannada", "Kazakh", "Khmer",
            "Kinyarwanda", "Korean", "Kurdish", "Kyrgyz", "Lao", "Latin", "Latvian", "Lithuanian", "Luxembourgish",
            "Macedonian", "Malagasy", "Malay", "Malayalam", "Maltese", "Maori", "Marathi", "Mongolian", "Navajo",
            "Nepali", "Norwegian", "Occitan", "Pashto", "Persian", "Polish", "Portuguese", "Punjabi", "Quechua",
            "Romanian", "Romansh", "Russian", "Samoan", "Sanskrit", "Scottish Gaelic", "Serbian", "Shona", "Sindhi",
            "Sinhala", "Slovak", "Slovenian", "Somali", "Spanish", "Swahili", "Swedish", "Tagalog", "Tajik", "Tamil",
            "Tatar", "Telugu", "Thai", "Tibetan", "Tigrinya", "Tongan", "Turkish", "Turkmen", "Ukrainian", "Urdu",
            "Uzbek", "Vietnamese", "Welsh", "Wolof", "Xhosa", "Yiddish", "Yoruba", "Zulu",
        ].map { [$0] })

    static let localeGenerators: [GeneratorSpec] = [
        GeneratorSpec("locale", provider: "misc", summary: "A locale code such as `en_US` or `pt_BR`") { _, _ in
            let locales = localeCodes
            return CompiledGenerator(
                uniqueDomain: UInt64(locales.codes.rows),
                emitIndexed: { context, index in locales.codes.write(Int(index), 0, to: &context.out) },
                emit: { context in locales.write(hyphen: false, context) })
        },
        PersonProvider.table("language_code", provider: "misc", "An ISO 639 language code such as `en`") { _ in
            localeCodes.languages
        },
        PersonProvider.table("language_name", provider: "misc", "A language's English name, such as `Swahili`") {
            _ in languageNames
        },
    ]
}
