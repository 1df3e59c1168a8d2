import Testing

@testable import PhoneyCore

/// Check digits and issuing rules of the identifier generators, each over 2,000 values, plus ranges, codes and
/// determinism of the data generators added for Faker coverage. Luhn, ABA and IBAN live in `FinanceGeneratorTests`.
struct ChecksumGeneratorTests {
    static let count: UInt64 = 2_000

    /// `count` values of one placeholder, as JSON values.
    static func values(_ placeholder: String, count: UInt64 = count, seed: UInt64 = 42) throws -> [JSONValue] {
        try EngineTest.records(#"{"v":"\#(placeholder)"}"#, seed: seed, count: count).compactMap { $0["v"] }
    }

    static func strings(_ placeholder: String, count: UInt64 = count, seed: UInt64 = 42) throws -> [String] {
        let found = try values(placeholder, count: count, seed: seed)
        let texts = found.compactMap(\.stringValue)
        #expect(texts.count == Int(count), "\(placeholder) wrote non-strings: \(found.first?.serialized ?? "")")
        return texts
    }

    static func digits(_ text: some StringProtocol) -> [Int]? {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return bytes.map { Int($0) - 0x30 }
    }

    /// GS1 (EAN/UPC) check: from the right, the check digit weighs 1, then 3, 1, 3, …; the sum is a multiple of 10.
    static func gs1Valid(_ code: String) -> Bool {
        guard let d = digits(code) else { return false }
        var sum = 0
        for (offset, digit) in d.reversed().enumerated() { sum += offset % 2 == 1 ? digit * 3 : digit }
        return sum % 10 == 0
    }

    // MARK: - VIN

    static let vinValues: [Character: Int] = {
        var values: [Character: Int] = [:]
        for digit in 0...9 { values[Character(String(digit))] = digit }
        let letters = Array("ABCDEFGHJKLMNPRSTUVWXYZ")
        let numbers = [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9]
        for (letter, value) in zip(letters, numbers) { values[letter] = value }
        return values
    }()

    static func vinValid(_ vin: String) -> Bool {
        let characters = Array(vin)
        let weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
        guard characters.count == 17, characters.allSatisfy({ vinValues[$0] != nil }) else { return false }
        let sum = zip(characters, weights).reduce(0) { $0 + vinValues[$1.0]! * $1.1 }
        let check = sum % 11 == 10 ? "X" : String(sum % 11)
        return String(characters[8]) == check
    }

    @Test(arguments: [false, true])
    func vins(_ unique: Bool) throws {
        let vins = try Self.strings("{{vin:unique=\(unique)}}")
        for vin in vins {
            #expect(Self.vinValid(vin), "\(vin)")
            #expect(!vin.contains { "IOQ".contains($0) }, "\(vin)")
        }
        if unique { #expect(Set(vins).count == vins.count) }
        #expect(Self.vinValid("1M8GDM9AXKP042788"))
        #expect(!Self.vinValid("1M8GDM9A1KP042788"))
    }

    @Test func licensePlates() throws {
        for plate in try Self.strings("{{license_plate}}") {
            #expect((5...8).contains(plate.count), "\(plate)")
            #expect(plate.allSatisfy { $0.isNumber || ("A"..."Z").contains($0) || $0 == "-" || $0 == " " }, "\(plate)")
        }
    }

    // MARK: - Barcodes

    @Test(
        arguments: [
            ("{{ean8}}", 8, ""), ("{{ean13}}", 13, ""), ("{{ean}}", 13, ""), ("{{ean:length=8}}", 8, ""),
            ("{{ean13:leading_zero=true}}", 13, "0"), ("{{ean:prefixes=[45]}}", 13, "45"),
            ("{{ean8:prefixes=['00']}}", 8, "00"), ("{{upc_a}}", 12, ""), ("{{upc_a:unique=true}}", 12, ""),
            ("{{ean13:unique=true}}", 13, ""), ("{{ean8:prefixes=[4, 45],unique=true}}", 8, "4"),
        ])
    func gs1CheckDigits(_ placeholder: String, _ length: Int, _ prefix: String) throws {
        let codes = try Self.strings(placeholder)
        for code in codes {
            #expect(code.count == length && Self.gs1Valid(code), "\(placeholder): \(code)")
            #expect(code.hasPrefix(prefix), "\(placeholder): \(code)")
        }
        if placeholder.contains("unique=true") { #expect(Set(codes).count == codes.count) }
    }

    @Test func leadingZeroFalseNeverStartsWithZero() throws {
        #expect(try Self.strings("{{ean13:leading_zero=false}}").allSatisfy { !$0.hasPrefix("0") && Self.gs1Valid($0) })
    }

    @Test(arguments: ["localized_ean", "localized_ean8", "localized_ean13"])
    func localizedEANsUseUSPrefixes(_ name: String) throws {
        for code in try Self.strings("{{\(name)}}") {
            #expect(Self.gs1Valid(code), "\(code)")
            #expect((0...139).contains(Int(code.prefix(3)) ?? -1), "GS1 prefix of \(code) is not 000–139")
        }
    }

    /// A UPC-E number system digit and base expanded to the 11-digit UPC-A body.
    static func expand(_ e: [Int]) -> [Int] {
        let (n, d) = (e[0], Array(e[1...6]))
        switch d[5] {
        case 0...2: return [n, d[0], d[1], d[5], 0, 0, 0, 0, d[2], d[3], d[4]]
        case 3: return [n, d[0], d[1], d[2], 0, 0, 0, 0, 0, d[3], d[4]]
        case 4: return [n, d[0], d[1], d[2], d[3], 0, 0, 0, 0, 0, d[4]]
        default: return [n, d[0], d[1], d[2], d[3], d[4], 0, 0, 0, 0, d[5]]
        }
    }

    /// The UPC-E base a UPC-A body (without check digit) compresses to, or nil.
    static func compress(_ a: [Int]) -> [Int]? {
        let (m, p) = (Array(a[1...5]), Array(a[6...10]))
        if m[3] == 0, m[4] == 0, m[2] <= 2, p[0] == 0, p[1] == 0 { return [m[0], m[1], p[2], p[3], p[4], m[2]] }
        if m[3] == 0, m[4] == 0, p[0...2].allSatisfy({ $0 == 0 }) { return [m[0], m[1], m[2], p[3], p[4], 3] }
        if m[4] == 0, p[0...3].allSatisfy({ $0 == 0 }) { return [m[0], m[1], m[2], m[3], p[4], 4] }
        if p[0...3].allSatisfy({ $0 == 0 }), p[4] >= 5 { return Array(m) + [p[4]] }
        return nil
    }

    static func upcEValid(_ code: String) -> Bool {
        guard let e = digits(code), e.count == 8, e[0] <= 1 else { return false }
        let a = expand(e)
        return gs1Valid((a + [e[7]]).map(String.init).joined())
    }

    @Test(arguments: [false, true])
    func upcE(_ unique: Bool) throws {
        let codes = try Self.strings("{{upc_e:unique=\(unique)}}")
        for code in codes {
            #expect(Self.upcEValid(code), "\(code)")
            let e = Self.digits(code)!
            #expect(Self.compress(Self.expand(e)) == Array(e[1...6]), "safe mode must round-trip: \(code)")
        }
        if unique { #expect(Set(codes).count == codes.count) }
        for code in try Self.strings("{{upc_e:safe_mode=false,number_system_digit=1}}") {
            #expect(Self.upcEValid(code) && code.hasPrefix("1"), "\(code)")
        }
        #expect(
            try Self.strings("{{upc_e:base='123456',number_system_digit=0}}", count: 5)
                == Array(repeating: "01234565", count: 5))
    }

    @Test func upcAInUPCEMode() throws {
        let codes = try Self.strings("{{upc_a:upc_ae_mode=true,unique=true}}")
        for code in codes {
            let a = try #require(Self.digits(code))
            #expect(a.count == 12 && Self.gs1Valid(code) && a[0] <= 1, "\(code)")
            #expect(Self.compress(Array(a[0...10])) != nil, "\(code) has no UPC-E form")
        }
        #expect(Set(codes).count == codes.count)
        #expect(
            try Self.strings("{{upc_a:upc_ae_mode=true,base='123456',number_system_digit=0}}", count: 3)
                == Array(repeating: "012345000065", count: 3))
        #expect(!EngineTest.errors(#"{"v":"{{upc_a:base='123456'}}"}"#).isEmpty)
        #expect(!EngineTest.errors(#"{"v":"{{upc_e:number_system_digit=2}}"}"#).isEmpty)
    }

    // MARK: - ISBN and SBN

    static func isbn10Valid(_ text: String) -> Bool {
        let characters = Array(text)
        guard characters.count == 10, let body = digits(String(characters[0..<9])) else { return false }
        let sum = zip(body, (2...10).reversed()).reduce(0) { $0 + $1.0 * $1.1 }
        let check = (11 - sum % 11) % 11
        return String(characters[9]) == (check == 10 ? "X" : String(check))
    }

    @Test(arguments: [false, true])
    func isbns(_ unique: Bool) throws {
        let isbn10s = try Self.strings("{{isbn10:unique=\(unique)}}")
        for isbn in isbn10s {
            let parts = isbn.split(separator: "-")
            #expect(parts.count == 4 && ["0", "1"].contains(parts[0]), "\(isbn)")
            #expect(Self.isbn10Valid(parts.joined()), "\(isbn)")
        }
        let isbn13s = try Self.strings("{{isbn13:unique=\(unique)}}")
        for isbn in isbn13s {
            let parts = isbn.split(separator: "-")
            #expect(parts.count == 5 && ["978", "979"].contains(parts[0]), "\(isbn)")
            let joined = parts.joined()
            #expect(joined.count == 13 && Self.gs1Valid(joined), "\(isbn)")
        }
        if unique { #expect(Set(isbn10s).count == isbn10s.count && Set(isbn13s).count == isbn13s.count) }
        #expect(Self.isbn10Valid("030640615" + "2"))
        for isbn in try Self.strings("{{isbn13:separator=''}}", count: 100) { #expect(isbn.count == 13) }
    }

    @Test(arguments: [false, true])
    func sbns(_ unique: Bool) throws {
        let sbns = try Self.strings("{{sbn9:unique=\(unique)}}")
        for sbn in sbns {
            let parts = sbn.split(separator: "-")
            #expect(parts.count == 3 && parts[2].count == 1, "\(sbn)")
            #expect(Self.isbn10Valid("0" + parts.joined()), "\(sbn)")
        }
        if unique { #expect(Set(sbns).count == sbns.count) }
    }

    // MARK: - Taxpayer numbers

    static func ssnParts(_ text: String) -> (area: Int, group: Int, serial: Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.map(\.count) == [3, 2, 4], parts.allSatisfy({ digits($0) != nil }) else {
            return nil
        }
        return (Int(parts[0])!, Int(parts[1])!, Int(parts[2])!)
    }

    static func ssnValid(_ text: String) -> Bool {
        guard let (area, group, serial) = ssnParts(text) else { return false }
        return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0
    }

    @Test(arguments: ["{{ssn}}", "{{ssn:unique=true}}", "{{ssn:taxpayer_identification_number_type=SSN}}"])
    func ssns(_ placeholder: String) throws {
        let ssns = try Self.strings(placeholder)
        for ssn in ssns { #expect(Self.ssnValid(ssn), "\(ssn)") }
        if placeholder.contains("unique") { #expect(Set(ssns).count == ssns.count) }
    }

    @Test func invalidSSNsBreakARule() throws {
        for ssn in try Self.strings("{{invalid_ssn}}") {
            #expect(Self.ssnParts(ssn) != nil && !Self.ssnValid(ssn), "\(ssn)")
        }
        for ssn in try Self.strings("{{ssn:taxpayer_identification_number_type=INVALID_SSN}}", count: 200) {
            #expect(!Self.ssnValid(ssn), "\(ssn)")
        }
    }

    @Test(arguments: ["{{itin}}", "{{itin:unique=true}}", "{{ssn:taxpayer_identification_number_type=ITIN}}"])
    func itins(_ placeholder: String) throws {
        let groups = Set(Array(70...88) + Array(90...92) + Array(94...99))
        for itin in try Self.strings(placeholder) {
            let parts = try #require(Self.ssnParts(itin), "\(itin)")
            #expect((900...999).contains(parts.area) && groups.contains(parts.group), "\(itin)")
        }
    }

    @Test(arguments: ["{{ein}}", "{{ein:unique=true}}", "{{ssn:taxpayer_identification_number_type=EIN}}"])
    func eins(_ placeholder: String) throws {
        let prefixes: Set<Int> = Set([1, 2, 3, 4, 5, 6] + Array(10...16) + Array(20...27) + Array(30...48))
            .union(Array(50...68) + Array(71...77) + Array(80...88) + Array(90...95) + [98, 99])
        for ein in try Self.strings(placeholder) {
            let parts = ein.split(separator: "-")
            #expect(parts.map(\.count) == [2, 7] && parts.allSatisfy { Self.digits($0) != nil }, "\(ein)")
            #expect(prefixes.contains(Int(parts[0]) ?? -1), "\(ein)")
        }
        #expect(!EngineTest.errors(#"{"v":"{{ssn:taxpayer_identification_number_type=TIN}}"}"#).isEmpty)
    }

    // MARK: - Geography and currency

    /// A number with exactly six decimals, within `range`.
    static func isDegrees(_ value: JSONValue?, _ range: ClosedRange<Double>) -> Bool {
        guard case .number(let text)? = value, let number = Double(text) else { return false }
        return range.contains(number) && text.split(separator: ".").last?.count == 6
    }

    @Test func latitudesAndLongitudes() throws {
        #expect(try Self.values("{{latitude}}").allSatisfy { Self.isDegrees($0, -90...90) })
        #expect(try Self.values("{{longitude}}").allSatisfy { Self.isDegrees($0, -180...180) })
        #expect(try Self.values("{{coordinate}}").allSatisfy { Self.isDegrees($0, -180...180) })
        #expect(
            try Self.values("{{coordinate:center=45.5,radius=0.01}}").allSatisfy { Self.isDegrees($0, 45.49...45.51) })
        for pair in try Self.values("{{latlng}}") {
            let items = try #require(pair.arrayValue)
            #expect(items.count == 2 && Self.isDegrees(items[0], -90...90) && Self.isDegrees(items[1], -180...180))
        }
        let unique = try Self.values("{{latitude:unique=true}}")
        #expect(Set(unique.map(\.serialized)).count == unique.count)
    }

    @Test func placesOnLand() throws {
        for place in try Self.values("{{local_latlng}}", count: 500) {
            let items = place.arrayValue?.compactMap { $0.stringValue } ?? []
            #expect(items.count == 5 && items[3] == "US", "\(place.serialized)")
            #expect((-90...90).contains(Double(items[0]) ?? 999) && (-180...180).contains(Double(items[1]) ?? 999))
            #expect(items[4].contains("/"))
        }
        for place in try Self.values("{{location_on_land:coords_only=true}}", count: 500) {
            #expect(place.arrayValue?.compactMap(\.stringValue).compactMap(Double.init).count == 2)
        }
        #expect(
            try Self.values("{{local_latlng:country_code=JP}}", count: 50).allSatisfy {
                $0.arrayValue?[3].stringValue == "JP"
            })
        let distinctPlaces = Set(try Self.values("{{location_on_land}}").compactMap { $0.arrayValue?[2].stringValue })
        #expect(distinctPlaces.count >= 50)
    }

    static func isCode(_ text: String, _ lengths: ClosedRange<Int>) -> Bool {
        lengths.contains(text.count) && text.allSatisfy { ("A"..."Z").contains($0) }
    }

    @Test func currencies() throws {
        let codes = try Self.strings("{{currency_code}}")
        #expect(codes.allSatisfy { Self.isCode($0, 3...3) })
        #expect(Set(codes).count > 100)
        for pair in try Self.values("{{currency}}") {
            let items = pair.arrayValue?.compactMap { $0.stringValue } ?? []
            #expect(items.count == 2 && Self.isCode(items[0], 3...3) && !items[1].isEmpty, "\(pair.serialized)")
        }
        #expect(try Self.strings("{{cryptocurrency_code}}").allSatisfy { Self.isCode($0, 3...5) })
        #expect(try Self.strings("{{currency_symbol:code=EUR}}", count: 3) == ["€", "€", "€"])
        #expect(!EngineTest.errors(#"{"v":"{{currency_symbol:code=XXQ}}"}"#).isEmpty)
        for price in try Self.strings("{{pricetag}}") {
            let number = price.dropFirst().replacing(",", with: "")
            #expect(price.hasPrefix("$") && Double(number) != nil && number.split(separator: ".").last?.count == 2)
        }
    }

    // MARK: - Determinism

    static let everything = #"""
        {"a": "{{vin}}", "b": "{{ean13}}", "c": "{{upc_e}}", "d": "{{isbn13}}", "e": "{{sbn9}}", "f": "{{ssn}}",
         "g": "{{latlng}}", "h": "{{currency}}", "i": "{{passport_full}}", "j": "{{user_agent}}", "k": "{{emoji}}",
         "l": "{{dga}}", "m": "{{file_path}}", "n": "{{local_latlng}}", "o": "{{color_rgb_float}}",
         "p": "{{passport_dates:birthday=1990-05-17}}", "q": "{{nic_handles:count=3}}", "r": "{{image_url}}",
         "s": "{{license_plate}}", "t": "{{invalid_ssn}}", "u": "{{locale}}", "v": "{{military_apo}}"}
        """#

    @Test func sameSeedSameBytes() throws {
        let first = try EngineTest.bytes(Self.everything, .ndjson, seed: 9, count: 1_000, threads: 1)
        let second = try EngineTest.bytes(Self.everything, .ndjson, seed: 9, count: 1_000, threads: 4)
        #expect(first == second)
        #expect(first != (try EngineTest.bytes(Self.everything, .ndjson, seed: 10, count: 1_000, threads: 1)))
        #expect(try EngineTest.records(ndjson: String(decoding: first, as: UTF8.self)).count == 1_000)
    }

    @Test func dgaIsFixedByItsArguments() throws {
        let domains = try Self.strings("{{dga:year=2024,month=3,day=9,length=12,tld=com}}", count: 20)
        #expect(Set(domains).count == 1)
        let domain = try #require(domains.first)
        #expect(
            domain.count == 16 && domain.hasSuffix(".com") && domain.dropLast(4).allSatisfy { ("a"..."y").contains($0) }
        )
    }
}
