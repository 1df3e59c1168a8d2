import HTTPTypes
import PhoneyCore

extension APIService {
    /// The generator a URL names: its exact name or one of the original's aliases, in any case. Never a fuzzy
    /// match: `/fake/em` is a 404 that suggests `email`.
    ///
    /// - Throws: `APIError` 404 with up to five suggestions.
    package func resolveGenerator(_ written: String) throws(APIError) -> GeneratorSpec {
        let name = written.lowercased()
        if !name.contains("."), let spec = Catalog.lookup(name) { return spec }
        if Catalog.unsupported.contains(name) {
            throw APIError(
                .notFound, detail: .string("Generator '\(written)' is not supported: it does not produce JSON data."),
                extra: [("suggestions", .array([]))])
        }
        let suggestions = Self.generatorSuggestions(for: name)
        var message = "Generator '\(written)' not found."
        if !suggestions.isEmpty { message += " Did you mean: \(suggestions.joined(separator: ", "))?" }
        throw APIError(.notFound, detail: .string(message), extra: [("suggestions", .strings(suggestions))])
    }

    /// Up to five known names for a name that is not one, as a template's error suggests them.
    static func generatorSuggestions(for name: String) -> [String] {
        Catalog.suggestions(for: name)
    }

    /// `count` values of one generator, one per record of a one-field template, so value i is the same for any
    /// `count` above i with the same seed.
    ///
    /// - Parameters:
    ///   - arguments: placeholder arguments without the colon (`min=1,max=5`), or empty.
    /// - Throws: `APIError` 422 for bad arguments, an unknown locale, or too few unique values.
    package func generatorValues(
        _ name: String, arguments: String = "", count: Int, locale: String?, seed: UInt64, unique: Bool = false
    ) throws(APIError) -> (values: [JSONValue], locale: String) {
        let locale = try self.locale(locale)
        let placeholder = arguments.isEmpty ? "{{\(name)}}" : "{{\(name):\(arguments)}}"
        let template = JSONValue.object([("v", .string(placeholder))]).serialized
        let options = CompileOptions(format: .json, locale: locale, uniqueAll: unique, limits: config.templateLimits)
        let plan: Plan
        do {
            plan = try self.plan(json: template, options: options)
        } catch {
            throw APIError.invalidArguments(name, error)
        }
        let bytes: [UInt8]
        do {
            bytes = try Executor.render(plan, Executor.Run(seed: seed, count: UInt64(count), threads: 1))
        } catch {
            // The one-field template is ours: the error names the generator, not the internal field.
            var error = error
            error.pointer = ""
            throw APIError.templateFailure([error])
        }
        var limits = TemplateLimits.default
        limits.maxBytes = max(bytes.count, limits.maxBytes)
        limits.maxNodes = Int.max
        limits.maxDepth = 256
        guard case .array(let records)? = try? bytes.withUnsafeBytes({ try JSONValue.parse($0, limits: limits) }) else {
            throw APIError(.internalServerError, "generator \(name) wrote invalid JSON")
        }
        metrics.generated(UInt64(count))
        return (records.map { $0["v"] ?? .null }, locale)
    }
}

extension APIError {
    /// 422 for a generator whose arguments do not compile, keeping the template errors for detail.
    static func invalidArguments(_ name: String, _ error: APIError) -> APIError {
        guard case .object(let members) = error.detail,
            case .array(let errors)? = members.first(where: { $0.key == "errors" })?.value
        else { return error }
        let messages = errors.compactMap { error -> String? in
            guard case .string(let message)? = error["message"] else { return nil }
            return message
        }
        return APIError(
            .unprocessableContent,
            detail: .string("Invalid parameters for generator '\(name)': \(messages.joined(separator: "; "))"),
            extra: [("errors", .array(errors))])
    }
}
