import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PhoneyAPI
import PhoneyCore
import Testing

struct FakeRouteTests {
    @Test(arguments: ["/fake", "/api/v1/fake"])
    func oneValueIsAScalar(prefix: String) async throws {
        try await TestSupport.app().test(.router) { client in
            try await client.execute(uri: "\(prefix)/name?seed=42", method: .get) { (response) async throws in
                #expect(response.status == .ok)
                let body = try TestSupport.json(response)
                #expect(body.objectKeys == ["generator", "data", "count", "locale", "seed"])
                #expect(body["generator"] == .string("name"))
                #expect(body["data"]?.stringValue?.isEmpty == false)
                #expect(body["count"] == .number("1"))
                #expect(body["locale"] == .string("en_US"))
                #expect(body["seed"] == .number("42"))
            }
        }
    }

    @Test func manyValuesAreAListAndSeedsRepeat() async throws {
        try await TestSupport.app().test(.router) { client in
            let first = try await client.execute(uri: "/fake/email?count=5&seed=7", method: .get) {
                (response) async throws in
                #expect(response.status == .ok)
                return try #require(try TestSupport.json(response)["data"]?.arrayValue)
            }
            #expect(first.count == 5)
            let again = try await client.execute(uri: "/fake/email?count=5&seed=7", method: .get) {
                (response) async throws in
                try #require(try TestSupport.json(response)["data"]?.arrayValue)
            }
            #expect(first == again)
            let single = try await client.execute(uri: "/fake/email?seed=7", method: .get) { (response) async throws in
                try TestSupport.json(response)["data"]
            }
            #expect(single == first[0])
        }
    }

