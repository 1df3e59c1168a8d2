import Testing

@testable import PhoneyCore

struct InternetGeneratorTests {
    /// The `v` field of each record rendered from `{"v": "<field>"}`.
    static func values(_ field: String, count: UInt64 = 1000, seed: UInt64 = 7) throws -> [JSONValue] {
        let template = #"{"v": "\#(field)"}"#
        let plan = try Plan.compile(json: template, options: CompileOptions(format: .ndjson, now: 1_700_000_000))
        let bytes = try Executor.render(plan, Executor.Run(seed: seed, count: count, threads: 1))
        return try bytes.split(separator: 0x0A).map { line in
            let record = try JSONValue.parse(String(decoding: line, as: UTF8.self))
            return try #require(record["v"])
        }
    }

    static func strings(_ field: String, count: UInt64 = 1000, seed: UInt64 = 7) throws -> [String] {
        try values(field, count: count, seed: seed).map { value in
            guard case .string(let text) = value else { throw Failure("not a string: \(value)") }
            return text
        }
    }

    static func integers(_ field: String, count: UInt64 = 1000) throws -> [Int] {
        try values(field, count: count).map { value in
            guard case .number(let text) = value, let number = Int(text) else { throw Failure("not an integer") }
            return number
        }
    }

    struct Failure: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    static func compiles(_ field: String) -> Bool {
        (try? Plan.compile(json: #"{"v": "\#(field)"}"#, options: CompileOptions(format: .ndjson))) != nil
    }

    static func isLocalPart(_ text: Substring) -> Bool {
        !text.isEmpty
            && text.utf8.allSatisfy {
                ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x5F
            }
    }

    /// `label.label…tld`: lower-case letters, digits and hyphens between dots.
    static func isDomain(_ text: Substring) -> Bool {
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2
            && labels.allSatisfy { label in
                !label.isEmpty
                    && label.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
            }
    }

    static func emailParts(_ email: String) -> (Substring, Substring)? {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        return (parts[0], parts[1])
    }

    static let safeDomains: Set<Substring> = ["example.com", "example.org", "example.net"]
    static var freeDomains: Set<Substring> { Set(LocaleData.enUS.freeEmailDomains.allText().map { Substring($0) }) }

    @Test(arguments: [
        "email", "email:safe=false", "safe_email", "free_email", "company_email", "ascii_email", "ascii_safe_email",
        "ascii_free_email", "ascii_company_email",
    ])
    func emailShape(_ generator: String) throws {
        for email in try Self.strings("{{\(generator)}}") {
            let (local, domain) = try #require(Self.emailParts(email), "\(email)")
            #expect(Self.isLocalPart(local), "\(email)")
            #expect(Self.isDomain(domain), "\(email)")
        }
    }

    @Test(arguments: [
        ("email", "safe"), ("safe_email", "safe"), ("ascii_safe_email", "safe"), ("free_email", "free"),
        ("ascii_free_email", "free"),
    ])
    func emailDomains(_ generator: String, _ kind: String) throws {
        let allowed = kind == "safe" ? Self.safeDomains : Self.freeDomains
        for email in try Self.strings("{{\(generator)}}") {
            let (_, domain) = try #require(Self.emailParts(email))
            #expect(allowed.contains(domain), "\(email)")
        }
    }

    @Test func emailWithFixedDomain() throws {
        for email in try Self.strings("{{email:domain=acme.io}}", count: 200) {
            #expect(email.hasSuffix("@acme.io"))
            #expect(Self.isLocalPart(try #require(Self.emailParts(email)).0))
        }
    }

    @Test func unsafeEmailMixesCompanyAndFreeDomains() throws {
        let domains = try Self.strings("{{email:safe=false}}").compactMap { Self.emailParts($0)?.1 }
        #expect(domains.contains { Self.freeDomains.contains($0) })
        #expect(domains.contains { !Self.freeDomains.contains($0) && !Self.safeDomains.contains($0) })
    }

    @Test func userNamesAreLowerCaseASCII() throws {
        let names = try Self.strings("{{user_name}}")
        for name in names { #expect(Self.isLocalPart(Substring(name)), "\(name)") }
        #expect(names.contains { $0.contains(".") })
        #expect(names.contains { $0.contains { $0.isNumber } })
        #expect(Set(names).count > 900)
    }

    @Test(arguments: [1, 2, 3])
    func domainNameLevels(_ levels: Int) throws {
        for domain in try Self.strings("{{domain_name:levels=\(levels)}}", count: 300) {
            #expect(Self.isDomain(Substring(domain)), "\(domain)")
            #expect(domain.split(separator: ".").count == levels + 1, "\(domain)")
        }
    }

    @Test func hostnameAndWords() throws {
        for host in try Self.strings("{{hostname}}", count: 300) {
            #expect(Self.isDomain(Substring(host)) && host.split(separator: ".").count == 3, "\(host)")
        }
        for host in try Self.strings("{{hostname:levels=0}}", count: 100) { #expect(!host.contains(".")) }
        for word in try Self.strings("{{domain_word}}", count: 300) { #expect(!word.contains(".") && !word.isEmpty) }
        let tlds = Set(LocaleData.enUS.topLevelDomains.allText())
        for tld in try Self.strings("{{tld}}", count: 300) { #expect(tlds.contains(tld)) }
    }

    @Test func urlsAndURIs() throws {
        for url in try Self.strings("{{url}}", count: 300) {
            #expect(url.hasPrefix("http://") || url.hasPrefix("https://"), "\(url)")
            #expect(url.hasSuffix("/"))
            let host = url.split(separator: "/")[1]
            #expect(Self.isDomain(host), "\(url)")
        }
        for url in try Self.strings("{{url:schemes=[ftp]}}", count: 50) { #expect(url.hasPrefix("ftp://")) }
        for uri in try Self.strings("{{uri}}", count: 300) {
            #expect(uri.hasPrefix("http://") || uri.hasPrefix("https://"), "\(uri)")
            #expect(!uri.contains(" ") && !uri.contains("//", after: 8), "\(uri)")
        }
        for path in try Self.strings("{{uri_path:deep=3}}", count: 100) {
            #expect(path.split(separator: "/").count == 3)
        }
        for slug in try Self.strings("{{slug}}", count: 200) {
            #expect(!slug.isEmpty && slug.allSatisfy { $0 == "-" || ($0.isASCII && $0.isLowercase) }, "\(slug)")
        }
        #expect(try Self.strings("{{slug:value='Hello, World!'}}", count: 1) == ["hello-world"])
        #expect(!Self.compiles("{{url:schemes=['bad scheme']}}"))
    }

    static func octets(_ address: String) -> [Int]? {
        let parts = address.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        let values = parts.compactMap { Int($0) }
        guard values.count == 4, values.allSatisfy({ (0...255).contains($0) }),
            zip(parts, values).allSatisfy({ String($1) == $0 })
        else { return nil }
        return values
    }

    static func isPrivate(_ o: [Int]) -> Bool {
        o[0] == 10 || (o[0] == 172 && (16...31).contains(o[1])) || (o[0] == 192 && o[1] == 168)
    }

    @Test func ipv4Addresses() throws {
        let addresses = try Self.strings("{{ipv4}}", count: 2000)
        for address in addresses { #expect(Self.octets(address) != nil, "\(address)") }
        #expect(Set(addresses.map { $0.split(separator: ".")[0] }).count > 100)
        for address in try Self.strings("{{ipv4_private}}") {
            #expect(Self.isPrivate(try #require(Self.octets(address))), "\(address)")
        }
        for address in try Self.strings("{{ipv4:private=false}}") {
            let o = try #require(Self.octets(address))
            #expect(!Self.isPrivate(o) && o[0] != 127 && o[0] != 0 && o[0] < 224, "\(address)")
        }
        for address in try Self.strings("{{ipv4_public:address_class=b}}", count: 300) {
            #expect((128...191).contains(try #require(Self.octets(address))[0]))
        }
        for address in try Self.strings("{{ipv4_private:address_class=c}}", count: 300) {
            #expect(address.hasPrefix("192.168."))
        }
        #expect(!Self.compiles("{{ipv4:address_class=d}}"))
    }

    @Test func ipv4Networks() throws {
        for network in try Self.strings("{{ipv4:network=true}}", count: 500) {
            let parts = network.split(separator: "/")
            let o = try #require(Self.octets(String(parts[0])), "\(network)")
            let prefix = try #require(Int(parts[1]))
            #expect((0...32).contains(prefix))
            let value = o.reduce(0) { $0 << 8 | $1 }
            let hostBits = prefix == 32 ? 0 : (1 << (32 - prefix)) - 1
            #expect(value & hostBits == 0, "\(network)")
        }
    }

    /// Expands a compressed IPv6 address into its 8 hextets, or nil when it is malformed.
    static func hextets(_ address: String) -> [Int]? {
        let halves = address.split(separator: "::", omittingEmptySubsequences: false).map(String.init)
        guard halves.count <= 2 else { return nil }
        func groups(_ text: String) -> [Int]? {
            if text.isEmpty { return [] }
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            let values = parts.compactMap { $0.count <= 4 && $0.lowercased() == $0 ? Int($0, radix: 16) : nil }
            return values.count == parts.count ? values : nil
        }
        guard let head = groups(halves[0]) else { return nil }
        if halves.count == 1 { return head.count == 8 ? head : nil }
        guard let tail = groups(halves[1]), head.count + tail.count < 7 else { return nil }
        return head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail
    }

    @Test func ipv6AndMAC() throws {
        for address in try Self.strings("{{ipv6}}") { #expect(Self.hextets(address) != nil, "\(address)") }
        for network in try Self.strings("{{ipv6:network=true}}", count: 300) {
            let parts = network.split(separator: "/")
            #expect(Self.hextets(String(parts[0])) != nil && Int(parts[1]).map { (0...128).contains($0) } == true)
        }
        for mac in try Self.strings("{{mac_address}}") {
            let octets = mac.split(separator: ":").compactMap { $0.count == 2 ? Int($0, radix: 16) : nil }
            #expect(octets.count == 6 && octets[0] & 1 == 0, "\(mac)")
        }
        for mac in try Self.strings("{{mac_address:multicast=true}}", count: 100) {
            #expect(Int(mac.prefix(2), radix: 16)! & 1 == 1)
        }
    }

    @Test func portsAndHTTP() throws {
        #expect(try Self.integers("{{port_number}}").allSatisfy { (0...65535).contains($0) })
        #expect(try Self.integers("{{port_number:is_system=true}}").allSatisfy { (0...1023).contains($0) })
        #expect(try Self.integers("{{port_number:is_dynamic=true}}").allSatisfy { (49152...65535).contains($0) })
        #expect(try Self.integers("{{http_status_code}}").allSatisfy { (100...599).contains($0) })
        let assigned = Set(InternetProvider.assignedStatusCodes.map(Int.init))
        #expect(try Self.integers("{{http_status_code:include_unassigned=false}}").allSatisfy(assigned.contains))
        let methods: Set<String> = ["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"]
        #expect(try Self.strings("{{http_method}}").allSatisfy(methods.contains))
        #expect(try Self.strings("{{uri_extension}}").allSatisfy { $0.hasPrefix(".") })
    }

    @Test(arguments: [
        "email", "safe_email", "free_email", "company_email", "ascii_email", "user_name", "email:domain=acme.io",
        "ipv4", "ipv4_private", "ipv4_public", "ipv6", "mac_address", "domain_name", "domain_name:levels=2",
        "domain_word",
    ])
    func uniqueValuesAreDistinct(_ generator: String) throws {
        let field = generator.contains(":") ? "{{\(generator),unique=true}}" : "{{\(generator):unique=true}}"
        let values = try Self.strings(field, count: generator == "domain_word" ? 1000 : 5000)
        #expect(Set(values).count == values.count)
    }

    @Test func uniqueIndexedFormsKeepTheirShape() throws {
        for email in try Self.strings("{{email:unique=true}}", count: 500) {
            let (local, domain) = try #require(Self.emailParts(email))
            #expect(Self.isLocalPart(local) && Self.safeDomains.contains(domain), "\(email)")
        }
        for address in try Self.strings("{{ipv4_public:unique=true}}", count: 2000) {
            let o = try #require(Self.octets(address))
            #expect(!Self.isPrivate(o) && o[0] != 127 && o[0] < 224, "\(address)")
        }
    }

    @Test(arguments: LocaleData.supported)
    func emailsAreASCIIInEveryLocale(_ locale: String) throws {
        let plan = try Plan.compile(
            json: #"{"e": "{{email:safe=false}}", "u": "{{user_name}}", "q": "{{free_email:unique=true}}"}"#,
            options: CompileOptions(format: .ndjson, locale: locale, now: 1_700_000_000))
        let bytes = try Executor.render(plan, Executor.Run(seed: 2, count: 500, threads: 1))
        var unique: Set<String> = []
        for line in bytes.split(separator: 0x0A) {
            let record = try JSONValue.parse(String(decoding: line, as: UTF8.self))
            guard case .string(let email)? = record["e"], case .string(let name)? = record["u"],
                case .string(let free)? = record["q"]
            else { throw Failure("unexpected record") }
            let (local, domain) = try #require(Self.emailParts(email))
            #expect(Self.isLocalPart(local) && Self.isDomain(domain), "\(email)")
            #expect(Self.isLocalPart(Substring(name)), "\(name)")
            unique.insert(free)
        }
        #expect(unique.count == 500)
    }

    @Test func sameSeedSameBytes() throws {
        let template = #"{"e": "{{email}}", "u": "{{url}}", "i": "{{ipv4}}", "h": "{{ipv6}}", "n": "{{user_name}}"}"#
        let plan = try Plan.compile(json: template, options: CompileOptions(format: .ndjson, now: 1_700_000_000))
        let first = try Executor.render(plan, Executor.Run(seed: 11, count: 500, threads: 1))
        let second = try Executor.render(plan, Executor.Run(seed: 11, count: 500, threads: 4))
        let other = try Executor.render(plan, Executor.Run(seed: 12, count: 500, threads: 1))
        #expect(first == second)
        #expect(first != other)
    }
}

extension String {
    fileprivate func contains(_ other: String, after offset: Int) -> Bool {
        String(dropFirst(offset)).contains(other)
    }
}
