import PhoneyCore

/// The provider documents, built from the catalog.
enum CatalogDocuments {
    /// `[{name, url, generator_count}]`, sorted by name.
    static var providers: JSONValue {
        .array(
            Catalog.providers.map { provider in
                .object([
                    ("name", .string(provider)),
                    ("url", .string("/api/v1/provider/\(provider)")),
                    ("generator_count", .integer(generators(of: provider).count)),
                ])
            })
    }

    /// Sorted generator names of `provider`.
    static func generators(of provider: String) -> [String] {
        Catalog.specs.filter { $0.provider == provider }.map(\.name).sorted()
    }

    /// `{provider, generators, generator_urls}`.
    static func provider(_ provider: String) -> JSONValue {
        let names = generators(of: provider)
        return .object([
            ("provider", .string(provider)),
            ("generators", .strings(names)),
            ("generator_urls", .object(names.map { ($0, .string("/api/v1/provider/\(provider)/\($0)")) })),
        ])
    }

    /// The provider named `written` (case-insensitive).
    ///
    /// - Throws: `APIError` 404 with the nearest provider names.
    static func resolveProvider(_ written: String) throws(APIError) -> String {
        let name = written.lowercased()
        if Catalog.providers.contains(name) { return name }
        let suggestions = Catalog.providers
            .map { (EditDistance.between(name, $0), $0) }
            .filter { $0.0 <= max(2, name.count / 3) || (name.count >= 3 && $0.1.hasPrefix(name)) }
            .sorted { $0 < $1 }
            .prefix(5).map(\.1)
        var message = "Provider '\(written)' not found."
        if !suggestions.isEmpty { message += " Did you mean: \(suggestions.joined(separator: ", "))?" }
        throw APIError(
            .notFound, detail: .string(message),
            extra: [("suggestions", .strings(suggestions)), ("providers", .strings(Catalog.providers))])
    }
}
