import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JWTKit
import PhoneyAPI
import PhoneyCore
import Testing

struct AuthTests {
    static let bulk = #"{"template":{"a":"{{name}}"},"count":2,"seed":1}"#

    static func protected(_ client: some TestClientProtocol, _ headers: HTTPFields) async throws -> TestResponse {
        var headers = headers
        headers[.contentType] = "application/json"
        return try await client.execute(
            uri: "/api/v1/template/generate", method: .post, headers: headers, body: ByteBuffer(string: bulk))
    }

    /// A token signed by jwt-kit with `secret` and `digest`.
    static func signed(
        secret: String = TestSupport.secretKey, digest: DigestAlgorithm = .sha256, subject: String = "api_user",
        expires: Date = Date().addingTimeInterval(600)
    ) async throws -> String {
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: digest)
        return try await keys.sign(
            KitClaims(
                sub: SubjectClaim(value: subject), iat: IssuedAtClaim(value: Date().addingTimeInterval(-60)),
                exp: ExpirationClaim(value: expires)))
    }

    /// The claims as jwt-kit, an implementation independent of ours, reads and writes them.
    struct KitClaims: JWTPayload {
        var sub: SubjectClaim
        var iat: IssuedAtClaim?
        var exp: ExpirationClaim
        var nbf: NotBeforeClaim?

        func verify(using algorithm: some JWTAlgorithm) async throws {
            try exp.verifyNotExpired()
        }
    }

    /// Tokens this service issues verify with jwt-kit for each algorithm and carry the claims it reads; tokens
    /// jwt-kit signs verify here; a key or algorithm that differs refuses them both ways.
    @Test(arguments: [APIConfig.TokenAlgorithm.hs256, .hs384, .hs512])
    func tokensAgreeWithJWTKit(_ algorithm: APIConfig.TokenAlgorithm) async throws {
        var config = APIConfig(secretKey: TestSupport.secretKey, passwordHash: "")
        config.algorithm = algorithm
        let service = await TokenService(config: config)
        let digest: DigestAlgorithm =
            switch algorithm {
            case .hs256: .sha256
            case .hs384: .sha384
            case .hs512: .sha512
            }
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: TestSupport.secretKey), digestAlgorithm: digest)
        let ours = try await service.issue(subject: config.username)
        let read = try await keys.verify(ours, as: KitClaims.self)
        #expect(read.sub.value == config.username)
        #expect(read.iat != nil)
        let theirs = try await keys.sign(
            KitClaims(
                sub: SubjectClaim(value: config.username), iat: IssuedAtClaim(value: Date()),
                exp: ExpirationClaim(value: Date().addingTimeInterval(600))))
        let claims = try #require(await service.verify(theirs))
        #expect(claims.sub == config.username)
        let otherKeys = JWTKeyCollection()
        await otherKeys.add(hmac: HMACKey(from: TestSupport.secretKey + "x"), digestAlgorithm: digest)
        await #expect(throws: (any Error).self) { try await otherKeys.verify(ours, as: KitClaims.self) }
        let forged = try await otherKeys.sign(
            KitClaims(
                sub: SubjectClaim(value: config.username), iat: IssuedAtClaim(value: Date()),
                exp: ExpirationClaim(value: Date().addingTimeInterval(600))))
        #expect(await service.verify(forged) == nil)
        // The same key under another HMAC algorithm is refused before its signature is checked.
        let otherDigest: DigestAlgorithm = algorithm == .hs256 ? .sha512 : .sha256
        let otherAlgorithm = JWTKeyCollection()
        await otherAlgorithm.add(hmac: HMACKey(from: TestSupport.secretKey), digestAlgorithm: otherDigest)
        let mismatched = try await otherAlgorithm.sign(
            KitClaims(
                sub: SubjectClaim(value: config.username), iat: IssuedAtClaim(value: Date()),
                exp: ExpirationClaim(value: Date().addingTimeInterval(600))))
        #expect(await service.verify(mismatched) == nil)
    }

    /// The parts of a token are checked one by one: a truncated, padded-out, re-encoded or tampered token fails.
    @Test func tamperedTokensAreRefused() async throws {
        let config = APIConfig(secretKey: TestSupport.secretKey, passwordHash: "")
        let service = await TokenService(config: config)
        let token = try await service.issue(subject: config.username)
        #expect(await service.verify(token) != nil)
        let parts = token.split(separator: ".").map(String.init)
        let forgedPayload = Base64.encodeURL(
            Array(#"{"sub":"api_user","iat":1,"exp":99999999999}"#.utf8))
        let cases = [
            "", ".", "..", parts[0], parts[0] + "." + parts[1], token + ".", token + "." + parts[2],
            parts[0] + "." + forgedPayload + "." + parts[2],
            parts[0] + "." + parts[1] + "." + String(parts[2].dropLast()),
            parts[0] + "." + parts[1] + "." + parts[2] + "AAAA",
            parts[0] + "." + parts[1] + "." + String(parts[2].reversed()),
            parts[0] + "." + parts[1] + ".",
            parts[0] + ".." + parts[2],
        ]
        for candidate in cases {
            #expect(await service.verify(candidate) == nil, "\(candidate)")
        }
        // Claims of the wrong type are refused even when signed with the key.
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: TestSupport.secretKey), digestAlgorithm: .sha256)
        for payload in [
            #"{"sub":"api_user","exp":"99999999999"}"#, #"{"sub":1,"exp":99999999999}"#, #"{"sub":"api_user"}"#,
            #"{"sub":"api_user","exp":99999999999,"nbf":"0"}"#, #"[]"#,
        ] {
            let input = parts[0] + "." + Base64.encodeURL(Array(payload.utf8))
            let signature = HMAC<SHA256>.authenticationCode(
                for: Array(input.utf8), using: SymmetricKey(data: Array(TestSupport.secretKey.utf8)))
            #expect(await service.verify(input + "." + Base64.encodeURL(Array(signature))) == nil, "\(payload)")
        }
    }

    @Test func passwordFlowIssuesAVerifiableHS256Token() async throws {
        try await TestSupport.app().test(.router) { client in
            let token = try await TestSupport.token(client)
            let parts = token.split(separator: ".")
            #expect(parts.count == 3)
            let header = try JSONValue.parse(
                String(decoding: try #require(Base64.decode(parts[0].utf8)), as: UTF8.self))
            #expect(header["alg"] == .string("HS256"))
            let claims = try JSONValue.parse(
                String(decoding: try #require(Base64.decode(parts[1].utf8)), as: UTF8.self))
            #expect(claims["sub"] == .string("api_user"))
            let issued = try #require(claims["iat"]?.intValue)
            let expires = try #require(claims["exp"]?.intValue)
            #expect(expires - issued == 10080 * 60)
            let response = try await Self.protected(client, [.authorization: "Bearer \(token)"])
            #expect(response.status == .ok)
        }
    }

    @Test func badCredentialsAre401WithABearerChallenge() async throws {
        try await TestSupport.app().test(.router) { client in
            for form in ["username=api_user&password=wrong", "username=someone&password=correct+horse+battery+staple"] {
                try await client.execute(
                    uri: "/token", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                    body: ByteBuffer(string: form)
                ) { (response) async throws in
                    #expect(response.status == .unauthorized)
                    #expect(response.headers[.wwwAuthenticate] == "Bearer")
                    #expect(try TestSupport.json(response)["detail"] == .string("Incorrect username or password"))
                }
            }
            try await client.execute(
                uri: "/token", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "username=api_user")
            ) { (response) async throws in
                #expect(response.status == .unprocessableContent)
            }
        }
    }

    @Test func anyConfiguredUsernameCanLogIn() async throws {
        let app = await TestSupport.app(TestSupport.config { $0.username = "alice" })
        try await app.test(.router) { client in
            let token = try await client.execute(
                uri: "/token", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "username=alice&password=correct%20horse%20battery%20staple")
            ) { (response) async throws in
                #expect(response.status == .ok)
                return try #require(try TestSupport.json(response)["access_token"]?.stringValue)
            }
            #expect(try await Self.protected(client, [.authorization: "Bearer \(token)"]).status == .ok)
        }
    }

    /// htpasswd and PHP write bcrypt hashes as `$2y$`; passlib, and so the original, accepts them.
    @Test(arguments: ["$2y$", "$2a$", "$2b$"])
    func bcryptHashesOfEveryPrefixLogIn(prefix: String) async throws {
        let hash = prefix + TestSupport.passwordHash.dropFirst(4)
        let app = await TestSupport.app(TestSupport.config { $0.passwordHash = hash })
        try await app.test(.router) { client in
            for (password, status) in [
                ("correct%20horse%20battery%20staple", HTTPResponse.Status.ok), ("wrong", .unauthorized),
            ] {
                try await client.execute(
                    uri: "/token", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                    body: ByteBuffer(string: "username=api_user&password=\(password)")
                ) { (response) async throws in
                    #expect(response.status == status, "\(prefix) \(password)")
                }
            }
        }
    }

    /// A browser's `FormData` and `curl -F` post the form as multipart, which FastAPI's form reads too.
    @Test func multipartFormLogsIn() async throws {
        try await TestSupport.app().test(.router) { client in
            let boundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW"
            let body =
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\napi_user\r\n"
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\n"
                + "correct horse battery staple\r\n--\(boundary)--\r\n"
            let token = try await client.execute(
                uri: "/token", method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"],
                body: ByteBuffer(string: body)
            ) { (response) async throws in
                #expect(response.status == .ok, "\(String(buffer: response.body))")
                return try #require(try TestSupport.json(response)["access_token"]?.stringValue)
            }
            #expect(try await Self.protected(client, [.authorization: "Bearer \(token)"]).status == .ok)
        }
    }

    @Test(arguments: [
        ("username=&password=x", "missing", "username"),
        ("username=api_user&password=", "missing", "password"),
        ("username=api_user&password=x&grant_type=client_credentials", "string_pattern_mismatch", "grant_type"),
    ])
    func formsAreReadAsFastAPIReadsThem(form: String, type: String, field: String) async throws {
        try await TestSupport.app().test(.router) { client in
            try await client.execute(
                uri: "/token", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: form)
            ) { (response) async throws in
                #expect(response.status == .unprocessableContent)
                let issue = try #require(try TestSupport.json(response)["detail"]?.arrayValue?.first)
                #expect(issue["type"] == .string(type))
                #expect(issue["loc"] == .array([.string("body"), .string(field)]))
            }
        }
    }

    @Test func multipartBodiesParse() throws {
        let boundary = "b0und4ry"
        #expect(FormBody.multipartBoundary(contentType: #"multipart/form-data; boundary="xyz""#) == "xyz")
        #expect(FormBody.multipartBoundary(contentType: "Multipart/Form-Data;boundary=k1") == "k1")
        #expect(FormBody.multipartBoundary(contentType: "application/x-www-form-urlencoded") == nil)
        let body = Array(
            ("--\(boundary)\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\none\r\ntwo\r\n"
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nfile\r\n"
                + "--\(boundary)\r\ncontent-disposition: form-data; name=\"a\"\r\n\r\nagain\r\n"
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\n\r\n--\(boundary)--\r\n").utf8)
        let fields = try #require(FormBody.parseMultipart(body, boundary: boundary))
        #expect(fields == ["a": "one\r\ntwo", "b": ""])
        #expect(FormBody.parseMultipart(Array("no parts here".utf8), boundary: boundary) == nil)
        #expect(
            FormBody.parseMultipart(Array("--\(boundary)\r\nContent-Disposition: form-data".utf8), boundary: boundary)
                == nil)
    }

    @Test func missingCredentialsAreNotAuthenticated() async throws {
        try await TestSupport.app().test(.router) { client in
            for headers: HTTPFields in [[:], [.authorization: "Basic YWJjOmRlZg=="]] {
                let response = try await Self.protected(client, headers)
                #expect(response.status == .unauthorized)
                #expect(try TestSupport.json(response)["detail"] == .string("Not authenticated"))
                #expect(response.headers[.wwwAuthenticate] == "Bearer")
            }
        }
    }

    @Test func attackTokensCannotValidate() async throws {
        let now = Int(Date().timeIntervalSince1970)
        let claims = Base64.encodeURL(Array(#"{"sub":"api_user","iat":\#(now),"exp":\#(now + 600)}"#.utf8))
        let noneHeader = Base64.encodeURL(Array(#"{"alg":"none","typ":"JWT"}"#.utf8))
        let valid = try await Self.signed()
        let validParts = valid.split(separator: ".").map(String.init)
        let tampered = Base64.encodeURL(Array(#"{"sub":"admin","iat":\#(now),"exp":\#(now + 600)}"#.utf8))
        let attacks: [(String, String)] = [
            ("alg none", "\(noneHeader).\(claims)."),
            ("alg none with signature", "\(noneHeader).\(claims).\(validParts[2])"),
            ("HS384 with the right key", try await Self.signed(digest: .sha384)),
            ("HS512 with the right key", try await Self.signed(digest: .sha512)),
            (
                "another key",
                try await Self.signed(secret: "some-other-secret-key-that-is-long-enough-0123456789abcdef")
            ),
            ("expired", try await Self.signed(expires: Date().addingTimeInterval(-5))),
            ("tampered payload", "\(validParts[0]).\(tampered).\(validParts[2])"),
            ("unknown user", try await Self.signed(subject: "mallory")),
            ("garbage", "not.a.token"),
            ("two parts", "\(validParts[0]).\(validParts[1])"),
            ("empty", ""),
        ]
        try await TestSupport.app().test(.router) { client in
            #expect(try await Self.protected(client, [.authorization: "Bearer \(valid)"]).status == .ok)
            for (name, token) in attacks {
                let response = try await Self.protected(client, [.authorization: "Bearer \(token)"])
                #expect(response.status == .unauthorized, "\(name)")
                #expect(
                    try TestSupport.json(response)["detail"] == .string("Could not validate credentials"), "\(name)")
                #expect(response.headers[.wwwAuthenticate] == "Bearer", "\(name)")
            }
        }
    }

    /// Validly signed tokens that must still be refused: not valid yet, issued in the future, never expiring in
    /// practice.
    @Test func futureDatedAndEndlessTokensAreRefused() async throws {
        let now = Date()
        func token(iat: Date? = nil, exp: Date, nbf: Date? = nil) async throws -> String {
            let keys = JWTKeyCollection()
            await keys.add(hmac: HMACKey(from: TestSupport.secretKey), digestAlgorithm: .sha256)
            return try await keys.sign(
                KitClaims(
                    sub: SubjectClaim(value: "api_user"), iat: iat.map { IssuedAtClaim(value: $0) },
                    exp: ExpirationClaim(value: exp), nbf: nbf.map { NotBeforeClaim(value: $0) }))
        }
        let hour: TimeInterval = 3600
        let cases: [(String, String, HTTPResponse.Status)] = [
            ("good", try await token(iat: now, exp: now + hour, nbf: now - 10), .ok),
            ("nbf an hour ahead", try await token(iat: now, exp: now + 2 * hour, nbf: now + hour), .unauthorized),
            ("iat an hour ahead", try await token(iat: now + hour, exp: now + 2 * hour), .unauthorized),
            ("exp in a thousand years", try await token(iat: now, exp: now + 1000 * 365 * 24 * hour), .unauthorized),
            ("nbf within the leeway", try await token(iat: now, exp: now + hour, nbf: now + 30), .ok),
        ]
        try await TestSupport.app().test(.router) { client in
            for (name, token, status) in cases {
                let response = try await Self.protected(client, [.authorization: "Bearer \(token)"])
                #expect(response.status == status, "\(name)")
            }
        }
    }

    /// The claims the original Phoney signed: `sub` and `exp`, no `iat`.
    struct OriginalClaims: JWTPayload {
        var sub: SubjectClaim
        var exp: ExpirationClaim?

        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    static func signedLikeTheOriginal(expires: Date?) async throws -> String {
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: TestSupport.secretKey), digestAlgorithm: .sha256)
        return try await keys.sign(
            OriginalClaims(sub: SubjectClaim(value: "api_user"), exp: expires.map { ExpirationClaim(value: $0) }))
    }

    /// A user who keeps the original's `SECRET_KEY` keeps its tokens: they have no `iat`. Without `exp` a token
    /// would never expire, so it is refused.
    @Test func tokensOfTheOriginalWithoutIssuedAtAreAccepted() async throws {
        let original = try await Self.signedLikeTheOriginal(expires: Date().addingTimeInterval(600))
        let claims = try JSONValue.parse(
            String(decoding: try #require(Base64.decode(original.split(separator: ".")[1].utf8)), as: UTF8.self))
        #expect(claims["iat"] == nil)
        let expired = try await Self.signedLikeTheOriginal(expires: Date().addingTimeInterval(-5))
        let endless = try await Self.signedLikeTheOriginal(expires: nil)
        try await TestSupport.app().test(.router) { client in
            for (token, status) in [
                (original, HTTPResponse.Status.ok), (expired, .unauthorized), (endless, .unauthorized),
            ] {
                let response = try await Self.protected(client, [.authorization: "Bearer \(token)"])
                #expect(response.status == status)
            }
        }
    }

    @Test func apiKeyIsAcceptedOnlyWhenConfiguredAndEqual() async throws {
        try await TestSupport.app().test(.router) { client in
            #expect(try await Self.protected(client, [.xAPIKey: TestSupport.apiKey]).status == .ok)
            let wrong = try await Self.protected(client, [.xAPIKey: TestSupport.apiKey + "x"])
            #expect(wrong.status == .unauthorized)
            #expect(try TestSupport.json(wrong)["detail"] == .string("Could not validate credentials"))
            #expect(
                try await Self.protected(client, [.xAPIKey: String(TestSupport.apiKey.dropLast())]).status
                    == .unauthorized)
        }
        let noKey = await TestSupport.app(TestSupport.config { $0.apiKey = nil })
        try await noKey.test(.router) { client in
            let response = try await Self.protected(client, [.xAPIKey: TestSupport.apiKey])
            #expect(response.status == .unauthorized)
            #expect(try TestSupport.json(response)["detail"] == .string("Not authenticated"))
        }
    }

    @Test func constantTimeComparisonIsExact() {
        #expect(ConstantTime.equals("abc", "abc"))
        #expect(!ConstantTime.equals("abc", "abd"))
        #expect(!ConstantTime.equals("abc", "abcd"))
        #expect(!ConstantTime.equals("", "a"))
        #expect(ConstantTime.equals("", ""))
    }

    @Test func generateNeedsAuthAndPassesArguments() async throws {
        try await TestSupport.app().test(.router) { client in
            let body =
                #"{"provider":"misc","generator":"random_int","count":20,"seed":3,"params":{"kwargs":{"min":-5,"max":-1}}}"#
            try await client.execute(
                uri: "/api/v1/generate", method: .post, headers: TestSupport.jsonHeaders, body: ByteBuffer(string: body)
            ) { (response) async throws in
                #expect(response.status == .unauthorized)
            }
            let token = try await TestSupport.token(client)
            try await client.execute(
                uri: "/api/v1/generate", method: .post, headers: TestSupport.bearer(token),
                body: ByteBuffer(string: body)
            ) { (response) async throws in
                #expect(response.status == .ok, "\(String(buffer: response.body))")
                let values = try #require(try TestSupport.json(response)["data"]?.arrayValue).compactMap(\.intValue)
                #expect(values.count == 20)
                #expect(values.allSatisfy { (-5)...(-1) ~= $0 })
            }
            try await client.execute(
                uri: "/api/v1/generate", method: .post, headers: TestSupport.bearer(token),
                body: ByteBuffer(
                    string: #"{"provider":"misc","generator":"random_int","params":{"kwargs":{"bogus":1}}}"#)
            ) { (response) async throws in
                #expect(response.status == .unprocessableContent)
            }
            try await client.execute(
                uri: "/api/v1/generate", method: .post, headers: TestSupport.bearer(token),
                body: ByteBuffer(string: #"{"provider":"nope","generator":"x"}"#)
            ) { (response) async throws in
                #expect(response.status == .notFound)
            }
            try await client.execute(
                uri: "/api/v1/generate", method: .post, headers: TestSupport.bearer(token),
                body: ByteBuffer(string: #"{"generator":"x"}"#)
            ) { (response) async throws in
                #expect(response.status == .unprocessableContent)
            }
            // Too few distinct values: the error names the generator, not the one-field template behind it.
            try await client.execute(
                uri: "/api/v1/generate", method: .post, headers: TestSupport.bearer(token),
                body: ByteBuffer(string: #"{"provider":"python","generator":"pybool","count":10,"unique":true}"#)
            ) { (response) async throws in
                #expect(response.status == .unprocessableContent)
                let error = try #require(try TestSupport.json(response)["detail"]?["errors"]?.arrayValue?.first)
                #expect(error["generator"] == .string("pybool"))
                #expect(error["field"] == .string("template"))
                #expect(error["pointer"] == .string(""))
                #expect(
                    error["message"]
                        == .string("`pybool` has only 2 distinct values, but unique records 0 to 9 need 10"))
            }
        }
    }
}
