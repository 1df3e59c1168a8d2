import Testing

@testable import PhoneyCore

/// The placeholder language inside template strings, and the JSON parser's errors and limits.
struct TemplateParserTests {
    typealias Argument = Placeholder.Argument

    func placeholders(_ text: String) throws -> [Placeholder] {
        try TemplateSegment.parse(text).compactMap { segment in
            if case .placeholder(let placeholder) = segment { return placeholder }
            return nil
        }
    }

    func only(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Placeholder {
        let found = try placeholders(text)
        #expect(found.count == 1, sourceLocation: sourceLocation)
        return try #require(found.first, sourceLocation: sourceLocation)
    }

    func arguments(_ text: String) throws -> [String: Argument] {
        var byKey: [String: Argument] = [:]
        for argument in try only(text).arguments { byKey[argument.key] = argument.value }
        return byKey
    }

    @Test func plainPlaceholder() throws {
        let segments = try TemplateSegment.parse("Hello {{name}}!")
        #expect(segments.count == 3)
        #expect(segments.first == .text("Hello "))
        #expect(segments.last == .text("!"))
        let placeholder = try only("Hello {{name}}!")
        #expect(placeholder.name == "name")
        #expect(placeholder.isArray == false)
        #expect(placeholder.arguments.isEmpty)
        #expect(placeholder.offset == 6)
    }

    @Test(arguments: ["{{ name }}", "{{name}}", "{{\tname  }}", "{{ NAME }}", "{{Name}}"])
    func whitespaceAndCase(_ text: String) throws {
        #expect(try only(text).name == "name")
    }

    /// The bare-`{{name}}` fast path gives exactly what the full reader gives, and leaves everything else to it.
    @Test(arguments: [
        "{{name}}", "{{ Person.First_Name }}", "{{  x  }}", "{{ref}}", "{{a.b.c}}", "{{9}}", "{{ }}", "{{}}",
        "{{name}} ", " {{name}}", "{{na me}}", "{{name:x=1}}", "{{[word]}}", "{{ ref:/a }}", "{{name}}{{x}}",
        "{{\tname}}", "{{nämé}}", "{{name}", "x",
    ])
    func lonePlaceholderFastPathAgreesWithTheReader(_ text: String) throws {
        guard let fast = TemplateSegment.lonePlaceholder(text) else { return }
        var reader = PlaceholderReader(scalars: Array(text.unicodeScalars))
        let segments = try reader.segments()
        #expect(segments == [.placeholder(fast)])
        if case .placeholder(let placeholder)? = segments.first {
            #expect(placeholder.rawName == fast.rawName)
        }
    }

    @Test(arguments: ["{{name}}", "{{ Person.First_Name }}", "{{  x  }}", "{{ref}}", "{{9}}"])
    func lonePlaceholderFastPathTakesBareNames(_ text: String) {
        #expect(TemplateSegment.lonePlaceholder(text) != nil)
    }

    @Test func caseInsensitiveNamesRenderTheSameGenerator() throws {
        let lower = try EngineTest.text(#"{"a":"{{first_name}}"}"#, count: 20)
        let mixed = try EngineTest.text(#"{"a":"{{ First_NAME }}"}"#, count: 20)
        #expect(lower == mixed)
        #expect(try only("{{First_Name}}").rawName == "First_Name")
    }

    @Test func keywordArguments() throws {
        let placeholder = try only("{{gen:k=v,k2=v2}}")
        #expect(placeholder.name == "gen")
        #expect(placeholder.arguments.map(\.key) == ["k", "k2"])
        #expect(placeholder.arguments.map(\.value) == [.bare("v"), .bare("v2")])
        let spaced = try only("{{ gen : k = v , K2=v2 }}")
        #expect(spaced.arguments.map(\.key) == ["k", "k2"])
        #expect(spaced.arguments.map(\.value) == [.bare("v"), .bare("v2")])
    }

    @Test func negativeAndDecimalNumbers() throws {
        let found = try arguments("{{random_int:min=-5,max=10,x=2.5,y=-0.25}}")
        #expect(found["min"] == .bare("-5"))
        #expect(found["max"] == .bare("10"))
        #expect(found["x"] == .bare("2.5"))
        #expect(found["y"] == .bare("-0.25"))
        #expect(found["min"]?.json == .number("-5"))
        #expect(found["y"]?.json == .number("-0.25"))
        var read = Arguments(
            generator: "g", values: try only("{{g:min=-5,x=2.5}}").arguments, now: EngineTest.now)
        #expect(try read.int("min") == -5)
        #expect(try read.double("x") == 2.5)
        #expect(read.unused.isEmpty)
    }

    @Test func quotedStringsKeepCommasAndEscapes() throws {
        let found = try arguments(#"{{g:elements='a, b',other="c, d",k=1,esc='it\'s',brace='}}'}}"#)
        #expect(found["elements"] == .quoted("a, b"))
        #expect(found["other"] == .quoted("c, d"))
        #expect(found["k"] == .bare("1"))
        #expect(found["esc"] == .quoted("it's"))
        #expect(found["brace"] == .quoted("}}"))
    }

    @Test func lists() throws {
        let found = try arguments(#"{{g:a=[x,y,z],b=["a, b","c"],c=[],d=[ 1 , 'two' ],e=[[1,2],3]}}"#)
        #expect(found["a"] == .list([.bare("x"), .bare("y"), .bare("z")]))
        #expect(found["b"] == .list([.quoted("a, b"), .quoted("c")]))
        #expect(found["c"] == .list([]))
        #expect(found["d"] == .list([.bare("1"), .quoted("two")]))
        #expect(found["e"] == .list([.list([.bare("1"), .bare("2")]), .bare("3")]))
    }

    @Test func listsMayEndInACommaAsInPython() throws {
        let found = try arguments(#"{{g:a=['x', 'y',],b=[1, ],k=2}}"#)
        #expect(found["a"] == .list([.quoted("x"), .quoted("y")]))
        #expect(found["b"] == .list([.bare("1")]))
        #expect(found["k"] == .bare("2"))
    }

    @Test func listArgumentReachesTheGenerator() throws {
        let records = try EngineTest.records(#"{"w":"{{word:ext_word_list=['a, b', \"c\"]}}"}"#, count: 200)
        let values = Set(records.compactMap { $0["w"]?.stringValue })
        #expect(values == ["a, b", "c"])
    }

    @Test func arrayForm() throws {
        let placeholder = try only("{{[word]:count=3}}")
        #expect(placeholder.isArray)
        #expect(placeholder.name == "word")
        #expect(placeholder.arguments.first?.value == .bare("3"))
        let spaced = try only("{{ [ Word ] : count = 2..5 }}")
        #expect(spaced.isArray)
        #expect(spaced.name == "word")
        #expect(spaced.arguments.first?.value == .bare("2..5"))
    }

    @Test func arrayCountRange() throws {
        let records = try EngineTest.records(#"{"w":"{{[word]:count=2..5}}"}"#, count: 400)
        let sizes = records.map { $0["w"]?.arrayValue?.count ?? -1 }
        #expect(sizes.allSatisfy { (2...5).contains($0) })
        #expect(Set(sizes) == [2, 3, 4, 5])
        // A range that includes 0 may give empty arrays; a fixed count of 0 is refused, as the original refuses it.
        let maybeEmpty = try EngineTest.records(#"{"w":"{{[word]:count=0..1}}"}"#, count: 200)
        #expect(maybeEmpty.contains { $0["w"] == .array([]) })
        let zero = EngineTest.errors(#"{"w":"{{[word]:count=0}}"}"#)
        #expect(zero.map(\.kind) == [.invalidArrayCount])
        #expect(zero.first?.pointer == "/w")
        #expect(zero.first?.message.contains("at least 1") == true)
    }

    @Test func escapedBraces() throws {
        #expect(try TemplateSegment.parse(#"\{{"#) == [.text("{{")])
        #expect(try TemplateSegment.parse(#"a \{{name}} b"#) == [.text("a {{name}} b")])
        #expect(try TemplateSegment.parse(#"a\b {"#) == [.text(#"a\b {"#)])
        let records = try EngineTest.records(#"{"a":"\\{{name}} is {{city}}"}"#, count: 3)
        for record in records {
            let value = try #require(record["a"]?.stringValue)
            #expect(value.hasPrefix("{{name}} is "))
            #expect(value.count > "{{name}} is ".count)
        }
        let literalOnly = EngineTest.errors(#"{"a":"\\{{name}}"}"#)
        #expect(literalOnly.map(\.kind) == [.noPlaceholders])
    }

    /// Before `{{`, two backslashes are one and an odd one left makes the braces literal, so a Windows path can
    /// end in a placeholder; other backslashes are kept.
    @Test func backslashesBeforeBraces() throws {
        let name = Placeholder(rawName: "name", name: "name", isArray: false, arguments: [], offset: 2)
        #expect(try TemplateSegment.parse(#"\\{{name}}"#) == [.text(#"\"#), .placeholder(name)])
        #expect(try TemplateSegment.parse(#"\\\{{name}}"#) == [.text(#"\{{name}}"#)])
        #expect(try TemplateSegment.parse(#"a\\b\\ \{"#) == [.text(#"a\\b\\ \{"#)])
        let records = try EngineTest.records(#"{"p":"C:\\Users\\\\{{user_name}}"}"#, count: 5)
        for record in records {
            let path = try #require(record["p"]?.stringValue)
            #expect(path.hasPrefix(#"C:\Users\"#) && !path.contains("{{") && path.count > #"C:\Users\"#.count)
        }
    }

    /// A key written twice keeps its first place and takes its last value, as Python's `json` reads it.
    @Test func repeatedKeysTakeTheLastValue() throws {
        let small = try JSONValue.parse(#"{"a":1,"b":2,"a":3}"#)
        #expect(small == .object([("a", .number("3")), ("b", .number("2"))]))
        let keys = (0..<40).map { "\"k\($0)\":\($0)" }.joined(separator: ",")
        let large = try JSONValue.parse("{\(keys),\"k3\":\"x\",\"k39\":null,\"new\":true}")
        guard case .object(let members) = large else { Issue.record("not an object"); return }
        #expect(members.count == 41)
        #expect(members[3].key == "k3" && members[3].value == .string("x"))
        #expect(members[39].key == "k39" && members[39].value == .null)
        #expect(members[40].key == "new")
        let records = try EngineTest.records(#"{"a":"{{name}}","b":1,"a":"{{pybool}}"}"#, count: 3)
        for record in records {
            guard case .object(let fields) = record else { continue }
            #expect(fields.map(\.key) == ["a", "b"])
            #expect(fields[0].value == .bool(true) || fields[0].value == .bool(false))
        }
    }

    @Test func byteOrderMarkIsSkipped() throws {
        #expect(try JSONValue.parse("\u{FEFF}{\"a\":1}") == .object([("a", .number("1"))]))
        #expect(throws: TemplateError.self) { try JSONValue.parse("{\"a\":1}\u{FEFF}") }
    }

    @Test func providerQualifiedNames() throws {
        let qualified = try EngineTest.text(#"{"a":"{{person.first_name}}","c":"{{Address.City}}"}"#, count: 20)
        let bare = try EngineTest.text(#"{"a":"{{first_name}}","c":"{{city}}"}"#, count: 20)
        #expect(qualified == bare)
        let wrong = try EngineTest.error(#"{"a":"{{internet.first_name}}"}"#)
        #expect(wrong.kind == .generatorNotFound)
        #expect(wrong.pointer == "/a")
        #expect(wrong.offset == 0)
    }

    @Test(arguments: [
        ("full_name", "name"), ("person", "name"), ("profession", "job"), ("zip", "zipcode"),
        ("street", "street_address"), ("phone", "phone_number"), ("telephone", "phone_number"),
    ])
    func aliasesResolve(_ alias: String, _ target: String) throws {
        let viaAlias = try EngineTest.text(#"{"a":"{{\#(alias)}}"}"#, count: 10)
        let direct = try EngineTest.text(#"{"a":"{{\#(target)}}"}"#, count: 10)
        #expect(viaAlias == direct)
    }

    @Test(arguments: [
        ("{{name", 0), ("ab {{name", 3), ("x {{name} }", 2), ("ok {{a}} {{b", 9), ("{{name:x='}}", 0),
    ])
    func unclosedPlaceholder(_ text: String, _ offset: Int) throws {
        let error = #expect(throws: TemplateError.self) { try TemplateSegment.parse(text) }
        #expect(error?.kind == .parsingError)
        #expect(error?.offset == offset)
    }

    @Test(arguments: [
        (#"{"a": }"#, 6), (#"{"a" 1}"#, 5), (#"{"a": "x"#, 8), (#"{"a": 1,}"#, 8), (#"{"a": tru}"#, 9),
        (#"{"a": 1} x"#, 9), (#"{"é": ]"#, 7), (#"{"a": "\q"}"#, 8), (#"{"a": 01}"#, 7), ("", 0),
        ("{\"a\": \"\u{1}\"}", 7),
    ])
    func jsonErrorsCarryByteOffsets(_ text: String, _ offset: Int) throws {
        let error = try EngineTest.error(text)
        #expect(error.kind == .parsingError)
        #expect(error.offset == offset)
        #expect(error.message.contains("byte \(offset)"))
    }

    @Test func depthLimit() throws {
        let limits = TemplateLimits(maxDepth: 3)
        var options = EngineTest.options()
        options.limits = limits
        #expect(EngineTest.errors(#"{"a":{"b":{"c":"{{name}}"}}}"#, options).isEmpty)
        let error = try EngineTest.error(#"{"a":{"b":{"c":["{{name}}"]}}}"#, options)
        #expect(error.kind == .limitExceeded)
        let deep = String(repeating: #"{"a":"#, count: 33) + #""{{name}}""# + String(repeating: "}", count: 33)
        #expect(try EngineTest.error(deep).kind == .limitExceeded)
        let allowed = String(repeating: #"{"a":"#, count: 32) + #""{{name}}""# + String(repeating: "}", count: 32)
        #expect(EngineTest.errors(allowed).isEmpty)
    }

    @Test func nodeLimit() throws {
        var options = EngineTest.options()
        options.limits = TemplateLimits(maxNodes: 4)
        #expect(EngineTest.errors(#"{"a":"{{name}}","b":1,"c":2}"#, options).isEmpty)
        #expect(try EngineTest.error(#"{"a":"{{name}}","b":1,"c":2,"d":3}"#, options).kind == .limitExceeded)
    }

    @Test func sizeLimit() throws {
        let template = #"{"a":"{{name}}"}"#
        var options = EngineTest.options()
        options.limits = TemplateLimits(maxBytes: template.utf8.count)
        #expect(EngineTest.errors(template, options).isEmpty)
        options.limits = TemplateLimits(maxBytes: template.utf8.count - 1)
        #expect(try EngineTest.error(template, options).kind == .limitExceeded)
        let padding = String(repeating: " ", count: 256 * 1024)
        #expect(try EngineTest.error(template + padding).kind == .limitExceeded)
    }
}

/// Bytes that are not UTF-8 are an error at their offset, never replaced.
struct UTF8ValidationTests {
    func invalid(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBytes { UTF8Validation.firstInvalidOffset($0) }
    }

    @Test func wellFormedTextPasses() {
        #expect(invalid(Array("plain ASCII, long enough for the fast path".utf8)) == nil)
        #expect(invalid(Array("Zoë, 東京, 🎉, \u{10FFFF}".utf8)) == nil)
        #expect(invalid([]) == nil)
    }

    @Test(arguments: [
        ([0x41, 0xFF, 0x41], 1),  // never a UTF-8 byte
        ([0x41, 0x80], 1),  // a continuation byte without a lead
        ([0xC0, 0xAF], 0),  // overlong '/'
        ([0xE0, 0x80, 0xAF], 1),  // overlong three-byte form
        ([0xED, 0xA0, 0x80], 1),  // a surrogate, U+D800
        ([0xF4, 0x90, 0x80, 0x80], 1),  // above U+10FFFF
        ([0x41, 0x42, 0xE2, 0x82], 2),  // truncated at the end
        ([0x41, 0xE2, 0x28, 0xA1], 2),  // a bad continuation
    ])
    func malformedSequencesAreFoundWhereTheyBreak(_ bytes: [UInt8], _ offset: Int) {
        #expect(invalid(bytes) == offset)
    }

    @Test func theParserNamesTheOffset() throws {
        let document: [UInt8] = Array(#"{"template": {"a": ""#.utf8) + [0xFF, 0xFE] + Array(#""}}"#.utf8)
        var failure: TemplateError?
        do {
            _ = try withBytes(document) { bytes throws(TemplateError) in try JSONValue.parse(bytes) }
        } catch {
            failure = error
        }
        #expect(failure?.offset == 20)
        #expect(failure?.message.contains("invalid UTF-8") == true)
    }
}
