import HTTPTypes
import PhoneyCore

/// The single-generator endpoints and the catalog listings.
enum GeneratorRoutes {
    static func add(to router: APIRouter, api: APIService) {
        for prefix in ["", "/api/v1"] {
            router.get("\(prefix)/fake/{generator}") { request, context -> APIResponse in
                let query = try FakeQuery(query: request.query)
                let spec = try api.resolveGenerator(context.parameters.decoded("generator"))
                let (values, locale) = try api.generatorValues(
                    spec.name, count: query.count, locale: query.locale, seed: query.seed)
                return APIResponse.json(
                    .object([
                        ("generator", .string(spec.name)),
                        ("data", query.count == 1 ? values[0] : .array(values)),
                        ("count", .integer(query.count)),
                        ("locale", .string(locale)),
                        ("seed", .number(query.seedText)),
                    ]))
            }
            router.get("\(prefix)/generators") { _, _ -> APIResponse in
                APIResponse.json(bytes: api.generatorList)
            }
        }

        router.get("/api/v1/providers") { _, _ -> APIResponse in
            APIResponse.json(bytes: api.providerList)
        }

        router.get("/api/v1/provider/{provider}") { _, context -> APIResponse in
            let provider = try CatalogDocuments.resolveProvider(context.parameters.decoded("provider"))
            return APIResponse.json(CatalogDocuments.provider(provider))
        }

        router.get("/api/v1/provider/{provider}/{generator}") { request, context -> APIResponse in
            let query = try FakeQuery(query: request.query)
            let provider = try CatalogDocuments.resolveProvider(context.parameters.decoded("provider"))
            let written = context.parameters.decoded("generator")
            let spec = try api.resolveGenerator(provider: provider, written)
            let (values, locale) = try api.generatorValues(
                spec.name, count: query.count, locale: query.locale, seed: query.seed)
            return APIResponse.json(
                .object([
                    ("provider", .string(provider)),
                    ("generator", .string(spec.name)),
                    ("data", query.count == 1 ? values[0] : .array(values)),
                    ("count", .integer(query.count)),
                    ("locale", .string(locale)),
                    ("seed", .number(query.seedText)),
                ]))
        }

        router.post("/api/v1/generate") { request, _ -> APIResponse in
            _ = try await api.authenticator.authenticate(request)
            let body = try await api.readJSONBody(request)
            let call = try GeneratorCall(body: body, limits: api.config.templateLimits)
            let provider = try CatalogDocuments.resolveProvider(call.provider)
            let spec = try api.resolveGenerator(provider: provider, call.generator)
            let arguments = try call.placeholderArguments(for: spec)
            let (values, locale) = try api.generatorValues(
                spec.name, arguments: arguments, count: call.count, locale: call.locale, seed: call.seed,
                unique: call.unique)
            return APIResponse.json(
                .object([
                    ("provider", .string(provider)),
                    ("generator", .string(spec.name)),
                    ("data", call.count == 1 ? values[0] : .array(values)),
                    ("count", .integer(call.count)),
                    ("locale", .string(locale)),
                    ("seed", .number(call.seedText)),
                ]))
        }
    }
}

extension APIService {
    /// A generator of `provider`, by exact name or alias.
    ///
    /// - Throws: `APIError` 404 when the name is unknown or belongs to another provider.
    func resolveGenerator(provider: String, _ written: String) throws(APIError) -> GeneratorSpec {
        let spec: GeneratorSpec
        do {
            spec = try resolveGenerator(written)
        } catch {
            var error = error
            error.detail = .string("Generator '\(written)' not found in provider '\(provider)'")
            throw error
        }
        guard spec.provider == provider else {
            throw APIError(
                .notFound, detail: .string("Generator '\(written)' not found in provider '\(provider)'"),
                extra: [("suggestions", .strings(["\(spec.provider)/\(spec.name)"]))])
        }
        return spec
    }
}
