import HTTPTypes
import Hummingbird
import HummingbirdCore
import PhoneyCore

/// `POST /token`: the OAuth2 password flow (`application/x-www-form-urlencoded` `username` and `password`).
enum AuthRoutes {
    static func add<Context: PhoneyRequestContext>(to router: Router<Context>, api: APIService) {
        router.post("/token") { request, context -> Response in
            let body = try await api.readBody(request)
            let form = FormBody.parse(String(decoding: body.readableBytesView, as: UTF8.self))
            var issues: [RequestIssue] = []
            for name in ["username", "password"] where form[name] == nil {
                issues.append(RequestIssue("missing", ["body", name], "Field required"))
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
            return Response.json(
                .object([
                    ("access_token", .string(token)),
                    ("token_type", .string("bearer")),
                    ("expires_in", .integer(api.config.accessTokenExpireMinutes * 60)),
                ]))
        }
    }
}
