import Testing

@testable import PhoneyCore

/// Phoney covers Faker 22.7's en_US data generators by name, with Faker's provider names.
struct CatalogCoverageTests {
    /// The data generators of Faker 22.7 with the en_US locale (files, binary blobs and Python objects excluded),
    /// and the pattern and list methods of its base provider (`bothify`, `random_elements`, …).
    static let fakerNames: [String] = """
        aba address administrative_unit am_pm android_platform_token ascii_company_email ascii_email
        ascii_free_email ascii_safe_email bank_country basic_phone_number bban boolean bs building_number
        catch_phrase century chrome city city_prefix city_suffix color color_hsl color_hsv color_name color_rgb
        color_rgb_float company company_email company_suffix coordinate country country_calling_code country_code
        credit_card_expire credit_card_full credit_card_number credit_card_provider credit_card_security_code
        cryptocurrency cryptocurrency_code cryptocurrency_name currency currency_code currency_name currency_symbol
        current_country current_country_code date date_between date_between_dates date_of_birth date_this_century
        date_this_decade date_this_month date_this_year date_time date_time_between date_time_between_dates
        date_time_this_century date_time_this_decade date_time_this_month date_time_this_year day_of_month
        day_of_week dga domain_name domain_word ean ean13 ean8 ein email emoji file_extension file_name file_path
        firefox first_name first_name_female first_name_male first_name_nonbinary free_email free_email_domain
        future_date future_datetime hex_color hostname http_method http_status_code iana_id iban image_url
        internet_explorer invalid_ssn ios_platform_token ipv4 ipv4_network_class ipv4_private ipv4_public ipv6
        isbn10 isbn13 iso8601 itin job language_code language_name last_name last_name_female last_name_male
        last_name_nonbinary latitude latlng license_plate linux_platform_token linux_processor local_latlng locale
        localized_ean localized_ean13 localized_ean8 location_on_land longitude mac_address mac_platform_token
        mac_processor md5 military_apo military_dpo military_ship military_state mime_type month month_name msisdn
        name name_female name_male name_nonbinary nic_handle nic_handles null_boolean opera paragraph paragraphs
        passport_dates passport_dob passport_full passport_gender passport_number passport_owner password past_date
        past_datetime phone_number port_number postalcode postalcode_in_state postalcode_plus4 postcode
        postcode_in_state prefix prefix_female prefix_male prefix_nonbinary pricetag profile pybool pydecimal
        pyfloat pyint pystr random_digit random_digit_above_two random_digit_not_null random_digit_not_null_or_empty
        random_digit_or_empty random_element random_int random_letter random_letters random_lowercase_letter
        random_number random_uppercase_letter rgb_color rgb_css_color ripe_id safari safe_color_name
        safe_domain_name safe_email safe_hex_color sbn9 secondary_address sentence sentences sha1 sha256
        simple_profile slug ssn state state_abbr street_address street_name street_suffix suffix suffix_female
        suffix_male suffix_nonbinary swift swift11 swift8 text texts time timezone tld unix_device unix_partition
        unix_time upc_a upc_e uri uri_extension uri_path url user_agent user_name uuid4 vin windows_platform_token
        word words year zipcode zipcode_in_state zipcode_plus4
        bothify hexify lexify numerify random_choices random_elements random_sample
        """.split(whereSeparator: \.isWhitespace).map(String.init)

    @Test func listIsDistinct() {
        #expect(Set(Self.fakerNames).count == Self.fakerNames.count)
        #expect(Self.fakerNames.count == 246)
    }

    static func spec(_ name: String) -> GeneratorSpec? {
        Catalog.specs.first { $0.name == name }
    }

    /// Each name is a generator of its own; written bare it resolves (to the original Phoney's alias target where
    /// one shadows it, as `color` → `color_name`), and qualified by its provider it reaches the Faker generator.
    @Test(arguments: fakerNames)
    func nameIsInCatalog(_ name: String) throws {
        #expect(Catalog.names.contains(name), "`\(name)` is not a catalog generator")
        let spec = try #require(Self.spec(name))
        #expect(Catalog.lookup(name) != nil)
        #expect(Catalog.lookup("\(spec.provider).\(name)")?.name == name)
        #expect(!spec.summary.isEmpty, "`\(name)` has no summary")
    }

    /// Every Faker generator compiles with its defaults and writes a value of its declared type.
    @Test(arguments: fakerNames)
    func compilesWithDefaults(_ name: String) throws {
        let spec = try #require(Self.spec(name))
        var arguments = Arguments(generator: name, values: [], now: EngineTest.now)
        let compiled = try spec.compile(&arguments, LocaleData.enUS)
        #expect(compiled.type == spec.type, "`\(name)` declares \(spec.type) but compiles to \(compiled.type)")
        let records = try EngineTest.records(#"{"v":"{{\#(spec.provider).\#(name)}}"}"#, count: 20)
        #expect(records.count == 20)
    }

    @Test(
        arguments: [
            ("license_plate", "automotive"), ("vin", "automotive"), ("ean", "barcode"), ("upc_e", "barcode"),
            ("localized_ean8", "barcode"), ("currency", "currency"), ("pricetag", "currency"),
            ("cryptocurrency_code", "currency"), ("file_path", "file"), ("unix_partition", "file"),
            ("local_latlng", "geo"), ("coordinate", "geo"), ("isbn13", "isbn"), ("sbn9", "sbn"), ("ssn", "ssn"),
            ("itin", "ssn"), ("ein", "ssn"), ("invalid_ssn", "ssn"), ("passport_full", "passport"),
            ("user_agent", "user_agent"), ("windows_platform_token", "user_agent"), ("emoji", "emoji"),
            ("dga", "internet"), ("nic_handles", "internet"), ("iana_id", "internet"), ("locale", "misc"),
            ("language_name", "misc"), ("city_prefix", "address"), ("military_apo", "address"),
            ("postalcode_plus4", "address"), ("bank_country", "bank"), ("color_rgb_float", "color"),
        ])
    func providerIsFakers(_ name: String, _ provider: String) throws {
        #expect(try #require(Catalog.lookup(name)).provider == provider)
        #expect(Catalog.lookup("\(provider).\(name)") != nil)
    }

    /// Tuple and list results of Faker are JSON arrays here.
    @Test(
        arguments: [
            "currency", "cryptocurrency", "latlng", "local_latlng", "location_on_land", "passport_dates",
            "passport_owner", "nic_handles", "color_hsl", "color_hsv", "color_rgb", "color_rgb_float",
        ])
    func tuplesAreArrays(_ name: String) throws {
        #expect(try #require(Catalog.lookup(name)).type == .array)
        for record in try EngineTest.records(#"{"v":"{{\#(name)}}"}"#, count: 50) {
            #expect(record["v"]?.arrayValue != nil, "\(name): \(record.serialized)")
        }
    }
}
