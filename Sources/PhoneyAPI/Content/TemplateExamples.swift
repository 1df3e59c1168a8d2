import PhoneyCore

/// The example templates and syntax guides of `/template/examples` and `/api/v1/template/examples`.
///
/// Every template here compiles (a test checks it), so a user can post any of them as they are.
enum TemplateExamples {
    static let basicUser: JSONValue = .object([
        ("name", .string("{{name}}")),
        ("email", .string("{{email}}")),
        ("phone", .string("{{phone}}")),
        ("age", .string("{{random_int:min=18,max=80}}")),
    ])

    static let ecommerce: JSONValue = .object([
        (
            "user",
            .object([
                (
                    "profile",
                    .object([
                        ("name", .string("{{name}}")),
                        ("email", .string("{{email}}")),
                        ("join_date", .string("{{date_between:start_date=-2y,end_date=today}}")),
                    ])
                ),
                (
                    "address",
                    .object([
                        ("street", .string("{{street_address}}")),
                        ("city", .string("{{city}}")),
                        ("state", .string("{{state}}")),
                        ("zip", .string("{{zipcode}}")),
                    ])
                ),
            ])
        ),
        (
            "orders",
            .object([
                ("order_id", .string("{{uuid4}}")),
                ("products", .string("{{[catch_phrase]:count=3}}")),
                ("total", .string("{{pydecimal:left_digits=3,right_digits=2}}")),
                ("order_date", .string("{{date_between:start_date=-6m,end_date=today}}")),
            ])
        ),
    ])

    static let arrays: JSONValue = .object([
        ("company", .string("{{company}}")),
        ("employees", .string("{{[name]:count=5}}")),
        ("departments", .string("{{[word]:count=3}}")),
        ("locations", .string("{{[city]:count=2}}")),
    ])

    static let mixedText: JSONValue = .object([
        ("summary", .string("User {{first_name}} has {{random_int:min=1,max=10}} orders")),
        ("id", .string("{{uuid4}}")),
        ("active", .string("{{pybool}}")),
    ])

    /// A template meant for another locale: names, addresses and phone numbers follow the place.
    static let localized: JSONValue = .object([
        ("name", .string("{{name}}")),
        ("address", .string("{{street_address}}")),
        ("city", .string("{{city}}")),
        ("postcode", .string("{{postcode}}")),
        ("phone", .string("{{phone_number}}")),
        ("company", .string("{{company}}")),
    ])

    /// The locale the localized example is sent with.
    static let localizedLocale = "fr_FR"

    /// `GET /template/examples`.
    static var simple: JSONValue {
        .object([
            ("basic_example", .object([("template", basicUser), ("count", .integer(5))])),
            ("array_example", .object([("template", arrays), ("count", .integer(3))])),
            ("text_example", .object([("template", mixedText), ("count", .integer(2)), ("seed", .integer(42))])),
            (
                "localized_template",
                .object([("template", localized), ("count", .integer(3)), ("locale", .string(localizedLocale))])
            ),
            (
                "syntax_guide",
                .object([
                    ("simple_placeholder", .string("{{generator}} - Basic fake data")),
                    ("with_parameters", .string("{{generator:param=value}} - Customized data")),
                    ("arrays", .string("{{[generator]:count=5}} - Generate arrays")),
                    ("mixed_text", .string("\"Order {{uuid4}} for {{name}}\" - Placeholders inside text")),
                ])
            ),
            ("quick_start", .string("POST /template with your template structure!")),
        ])
    }

    /// `GET /api/v1/template/examples`.
    static var detailed: JSONValue {
        .object([
            (
                "examples",
                .object([
                    ("basic_user_template", example("Simple user profile template", basicUser, count: 10)),
                    ("ecommerce_template", example("E-commerce product and user data", ecommerce, count: 50)),
                    ("array_template", example("Template with array generation", arrays, count: 20)),
                    ("text_template", example("Placeholders mixed with text", mixedText, count: 10)),
                    (
                        "localized_template",
                        example(
                            "Localized data: send it with its locale", localized, count: 5, locale: localizedLocale)
                    ),
                ])
            ),
            (
                "syntax_help",
                .object([
                    (
                        "placeholder_formats",
                        .object([
                            ("simple", .string("{{generator}} - Basic placeholder")),
                            ("with_params", .string("{{generator:param=value,param2=value2}} - With parameters")),
                            ("arrays", .string("{{[generator]:count=5}} - Generate arrays")),
                            ("lists", .string("{{random_element:elements=['a','b']}} - List and negative values")),
                        ])
                    ),
                    (
                        "common_generators",
                        .strings([
                            "name", "first_name", "last_name", "email", "phone_number", "street_address", "city",
                            "state", "country", "company", "job", "date_time", "url", "word", "uuid4", "random_int",
                        ])
                    ),
                    (
                        "parameter_examples",
                        .object([
                            ("random_int", .string("min=1,max=100")),
                            ("date_between", .string("start_date=-1y,end_date=today")),
                            ("pydecimal", .string("left_digits=3,right_digits=2")),
                        ])
                    ),
                    ("supported_locales", .strings(LocaleData.supported)),
                ])
            ),
            ("documentation", .string("/docs")),
        ])
    }

    static func example(_ description: String, _ template: JSONValue, count: Int, locale: String? = nil) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("description", .string(description)), ("template", template), ("count", .integer(count)),
        ]
        if let locale { members.append(("locale", .string(locale))) }
        return .object(members)
    }

    /// Every example template, for tests.
    static var all: [JSONValue] { [basicUser, ecommerce, arrays, mixedText, localized] }
}
