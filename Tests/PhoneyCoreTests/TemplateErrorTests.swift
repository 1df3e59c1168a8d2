import Testing

@testable import PhoneyCore

/// Malformed templates and the exact error each one reports: `error_type`, JSON pointer, offset, suggestions.
struct TemplateErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var template: String
        var kind: String
        var pointer: String
        var offset: Int?
        var locale = "en_US"
        /// Names that must each appear exactly once among the suggestions.
        var suggests: [String] = []
        /// Text the message must contain.
        var mentions: [String] = []

        var testDescription: String { "\(kind): \(template)" }
    }

    /// `email` once the internet provider has it; `name` is always there.
    static let typoCase: Case =
        Catalog.lookup("email") != nil
        ? Case(
            template: #"{"a":{"b":"x {{emial}}"}}"#, kind: "generator_not_found", pointer: "/a/b", offset: 2,
            suggests: ["email"])
        : Case(
            template: #"{"a":{"b":"x {{nme}}"}}"#, kind: "generator_not_found", pointer: "/a/b", offset: 2,
            suggests: ["name"])

    static let cases: [Case] = [
        typoCase,
        Case(template: #"{"n":"{{nme}}"}"#, kind: "generator_not_found", pointer: "/n", offset: 0, suggests: ["name"]),
        Case(template: #"{"c":"{{ctiy}}"}"#, kind: "generator_not_found", pointer: "/c", offset: 0, suggests: ["city"]),
        Case(template: #"{"c":"{{no_such_thing_at_all}}"}"#, kind: "generator_not_found", pointer: "/c", offset: 0),
        Case(
            template: #"{"city":"{{city:foo=1}}"}"#, kind: "invalid_parameter", pointer: "/city", offset: 0,
            mentions: ["foo"]),
        Case(
            template: #"{"w":"{{words:nbb=2}}"}"#, kind: "invalid_parameter", pointer: "/w", offset: 0,
            suggests: ["nb"]),
        Case(
            template: #"{"w":"{{word:count=3}}"}"#, kind: "invalid_parameter", pointer: "/w", offset: 0,
            mentions: ["{{[word]:count=N}}"]),
        Case(template: #"{"w":"{{words:nb=abc}}"}"#, kind: "invalid_parameter", pointer: "/w", offset: 0),
        Case(
            template: #"{"w":"{{words:nb=-1}}"}"#, kind: "invalid_parameter", pointer: "/w", offset: 0,
            mentions: ["-1"]),
        Case(
            template: #"{"w":"ab {{word:nb=1,nb=2}}"}"#, kind: "invalid_parameter", pointer: "/w", offset: 15,
            mentions: ["twice"]),
        Case(template: #"{"c":"{{city:unique=maybe}}"}"#, kind: "invalid_parameter", pointer: "/c", offset: 0),
        Case(template: #"{"c":"x {{city:null_rate=0.5}}"}"#, kind: "invalid_parameter", pointer: "/c", offset: 2),
        Case(template: #"{"c":"{{city:null_rate=2}}"}"#, kind: "invalid_parameter", pointer: "/c", offset: 0),
        Case(
            template: #"{"t":"tags: {{[word]:count=3}}"}"#, kind: "invalid_array_count", pointer: "/t", offset: 6),
        Case(template: #"{"t":"{{[word]:count=abc}}"}"#, kind: "invalid_array_count", pointer: "/t", offset: 0),
        Case(template: #"{"t":"{{[word]:count=5..2}}"}"#, kind: "invalid_array_count", pointer: "/t", offset: 0),
        Case(template: #"{"t":"{{[word]:count=-1}}"}"#, kind: "invalid_array_count", pointer: "/t", offset: 0),
        Case(
            template: #"{"t":"{{[word]:count=100000}}"}"#, kind: "invalid_array_count", pointer: "/t", offset: 0,
            mentions: ["100000"]),
        Case(template: #"{"a":1,"b":"text","c":[true,null]}"#, kind: "no_placeholders", pointer: "", offset: nil),
        Case(template: #"{}"#, kind: "no_placeholders", pointer: "", offset: nil),
        Case(template: #"[{"a":"{{name}}"}]"#, kind: "parsing_error", pointer: "", offset: nil),
        Case(template: #""{{name}}""#, kind: "parsing_error", pointer: "", offset: nil),
        Case(template: #"{"a":"{{name}}""#, kind: "parsing_error", pointer: "", offset: 15),
        Case(template: #"{"a":"ok {{name"}"#, kind: "parsing_error", pointer: "/a", offset: 3),
        Case(template: #"{"a":"{{}}"}"#, kind: "parsing_error", pointer: "/a", offset: 0),
        Case(template: #"{"a":"{{name extra}}"}"#, kind: "parsing_error", pointer: "/a", offset: 7),
        Case(
            template: #"{"a":"{{name}}"}"#, kind: "unsupported_locale", pointer: "", offset: nil, locale: "xx_XX",
            mentions: ["xx_XX", "en_US"]),
        Case(
            template: #"{"a":"{{name}}"}"#, kind: "unsupported_locale", pointer: "", offset: nil, locale: "en_ZZ",
            suggests: ["en_US"], mentions: ["en_ZZ"]),
        Case(template: #"{"b":"{{binary}}"}"#, kind: "unsupported_generator", pointer: "/b", offset: 0),
        Case(template: #"{"b":"id {{PyObject}}"}"#, kind: "unsupported_generator", pointer: "/b", offset: 3),
        Case(template: #"{"b":"{{[image]:count=2}}"}"#, kind: "unsupported_generator", pointer: "/b", offset: 0),
        Case(template: #"{"a/b":{"c~d":"{{nope}}"}}"#, kind: "generator_not_found", pointer: "/a~1b/c~0d", offset: 0),
        Case(template: #"{"~1":"{{nope}}"}"#, kind: "generator_not_found", pointer: "/~01", offset: 0),
        Case(template: #"{"list":["ok","{{nope}}"]}"#, kind: "generator_not_found", pointer: "/list/1", offset: 0),
        Case(template: #"{"é":"ü {{nope}}"}"#, kind: "generator_not_found", pointer: "/é", offset: 2),
        Case(template: #"{"s":"{{sentence:unique=true}}"}"#, kind: "parameter_error", pointer: "/s", offset: 0),
    ]

    @Test(arguments: cases)
    func reportsExactError(_ test: Case) throws {
        var options = EngineTest.options()
        options.locale = test.locale
        let error = try EngineTest.error(test.template, options)
        #expect(error.kind.description == test.kind)
        #expect(error.pointer == test.pointer)
        #expect(error.offset == test.offset)
        for name in test.suggests {
            #expect(error.suggestions.filter { $0 == name }.count == 1, "suggestions: \(error.suggestions)")
        }
        for text in test.mentions {
            #expect(error.message.contains(text), "message: \(error.message)")
        }
        #expect(error.json["error_type"] == .string(test.kind))
        #expect(error.json["pointer"] == .string(test.pointer))
    }

    @Test func suggestionsAreNearestFirstAndNoMoreThanFive() throws {
        let error = try EngineTest.error(#"{"a":"{{nme}}"}"#)
        #expect(error.suggestions.first == "name")
        #expect(error.suggestions.count <= 5)
        #expect(Set(error.suggestions).count == error.suggestions.count)
        #expect(error.description.contains("did you mean `name`"))
    }

    /// A name cut short is suggested the names it begins, shortest first, the same as `/fake/em` suggests.
    @Test func namesThatBeginWithTheWrittenOneComeFirst() throws {
        let error = try EngineTest.error(#"{"a":"{{em}}"}"#)
        #expect(Array(error.suggestions.prefix(2)) == ["email", "emoji"], "\(error.suggestions)")
    }

    @Test func pointerEscapingRoundTripsToField() throws {
        let error = try EngineTest.error(#"{"a/b":{"c~d":"{{nope}}"}}"#)
        #expect(error.field == "a/b.c~d")
        #expect(error.json["field"] == .string("a/b.c~d"))
    }

    @Test func everyErrorIsReportedAtOnce() throws {
        let template = #"""
            {"a":"{{nope}}","b":{"c":"{{city:foo=1}}"},"d":"x {{[word]:count=2}}","e":"{{binary}}",
             "f":"{{nada}} and {{zilch}}","g":"fine {{name}}","h":"{{[word]:count=5..2}}"}
            """#
        let errors = EngineTest.errors(template)
        #expect(errors.count == 7)
        #expect(errors.map(\.pointer) == ["/a", "/b/c", "/d", "/e", "/f", "/f", "/h"])
        #expect(
            errors.map(\.kind) == [
                .generatorNotFound, .invalidParameter, .invalidArrayCount, .unsupportedGenerator,
                .generatorNotFound, .generatorNotFound, .invalidArrayCount,
            ])
        #expect(errors[4].offset == 0)
        #expect(errors[5].offset == 13)
        let failure = #expect(throws: TemplateFailure.self) { try Plan.compile(json: template) }
        #expect(failure?.errors.count == 7)
    }

    @Test func validationReportCarriesTheSameErrors() throws {
        let template = #"{"a":"{{nope}}","b":"{{city:foo=1}}"}"#
        let report = ValidationReport.validate(json: template, options: EngineTest.options())
        #expect(report.valid == false)
        #expect(report.errors == EngineTest.errors(template))
        #expect(report.detectedFields.map(\.pointer) == ["/a", "/b"])
    }

    @Test func errorsNameTheGenerator() throws {
        let error = try EngineTest.error(#"{"a":"{{Nope}}"}"#)
        #expect(error.generator == "nope")
        #expect(error.message.contains("Nope"))
    }
}
