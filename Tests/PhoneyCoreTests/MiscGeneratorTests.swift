import Testing

@testable import PhoneyCore

struct MiscGeneratorTests {
    static let now: Int64 = 1_700_000_000

    static func records(_ template: String, count: UInt64 = 1000, seed: UInt64 = 7) throws -> [JSONValue] {
        let plan = try Plan.compile(json: template, options: CompileOptions(format: .ndjson, now: now))
        let bytes = try Executor.render(plan, Executor.Run(seed: seed, count: count, threads: 1))
        return try bytes.split(separator: 0x0A).map { try JSONValue.parse(String(decoding: $0, as: UTF8.self)) }
    }

    static func values(_ field: String, count: UInt64 = 1000) throws -> [JSONValue] {
        try records(#"{"v": "\#(field)"}"#, count: count).map { try #require($0["v"]) }
    }

    static func strings(_ field: String, count: UInt64 = 1000) throws -> [String] {
        try values(field, count: count).map { value in
            guard case .string(let text) = value else { throw Failure() }
            return text
        }
    }

    struct Failure: Error {}

    static func compiles(_ field: String) -> Bool {
        (try? Plan.compile(json: #"{"v": "\#(field)"}"#, options: CompileOptions(format: .ndjson))) != nil
    }

    static func isLowerHex(_ text: some StringProtocol) -> Bool {
        text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }

    /// `xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx` in lower-case hex.
    static func isUUID4(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.map(\.count) == [8, 4, 4, 4, 12], groups.allSatisfy({ isLowerHex($0) }) else { return false }
        return groups[2].first == "4" && "89ab".contains(groups[3].first!)
    }

    @Test(arguments: [false, true])
    func uuids(_ unique: Bool) throws {
        let uuids = try Self.strings("{{uuid4:unique=\(unique)}}", count: 5000)
        for uuid in uuids { #expect(Self.isUUID4(uuid), "\(uuid)") }
        #expect(Set(uuids).count == uuids.count)
        #expect(try Self.strings("{{uuid4:cast_to=str}}", count: 10).allSatisfy(Self.isUUID4))
    }

    @Test(arguments: [("md5", 32), ("sha1", 40), ("sha256", 64)])
    func hashes(_ name: String, _ digits: Int) throws {
        for unique in [false, true] {
            let values = try Self.strings("{{\(name):unique=\(unique)}}", count: 2000)
            #expect(values.allSatisfy { $0.count == digits && Self.isLowerHex($0) })
            #expect(Set(values).count == values.count)
        }
        #expect(!Self.compiles("{{\(name):raw_output=true}}"))
    }

    @Test func passwords() throws {
        let specials = Set("!@#$%^&*()_+")
        for password in try Self.strings("{{password}}") {
            #expect(password.count == 10)
            #expect(password.contains { specials.contains($0) }, "\(password)")
            #expect(password.contains(where: \.isNumber) && password.contains(where: \.isUppercase))
            #expect(password.contains { $0.isLowercase })
        }
        for password in try Self.strings("{{password:length=4,special_chars=false,upper_case=false}}") {
            #expect(password.count == 4 && password.allSatisfy { $0.isNumber || $0.isLowercase })
            #expect(password.contains(where: \.isNumber) && password.contains(where: \.isLowercase), "\(password)")
        }
        #expect(!Self.compiles("{{password:length=3}}"))
        #expect(!Self.compiles("{{password:special_chars=false,digits=false,upper_case=false,lower_case=false}}"))
    }

    @Test func randomElementDefaultsAndWeights() throws {
        #expect(Set(try Self.strings("{{random_element}}")) == ["a", "b", "c"])
        let picks = try Self.strings("{{random_element:elements=[x, y],weights=[9,1]}}", count: 10_000)
        let share = Double(picks.filter { $0 == "x" }.count) / Double(picks.count)
        #expect(share > 0.80 && share < 0.98, "share of x: \(share)")
        let never = try Self.strings("{{random_element:elements=[x, y, z],weights=[1, 0, 1]}}", count: 2000)
        #expect(!never.contains("y"))
    }

    @Test func randomElementTypes() throws {
        let integers = try Self.values("{{random_element:elements=[1, 20, -3]}}", count: 300)
        #expect(Set(integers.map(\.serialized)) == ["1", "20", "-3"])
        let numbers = try Self.values("{{random_element:elements=[1.5, 2, 3e2]}}", count: 300)
        #expect(Set(numbers.map(\.serialized)) == ["1.5", "2", "3e2"])
        let quoted = try Self.values("{{random_element:elements=['1', '2']}}", count: 100)
        #expect(Set(quoted.map(\.serialized)) == [#""1""#, #""2""#])
        let escaped = try Self.values(#"{{random_element:elements=['say \"hi\"', 'back\\\\slash']}}"#, count: 100)
        #expect(
            Set(escaped.compactMap { if case .string(let text) = $0 { text } else { nil } }) == [
                #"say "hi""#, #"back\slash"#,
            ])
        let booleans = try Self.values("{{random_element:elements=[true, false]}}", count: 100)
        #expect(Set(booleans.map(\.serialized)) == ["true", "false"])
    }

    @Test(arguments: [
        "{{random_element:elements=[a, b],weights=[1]}}", "{{random_element:elements=[a, b],weights=[1, -1]}}",
        "{{random_element:elements=[a, b],weights=[0, 0]}}", "{{random_element:elements=[a, b],weights=[1, x]}}",
        "{{random_element:elements=[]}}", "{{random_element:elements=[[a], b]}}",
    ])
    func randomElementRejects(_ field: String) {
        #expect(!Self.compiles(field))
    }

    @Test func randomElementUnique() throws {
        let values = try Self.strings("{{random_element:elements=[a, b, a, c],unique=true}}", count: 3)
        #expect(Set(values) == ["a", "b", "c"])
        let plan = try Plan.compile(
            json: #"{"v": "{{random_element:elements=[a, b, a, c],unique=true}}"}"#,
            options: CompileOptions(format: .ndjson))
        #expect(throws: TemplateError.self) { try Executor.render(plan, Executor.Run(seed: 1, count: 4, threads: 1)) }
    }

    static func isHexColor(_ text: String) -> Bool {
        text.count == 7 && text.first == "#" && isLowerHex(text.dropFirst())
    }

    static func channels(_ text: some StringProtocol) -> [Int]? {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        let values = parts.compactMap { Int($0.drop { $0 == " " }) }
        return values.count == 3 && values.allSatisfy({ (0...255).contains($0) }) ? values : nil
    }

    /// Faker's `numerify` markers: `#` 0-9, `%` 1-9, `!` 0-9 or nothing, `@` 1-9 or nothing; other text as written.
    @Test func numerifyMarkers() throws {
        let values = try Self.strings("{{numerify:text=N-#%!@}}", count: 2000)
        var lengths: Set<Int> = []
        for value in values {
            #expect(value.hasPrefix("N-"))
            let digits = Array(value.utf8.dropFirst(2))
            #expect(digits.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }, "\(value)")
            #expect((2...4).contains(digits.count), "\(value)")
            #expect(digits.count < 2 || digits[1] != 0x30, "`%` wrote 0: \(value)")
            lengths.insert(digits.count)
        }
        #expect(lengths == [2, 3, 4])
        #expect(try Self.strings("{{numerify}}", count: 50).allSatisfy { $0.count == 3 && Int($0) != nil })
    }

    @Test func lexifyBothifyHexify() throws {
        let lexified = try Self.strings("{{lexify:text=??-?,letters=XYZ}}", count: 500)
        #expect(lexified.allSatisfy { $0.count == 4 && $0.replacing("-", with: "").allSatisfy("XYZ".contains) })
        #expect(Set(lexified.flatMap { Array($0) }) == ["X", "Y", "Z", "-"])
        let both = try Self.strings("{{bothify:text=AB-##??}}", count: 500)
        for value in both {
            let characters = Array(value)
            #expect(characters.count == 7 && value.hasPrefix("AB-"), "\(value)")
            #expect(characters[3...4].allSatisfy(\.isNumber) && characters[5...6].allSatisfy(\.isLetter), "\(value)")
        }
        #expect(try Self.strings("{{bothify}}", count: 20).allSatisfy { $0.count == 5 })
        #expect(try Self.strings("{{hexify}}", count: 200).allSatisfy { $0.count == 4 && Self.isLowerHex($0) })
        let upper = try Self.strings("{{hexify:text=0x^^,upper=true}}", count: 200)
        #expect(upper.allSatisfy { $0.hasPrefix("0x") && $0.dropFirst(2).allSatisfy("0123456789ABCDEF".contains) })
        // Quotes in the pattern or the letters are escaped.
        let quoted = try Self.strings(#"{{lexify:text='\"?\"',letters=Q}}"#, count: 3)
        #expect(quoted == Array(repeating: #""Q""#, count: 3))
        let backslash = try Self.strings(#"{{lexify:text=a?,letters=\\}}"#, count: 3)
        #expect(backslash == Array(repeating: #"a\"#, count: 3))
    }

    /// Patterns without `!` or `@` are enumerable: `unique` uses all of them and refuses one more.
    @Test func patternsAreUniqueWhenEnumerable() throws {
        let all = try Self.strings("{{bothify:text=?#,letters=ab,unique=true}}", count: 20)
        #expect(Set(all).count == 20)
        #expect(throws: TemplateError.self) {
            try Self.strings("{{bothify:text=?#,letters=ab,unique=true}}", count: 21)
        }
        #expect(!Self.compiles("{{numerify:text=#!,unique=true}}"))
    }

    @Test func randomElementsChoicesAndSamples() throws {
        let elements = try Self.values("{{random_elements:elements=[a,b,c,d]}}", count: 1000).map {
            try #require($0.arrayValue)
        }
        #expect(Set(elements.map(\.count)) == [1, 2, 3, 4])
        #expect(elements.joined().allSatisfy { ["a", "b", "c", "d"].map(JSONValue.string).contains($0) })
        let repeated = try Self.values("{{random_choices:elements=[1,2],length=6}}", count: 200).map {
            try #require($0.arrayValue)
        }
        #expect(repeated.allSatisfy { $0.count == 6 && $0.allSatisfy { $0 == .number("1") || $0 == .number("2") } })
        #expect(repeated.contains { Set($0.map(\.serialized)).count < $0.count })
        for name in ["random_sample", "random_elements"] {
            let unique = name == "random_elements" ? ",unique=true" : ""
            let samples = try Self.values("{{\(name):elements=[a,b,c,d,e],length=5\(unique)}}", count: 300)
                .map { try #require($0.arrayValue) }
            #expect(samples.allSatisfy { $0.count == 5 && Set($0.map(\.serialized)).count == 5 }, "\(name)")
            #expect(Set(samples.map { $0.map(\.serialized).joined() }).count > 50, "\(name) always in one order")
            #expect(!Self.compiles("{{\(name):elements=[a,b],length=3\(unique)}}"))
        }
        let weighted = try Self.values("{{random_choices:elements=[x,y],weights=[1,0],length=4}}", count: 50)
        #expect(weighted.allSatisfy { $0 == .array(Array(repeating: .string("x"), count: 4)) })
        #expect(!Self.compiles("{{random_sample:elements=[x,y],weights=[1,2]}}"))
    }

    @Test func colors() throws {
        let names = Set(LocaleData.enUS.colorNames.allText(0))
        #expect(try Self.strings("{{color_name}}").allSatisfy(names.contains))
        let safeNames = Set(LocaleData.enUS.safeColorNames.allText())
        #expect(try Self.strings("{{safe_color_name}}").allSatisfy(safeNames.contains))
        #expect(try Self.strings("{{hex_color}}").allSatisfy(Self.isHexColor))
        // The original Phoney's alias wins: a bare `{{color}}` is a color name; Faker's `color` is `color.color`.
        #expect(try Self.strings("{{color}}").allSatisfy(names.contains))
        #expect(try Self.strings("{{color.color}}").allSatisfy(Self.isHexColor))
        #expect(try Self.strings("{{color.color:hue=red,luminosity=dark}}", count: 200).allSatisfy(Self.isHexColor))
        let webSafe = Set(["00", "33", "66", "99", "cc", "ff"])
        for color in try Self.strings("{{safe_hex_color}}") {
            let hex = Array(color.dropFirst())
            #expect(
                Self.isHexColor(color)
                    && stride(from: 0, to: 6, by: 2).allSatisfy { webSafe.contains(String(hex[$0...$0 + 1])) })
        }
        #expect(try Self.strings("{{rgb_color}}").allSatisfy { Self.channels($0) != nil })
        for css in try Self.strings("{{rgb_css_color}}") {
            #expect(css.hasPrefix("rgb(") && css.hasSuffix(")") && Self.channels(css.dropFirst(4).dropLast()) != nil)
        }
        for css in try Self.strings("{{color.color:color_format=rgb}}", count: 200) {
            #expect(css.hasPrefix("rgb(") && Self.channels(css.dropFirst(4).dropLast()) != nil, "\(css)")
        }
        #expect(try Self.strings("{{color.color:color_format=hsl}}", count: 50).allSatisfy { $0.hasPrefix("hsl(") })
        for gray in try Self.strings("{{color.color:hue=monochrome}}", count: 100) {
            #expect(gray.dropFirst().prefix(2) == gray.dropFirst(3).prefix(2))
        }
        #expect(!Self.compiles("{{color.color:luminosity=neon}}"))
        let unique = try Self.strings("{{hex_color:unique=true}}", count: 5000)
        #expect(Set(unique).count == unique.count)
    }

    static let profileKeys = [
        "job", "company", "ssn", "residence", "current_location", "blood_group", "website", "username", "name", "sex",
        "address", "mail", "birthdate",
    ]

    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.map(\.count) == [4, 2, 2], let month = Int(parts[1]), let day = Int(parts[2]) else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }

    @Test func profiles() throws {
        for record in try Self.values("{{profile}}", count: 500) {
            guard case .object(let members) = record else {
                Issue.record("profile is not an object: \(record)")
                continue
            }
            #expect(members.map(\.key) == Self.profileKeys)
            guard case .string(let sex)? = record["sex"], case .string(let address)? = record["address"],
                case .string(let mail)? = record["mail"], case .string(let birthdate)? = record["birthdate"],
                case .string(let ssn)? = record["ssn"], case .array(let location)? = record["current_location"],
                case .array(let websites)? = record["website"]
            else {
                Issue.record("unexpected profile shape: \(record)")
                continue
            }
            #expect(sex == "F" || sex == "M")
            let lines = address.split(separator: "\n")
            #expect(lines.count == 2, "\(address)")
            #expect(lines.last.map { $0.split(separator: " ").last!.count == 5 } == true, "\(address)")
            #expect(mail.split(separator: "@").count == 2)
            #expect(Self.isDate(birthdate), "\(birthdate)")
            #expect(ssn.split(separator: "-").map(\.count) == [3, 2, 4])
            #expect(location.count == 2 && location.allSatisfy { if case .number = $0 { true } else { false } })
            #expect((1...3).contains(websites.count))
        }
    }

    @Test func profileOptions() throws {
        for record in try Self.values("{{profile:fields=[mail, name],sex=F}}", count: 100) {
            guard case .object(let members) = record else { throw Failure() }
            #expect(members.map(\.key) == ["name", "mail"])
        }
        for record in try Self.values("{{simple_profile:sex=m}}", count: 100) {
            guard case .object(let members) = record else { throw Failure() }
            #expect(members.map(\.key) == ["username", "name", "sex", "address", "mail", "birthdate"])
            #expect(record["sex"] == .string("M"))
        }
        #expect(!Self.compiles("{{profile:fields=[nope]}}"))
        #expect(!Self.compiles("{{profile:sex=X}}"))
        #expect(!Self.compiles("{{simple_profile:fields=[name]}}"))
        let inText = try Self.strings("profile: {{simple_profile}}", count: 50)
        for text in inText {
            let object = try JSONValue.parse(String(text.dropFirst("profile: ".count)))
            #expect(object["username"] != nil)
        }
    }

    @Test(arguments: LocaleData.supported)
    func profilesInEveryLocale(_ locale: String) throws {
        let plan = try Plan.compile(
            json: #"{"p": "{{profile}}", "s": "text {{simple_profile}}"}"#,
            options: CompileOptions(format: .ndjson, locale: locale, now: Self.now))
        let bytes = try Executor.render(plan, Executor.Run(seed: 9, count: 300, threads: 1))
        for line in bytes.split(separator: 0x0A) {
            let record = try JSONValue.parse(String(decoding: line, as: UTF8.self))
            guard case .object(let members)? = record["p"], case .string(let text)? = record["s"] else {
                Issue.record("unexpected record: \(record)")
                continue
            }
            #expect(members.map(\.key) == Self.profileKeys)
            guard case .string(let address)? = record["p"]?["address"] else { throw Failure() }
            #expect(!address.isEmpty)
            let simple = try JSONValue.parse(String(text.dropFirst("text ".count)))
            guard case .object(let simpleMembers) = simple else { throw Failure() }
            #expect(simpleMembers.count == 6)
        }
    }

    @Test func sameSeedSameBytes() throws {
        let template =
            #"{"p": "{{profile}}", "u": "{{uuid4}}", "r": "{{random_element:elements=[1,2,3]}}", "c": "{{color}}"}"#
        let plan = try Plan.compile(json: template, options: CompileOptions(format: .ndjson, now: Self.now))
        let first = try Executor.render(plan, Executor.Run(seed: 5, count: 300, threads: 1))
        let second = try Executor.render(plan, Executor.Run(seed: 5, count: 300, threads: 2))
        #expect(first == second)
        #expect(first != (try Executor.render(plan, Executor.Run(seed: 6, count: 300, threads: 1))))
    }
}
