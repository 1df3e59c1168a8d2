import HTTPTypes
import PhoneyCore

/// `POST /token`: the OAuth2 password flow (`username` and `password` in an `application/x-www-form-urlencoded`
/// or `multipart/form-data` body).
enum AuthRoutes {
    static func add(to router: APIRouter, api: APIService) {
        router.post("/token") { request, context -> APIResponse in
            let body = try await api.readBody(request)
            // URL-encoded, or multipart as a browser's `FormData` and `curl -F` send it.
            let form: [String: String]
            if let boundary = request.headers[.contentType].flatMap(FormBody.multipartBoundary) {
                form = FormBody.parseMultipart(Array(body.readableBytesView), boundary: boundary) ?? [:]
            } else {
                form = FormBody.parse(String(decoding: body.readableBytesView, as: UTF8.self))
            }
            var issues: [RequestIssue] = []
            // As FastAPI reads a form: an empty value is a missing one.
            for name in ["username", "password"] where form[name]?.isEmpty ?? true {
                issues.append(RequestIssue("missing", ["body", name], "Field required"))
            }
            // OAuth2's password grant: `grant_type` may be left out, but if given it is `password`.
            if let grant = form["grant_type"], !grant.isEmpty, grant != "password" {
                issues.append(
                    RequestIssue(
                        "string_pattern_mismatch", ["body", "grant_type"], "String should match pattern '^password$'",
                        input: .string(grant)))
            }
            if !issues.isEmpty { throw APIError.requestValidation(issues) }
            let username = form["username"] ?? ""
            guard await api.authenticator.checkPassword(username: username, password: form["password"] ?? "") else {
                context.logger.notice("login refused")
                throw APIError(.unauthorized, "Incorrect username or password", headers: APIError.bearerChallenge)
            }
            let token: String
            do {
                token = try await api.tokens.issue(subject: username)
            } catch {
                throw APIError(.internalServerError, "could not sign the token")
            }
            context.logger.info("token issued")
            return APIResponse.json(
                .object([
                    ("access_token", .string(token)),
                    ("token_type", .string("bearer")),
                    ("expires_in", .integer(api.config.accessTokenExpireMinutes * 60)),
                ]))
        }
    }
}
