import HTTPTypes
import PhoneyCore

/// An error the API answers with: a status and a FastAPI-shaped body `{"detail": …}`, plus optional extra
/// members and headers. Everything a client did wrong becomes one of these, never a 500.
package struct APIError: Error, CustomStringConvertible {
    package var status: HTTPResponse.Status
    package var detail: JSONValue
    /// Members written after `detail` (`suggestions`, `supported_locales`, …).
    package var extra: [(key: String, value: JSONValue)]
    package var headers: HTTPFields

    package init(
        _ status: HTTPResponse.Status, detail: JSONValue, extra: [(key: String, value: JSONValue)] = [],
        headers: HTTPFields = [:]
    ) {
        self.status = status
        self.detail = detail
        self.extra = extra
        self.headers = headers
    }

    package init(_ status: HTTPResponse.Status, _ message: String, headers: HTTPFields = [:]) {
        self.init(status, detail: .string(message), headers: headers)
    }

    package var description: String {
        "\(status.code) \(detail.serialized)"
    }

    package var body: JSONValue {
        .object([("detail", detail)] + extra)
    }

    package func response() -> APIResponse {
        var response = APIResponse.json(body, status: status)
        response.headers.append(contentsOf: headers)
        return response
    }
}

extension APIError {
    static let bearerChallenge: HTTPFields = [.wwwAuthenticate: "Bearer"]

    /// 401 for a request without credentials.
    package static let notAuthenticated = APIError(.unauthorized, "Not authenticated", headers: bearerChallenge)

    /// 401 for credentials that do not verify.
    package static let invalidCredentials = APIError(
        .unauthorized, "Could not validate credentials", headers: bearerChallenge)

    /// 404 for a path no route matches.
    package static let notFound = APIError(.notFound, "Not Found")

    /// 422 in FastAPI's request-validation shape: `{"detail": [{type, loc, msg, input?}]}`.
    package static func requestValidation(_ issues: [RequestIssue]) -> APIError {
        APIError(.unprocessableContent, detail: .array(issues.map(\.json)))
    }

    /// 422 for a template that does not compile: `{"detail": {"message", "errors": [...]}}`.
    package static func templateFailure(_ errors: [TemplateError], warnings: [String] = []) -> APIError {
        APIError(
            .unprocessableContent,
            detail: .object([
                ("message", .string("Template validation failed")),
                ("errors", .array(errors.map(\.json))),
                (
                    "help",
                    .string("GET /template/examples shows the syntax; POST /api/v1/template/validate checks a template")
                ),
            ]))
    }

    /// 422 for a locale without data, listing the supported ones.
    package static func unsupportedLocale(_ locale: String) -> APIError {
        APIError(
            .unprocessableContent,
            detail: .string(
                "Unsupported locale '\(locale)'. Supported locales: \(LocaleData.supported.joined(separator: ", "))"),
            extra: [("supported_locales", .array(LocaleData.supported.map { .string($0) }))])
    }
}

/// One problem with a request's shape, as FastAPI reports it.
package struct RequestIssue: Sendable {
    package var type: String
    package var location: [String]
    package var message: String
    package var input: JSONValue?

    package init(_ type: String, _ location: [String], _ message: String, input: JSONValue? = nil) {
        self.type = type
        self.location = location
        self.message = message
        self.input = input
    }

    var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("type", .string(type)),
            ("loc", .array(location.map { Int($0).map { .number(String($0)) } ?? .string($0) })),
            ("msg", .string(message)),
        ]
        if let input { members.append(("input", input)) }
        return .object(members)
    }
}