    @Test func aRandomSeedIsReturned() async throws {
        try await TestSupport.app().test(.router) { client in
            let (seed, value) = try await client.execute(uri: "/fake/name", method: .get) { (response) async throws in
                let body = try TestSupport.json(response)
                return (try #require(body["seed"]?.uint64Value), body["data"])
            }
            #expect(seed < 1 << 53)
            try await client.execute(uri: "/fake/name?seed=\(seed)", method: .get) { (response) async throws in
                #expect(try TestSupport.json(response)["data"] == value)
            }
        }
    }

    @Test(arguments: [("phone", "phone_number"), ("UUID", "uuid4"), ("Email", "email"), ("zip", "zipcode")])
    func aliasesAndCaseResolve(written: String, canonical: String) async throws {
        try await TestSupport.app().test(.router) { client in
            try await client.execute(uri: "/fake/\(written)", method: .get) { (response) async throws in
                #expect(response.status == .ok)
                #expect(try TestSupport.json(response)["generator"] == .string(canonical))
            }
        }
    }

    /// Path parameters are percent-decoded as FastAPI decodes them; `+` stays itself in a path.
    @Test func percentEncodedPathParametersAreDecoded() async throws {
        try await TestSupport.app().test(.router) { client in
            for (uri, generator) in [
                ("/fake/e%6Dail?seed=3", "email"), ("/api/v1/fake/first%5Fname?seed=3", "first_name"),
                ("/api/v1/provider/per%73on/last%5fname?seed=3", "last_name"),
            ] {
                try await client.execute(uri: uri, method: .get) { (response) async throws in
                    #expect(response.status == .ok, "\(uri)")
                    #expect(try TestSupport.json(response)["generator"] == .string(generator), "\(uri)")
                }
            }
            try await client.execute(uri: "/api/v1/provider/per%73on", method: .get) { (response) async throws in
                #expect(response.status == .ok)
                #expect(try TestSupport.json(response)["provider"] == .string("person"))
            }
            for uri in ["/fake/e+mail", "/fake/e%ZZmail", "/fake/%FF"] {
                try await client.execute(uri: uri, method: .get) { (response) async throws in
                    #expect(response.status == .notFound, "\(uri)")
                }
            }
        }
    }

    /// The query as Starlette reads it: a repeated name keeps its last value, `+` is a space and names decode too.
    @Test func queryParametersAreReadAsStarletteReadsThem() async throws {
        try await TestSupport.app().test(.router) { client in
            try await client.execute(uri: "/fake/email?count=2&count=3&seed=1+", method: .get) {
                (response) async throws in
                #expect(response.status == .ok, "\(String(buffer: response.body))")
                let json = try TestSupport.json(response)
                #expect(json["data"]?.arrayValue?.count == 3)
                #expect(json["seed"] == .number("1"))
            }
            try await client.execute(uri: "/fake/city?loc%61le=fr%5FFR&seed=2", method: .get) {
                (response) async throws in
                #expect(try TestSupport.json(response)["locale"] == .string("fr_FR"))
            }
        }
    }

    @Test func unknownGeneratorIs404WithSuggestionsNeverAFuzzyMatch() async throws {
        try await TestSupport.app().test(.router) { client in
            try await client.execute(uri: "/fake/em", method: .get) { (response) async throws in
                #expect(response.status == .notFound)
                let body = try TestSupport.json(response)
                #expect(body["detail"]?.stringValue?.hasPrefix("Generator 'em' not found.") == true)
                let suggestions = try #require(body["suggestions"]?.arrayValue).compactMap(\.stringValue)
                #expect(suggestions.contains("email"))
            }
            try await client.execute(uri: "/fake/emial", method: .get) { (response) async throws in
                #expect(response.status == .notFound)
                let suggestions = try #require(try TestSupport.json(response)["suggestions"]?.arrayValue)
                #expect(suggestions.contains(.string("email")))
            }
            try await client.execute(uri: "/fake/person.first_name", method: .get) { (response) async throws in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/fake/binary", method: .get) { (response) async throws in
                #expect(response.status == .notFound)
            }
        }
    }

    /// Query integers read as FastAPI reads them, and the seed comes back as plain JSON digits: `seed=%2B5` (`+5`)
    /// once made the response `"seed":+5`, which is not JSON.
    @Test(arguments: [
        ("count=%203%20&seed=%2B5", 3, "5"), ("count=3.0&seed=007", 3, "7"), ("count=1_0&seed=-0", 10, "0"),
        ("seed=-12", 1, "-12"),
    ])
    func queryIntegersReadAsFastAPIReadsThem(query: String, count: Int, seed: String) async throws {
        try await TestSupport.app().test(.router) { client in
            try await client.execute(uri: "/fake/word?\(query)", method: .get) { (response) async throws in
                #expect(response.status == .ok, "\(query)")
                let body = try TestSupport.json(response)
                #expect(body["count"] == .number(String(count)), "\(query)")
                #expect(body["seed"] == .number(seed), "\(query)")
            }
        }
    }

    @Test(arguments: ["count=0", "count=101", "count=abc", "seed=x", "count=-1", "count=3.5", "seed=1e3"])
    func badQueryIs422(query: String) async throws {
        try await TestSupport.app().test(.router) { client in
            try await client.execute(uri: "/fake/name?\(query)", method: .get) { (response) async throws in
                #expect(response.status == .unprocessableContent)
                let issues = try #require(try TestSupport.json(response)["detail"]?.arrayValue)
                #expect(issues.first?["loc"]?.arrayValue?.first == .string("query"))
            }
        }
    }

    @Test func count100IsTheMaximum() async throws {
        try await TestSupport.app().test(.router) { client in
            try await client.execute(uri: "/fake/word?count=100", method: .get) { (response) async throws in
                #expect(response.status == .ok)
                #expect(try TestSupport.json(response)["data"]?.arrayValue?.count == 100)
            }
        }
    }

    @Test func unknownLocaleIs422ListingTheSupportedOnes() async throws {
        try await TestSupport.app().test(.router) { client in
            try await client.execute(uri: "/fake/name?locale=xx_XX", method: .get) { (response) async throws in
                #expect(response.status == .unprocessableContent)
                let body = try TestSupport.json(response)
                #expect(body["supported_locales"] == .strings(LocaleData.supported))
                #expect(body["detail"]?.stringValue?.contains("en_US") == true)
            }
        }
    }

    @Test func providersListCountsGenerators() async throws {
        try await TestSupport.app().test(.router) { client in
            let providers = try await client.execute(uri: "/api/v1/providers", method: .get) {
                (response) async throws in
                #expect(response.status == .ok)
                return try #require(try TestSupport.json(response).arrayValue)
            }
            #expect(providers.count == Catalog.providers.count)
            let person = try #require(providers.first { $0["name"] == .string("person") })
            #expect(person["url"] == .string("/api/v1/provider/person"))
            #expect((person["generator_count"]?.intValue ?? 0) > 0)
        }
    }

    @Test func providerDetailListsGeneratorsWithURLs() async throws {
        try await TestSupport.app().test(.router) { client in
            try await client.execute(uri: "/api/v1/provider/person", method: .get) { (response) async throws in
                #expect(response.status == .ok)
                let body = try TestSupport.json(response)
                #expect(body.objectKeys == ["provider", "generators", "generator_urls"])
                let names = try #require(body["generators"]?.arrayValue)
                #expect(names.contains(.string("first_name")))
                #expect(
                    body["generator_urls"]?["first_name"] == .string("/api/v1/provider/person/first_name"))
            }
            try await client.execute(uri: "/api/v1/provider/persn", method: .get) { (response) async throws in
                #expect(response.status == .notFound)
                #expect(try TestSupport.json(response)["suggestions"]?.arrayValue?.contains(.string("person")) == true)
            }
        }
    }

    @Test func providerGeneratorGenerates() async throws {
        try await TestSupport.app().test(.router) { client in
            try await client.execute(uri: "/api/v1/provider/person/first_name?count=3&seed=1", method: .get) {
                (response) async throws in
                #expect(response.status == .ok)
                let body = try TestSupport.json(response)
                #expect(body["provider"] == .string("person"))
                #expect(body["generator"] == .string("first_name"))
                #expect(body["count"] == .number("3"))
                #expect(body["data"]?.arrayValue?.count == 3)
            }
            try await client.execute(uri: "/api/v1/provider/person/email", method: .get) { (response) async throws in
                #expect(response.status == .notFound)
                #expect(
                    try TestSupport.json(response)["detail"]
                        == .string("Generator 'email' not found in provider 'person'"))
            }
            try await client.execute(uri: "/api/v1/provider/person/nothing", method: .get) { (response) async throws in
                #expect(response.status == .notFound)
            }
        }
    }
}
