import HTTPTypes
import Hummingbird
import HummingbirdCore
import PhoneyCore

/// The single-generator endpoints and the catalog listings.
enum GeneratorRoutes {
    static func add<Context: PhoneyRequestContext>(to router: Router<Context>, api: APIService) {
        for prefix in ["", "/api/v1"] {
            router.get("\(prefix)/fake/{generator}") { request, context -> Response in
                let query = try FakeQuery(request.uri)
                let spec = try api.resolveGenerator(context.parameters.decoded("generator"))
                let (values, locale) = try api.generatorValues(
                    spec.name, count: query.count, locale: query.locale, seed: query.seed)
                return Response.json(
                    .object([
                        ("generator", .string(spec.name)),
                        ("data", query.count == 1 ? values[0] : .array(values)),
                        ("count", .integer(query.count)),
                        ("locale", .string(locale)),
                        ("seed", .number(query.seedText)),
                    ]))
            }
            router.get("\(prefix)/generators") { _, _ -> Response in
                Response.json(bytes: api.generatorList)
            }
        }

        router.get("/api/v1/providers") { _, _ -> Response in
            Response.json(bytes: api.providerList)
        }

        router.get("/api/v1/provider/{provider}") { _, context -> Response in
            let provider = try CatalogDocuments.resolveProvider(context.parameters.decoded("provider"))
            return Response.json(CatalogDocuments.provider(provider))
        }

        router.get("/api/v1/provider/{provider}/{generator}") { request, context -> Response in
            let query = try FakeQuery(request.uri)
            let provider = try CatalogDocuments.resolveProvider(context.parameters.decoded("provider"))
            let written = context.parameters.decoded("generator")
            let spec = try api.resolveGenerator(provider: provider, written)
            let (values, locale) = try api.generatorValues(
                spec.name, count: query.count, locale: query.locale, seed: query.seed)
            return Response.json(
                .object([
                    ("provider", .string(provider)),
                    ("generator", .string(spec.name)),
                    ("data", query.count == 1 ? values[0] : .array(values)),
                    ("count", .integer(query.count)),
                    ("locale", .string(locale)),
                    ("seed", .number(query.seedText)),
                ]))
        }

        router.post("/api/v1/generate") { request, _ -> Response in
            _ = try await api.authenticator.authenticate(request)
            let body = try await api.readJSONBody(request)
            let call = try GeneratorCall(body: body, limits: api.config.templateLimits)
            let provider = try CatalogDocuments.resolveProvider(call.provider)
            let spec = try api.resolveGenerator(provider: provider, call.generator)
            let arguments = try call.placeholderArguments(for: spec)
            let (values, locale) = try api.generatorValues(
                spec.name, arguments: arguments, count: call.count, locale: call.locale, seed: call.seed,
                unique: call.unique)
            return Response.json(
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

extension Parameters {
    /// A path parameter percent-decoded, as FastAPI hands it to a route (`/fake/e%6Dail` is `email`); the text
    /// as written when it does not decode to UTF-8.
    func decoded(_ name: String) -> String {
        guard let raw = self.get(name) else { return "" }
        guard raw.utf8.contains(UInt8(ascii: "%")) else { return raw }
        return FormBody.decode(raw[...], plusIsSpace: false) ?? raw
    }
}
