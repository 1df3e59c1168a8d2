/// Every generator Phoney knows, by name, with the original Phoney's aliases.
public enum Catalog {
    package static let specs: [GeneratorSpec] = {
        let providers: [[GeneratorSpec]] = [
            PersonProvider.generators, AddressProvider.generators, InternetProvider.generators,
            CompanyProvider.generators, LoremProvider.generators, PythonProvider.generators,
            DateTimeProvider.generators, FinanceProvider.generators, MiscProvider.generators,
            PhoneNumberProvider.generators, AutomotiveProvider.generators, BarcodeProvider.generators,
            CurrencyProvider.generators, FileProvider.generators, GeoProvider.generators, IsbnProvider.generators,
            SsnProvider.generators, PassportProvider.generators, UserAgentProvider.generators,
            EmojiProvider.generators, InternetProvider.registryGenerators, AddressProvider.militaryGenerators,
            MiscProvider.localeGenerators, MiscProvider.colorSpaceGenerators,
        ]
        return providers.flatMap { $0 }.sorted { $0.name < $1.name }
    }()

    static let index: [String: Int] = {
        var index: [String: Int] = [:]
        for (position, spec) in specs.enumerated() {
            precondition(index[spec.name] == nil, "generator \(spec.name) is defined twice")
            index[spec.name] = position
        }
        return index
    }()

    /// Names the original Phoney accepted for other generators.
    public static let aliases: [String: String] = [
        "full_name": "name", "person": "name", "username": "user_name", "user": "user_name", "mail": "email",
        "phone": "phone_number", "telephone": "phone_number", "mobile": "phone_number",
        "street": "street_address", "zip": "zipcode", "postal": "postcode", "website": "url",
        "domain": "domain_name", "ip": "ipv4", "datetime": "date_time", "timestamp": "unix_time",
        "number": "random_int", "integer": "random_int", "float": "pyfloat", "decimal": "pydecimal",
        "profession": "job", "color": "color_name", "uuid": "uuid4", "guid": "uuid4",
        "bool": "pybool",
    ]

    /// Generators of Faker that make no data (files, binary blobs, Python objects), with the reason.
    public static let unsupported: Set<String> = [
        "binary", "zip", "tar", "image", "json", "json_bytes", "xml", "csv", "dsv", "tsv", "psv", "fixed_width",
        "pyobject", "pytimezone", "pyiterable", "pylist", "pyset", "pytuple", "pydict", "pystruct", "enum",
        "time_object", "time_delta", "date_object", "date_time_ad", "unique", "seed", "seed_instance",
    ]

    /// Sorted generator names.
    public static var names: [String] { specs.map(\.name) }

    /// Provider names, sorted.
    public static var providers: [String] { Array(Set(specs.map(\.provider))).sorted() }

    /// The spec for a name as written in a template: case-insensitive, aliases resolved, optionally qualified by
    /// its provider (`person.first_name`).
    package static func lookup(_ written: String) -> GeneratorSpec? {
        var name = written.lowercased()
        var provider: Substring? = nil
        if let dot = name.lastIndex(of: ".") {
            provider = name[..<dot]
            name = String(name[name.index(after: dot)...])
        }
        // The original Phoney's aliases win over Faker names they shadow (`color` → `color_name`), so its clients
        // get what they got; a provider-qualified name (`color.color`) reaches the Faker generator. (`boolean` is
        // Faker's own generator: it gives a boolean, as the old alias to `pybool` did.)
        let canonical =
            provider == nil ? (aliases[name] ?? name) : (index[name] != nil ? name : (aliases[name] ?? name))
        guard let position = index[canonical] else { return nil }
        let spec = specs[position]
        if let provider, provider != spec.provider { return nil }
        return spec
    }

    /// Up to five known names close to `written`: names it begins first, then the nearest by edit distance.
    public static func suggestions(for written: String) -> [String] {
        let name = String(written.lowercased().split(separator: ".").last ?? "")
        guard !name.isEmpty else { return [] }
        let candidates = names + aliases.filter { index[$0.value] != nil }.keys.sorted()
        let limit = max(2, name.count / 3)
        var scored: [(distance: Int, name: String)] = []
        for candidate in candidates {
            let distance = EditDistance.between(name, candidate)
            if distance <= limit {
                scored.append((distance, candidate))
            } else if name.count >= 3, candidate.hasPrefix(name) || candidate.hasSuffix("_" + name) {
                scored.append((limit + 1, candidate))
            }
        }
        scored.sort { ($0.distance, $0.name.count, $0.name) < ($1.distance, $1.name.count, $1.name) }
        // Names that begin with what was written come first (`em` → `email`, `emoji`), shortest first.
        var prefixed: [(distance: Int, name: String)] = []
        if name.count >= 2 {
            prefixed = candidates.filter { $0.hasPrefix(name) }.sorted { ($0.count, $0) < ($1.count, $1) }
                .map { (0, $0) }
        }
        var seen: Set<String> = []
        var result: [String] = []
        for entry in prefixed + scored where seen.insert(entry.name).inserted {
            result.append(entry.name)
            if result.count == 5 { break }
        }
        return result
    }
}

/// Damerau–Levenshtein (optimal string alignment) distance, for suggestions.
package enum EditDistance {
    package static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a.utf8)
        let b = Array(b.utf8)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
