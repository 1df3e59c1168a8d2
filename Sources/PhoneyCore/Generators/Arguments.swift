/// A placeholder's keyword arguments, read by a generator's compile step.
///
/// Each read marks the argument used; the compiler reports any argument no generator read as
/// `invalid_parameter`, with the generator's real parameter names as suggestions.
package struct Arguments {
    package let generator: String
    package private(set) var values: [(key: String, value: Placeholder.Argument)]
    package private(set) var used: Set<String> = []
    /// The reference time (Unix seconds, UTC) that `now`, `today` and relative dates count from.
    package let now: Int64

    package init(generator: String, values: [(key: String, value: Placeholder.Argument)], now: Int64) {
        self.generator = generator
        self.values = values
        self.now = now
    }

    package var unused: [String] {
        values.map(\.key).filter { !used.contains($0) }
    }

    package func has(_ key: String) -> Bool {
        values.contains { $0.key == key }
    }

    package mutating func raw(_ key: String) -> Placeholder.Argument? {
        guard let value = values.first(where: { $0.key == key })?.value else { return nil }
        used.insert(key)
        return value
    }

    package func error(_ key: String, _ message: String) -> TemplateError {
        TemplateError(.invalidParameter, "`\(generator)`: parameter `\(key)` \(message)", generator: generator)
    }

    package mutating func string(_ key: String) throws(TemplateError) -> String? {
        guard let value = raw(key) else { return nil }
        guard let text = value.text else { throw error(key, "must be a single value, not a list") }
        return text
    }

    package mutating func string(_ key: String, default fallback: String) throws(TemplateError) -> String {
        try string(key) ?? fallback
    }

    package mutating func int(_ key: String) throws(TemplateError) -> Int64? {
        guard let text = try string(key) else { return nil }
        if text.lowercased() == "none" { return nil }
        guard let value = Arguments.parseInt(text) else {
            throw error(key, "must be an integer, got `\(text)`")
        }
        return value
    }

    package mutating func int(_ key: String, default fallback: Int64) throws(TemplateError) -> Int64 {
        try int(key) ?? fallback
    }

    /// An integer in `range`.
    package mutating func int(
        _ key: String, default fallback: Int64, in range: ClosedRange<Int64>
    )
        throws(TemplateError) -> Int64
    {
        let value = try int(key) ?? fallback
        guard range.contains(value) else {
            throw error(key, "must be between \(range.lowerBound) and \(range.upperBound), got \(value)")
        }
        return value
    }

    package mutating func double(_ key: String) throws(TemplateError) -> Double? {
        guard let text = try string(key) else { return nil }
        if text.lowercased() == "none" { return nil }
        guard let value = Double(text), value.isFinite else { throw error(key, "must be a number, got `\(text)`") }
        return value
    }

    package mutating func bool(_ key: String, default fallback: Bool) throws(TemplateError) -> Bool {
        guard let text = try string(key) else { return fallback }
        switch text.lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw error(key, "must be true or false, got `\(text)`")
        }
    }

    /// A list argument; a single value counts as a list of one.
    package mutating func list(_ key: String) throws(TemplateError) -> [Placeholder.Argument]? {
        guard let value = raw(key) else { return nil }
        if case .list(let items) = value { return items }
        return [value]
    }

    /// A date argument in Unix seconds (UTC): `now`, `today`, `-30y`, `+1d`, `2020-01-31`, `2020-01-31T10:00:00`,
    /// or a Unix timestamp.
    package mutating func date(_ key: String, default fallback: String) throws(TemplateError) -> Int64 {
        let text = try string(key) ?? fallback
        guard let value = DateExpression.parse(text, now: now) else {
            throw error(
                key,
                "must be a date: `now`, `today`, a relative offset like `-30y`, `+2w`, `-1d12h`, "
                    + "an ISO date `2024-01-31` or date-time `2024-01-31T12:00:00`, got `\(text)`")
        }
        return value
    }

    package static func parseInt(_ text: String) -> Int64? {
        if let value = Int64(text) { return value }
        if let value = Int64(text.replacing("_", with: "")) { return value }
        if let double = Double(text), double == double.rounded(), abs(double) < 9e15 { return Int64(double) }
        return nil
    }
}
