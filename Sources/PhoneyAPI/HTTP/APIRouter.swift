import HTTPTypes

/// A request handler: what a route does.
package typealias APIHandler = @Sendable (APIRequest, APIContext) async throws -> APIResponse

/// A step around every request, outermost first: it may answer itself or call `next` and change the response.
package protocol APIMiddleware: Sendable {
    func handle(
        _ request: APIRequest, context: APIContext, next: (APIRequest, APIContext) async throws -> APIResponse
    ) async throws -> APIResponse
}

/// The Phoney API's routes and middleware, added once at start; `responder()` freezes them for serving.
///
/// Paths match as the HTTP server has always matched them: split at `/` with empty components dropped (so
/// `/health/` and `//health` are `/health`), compared as sent (not percent-decoded) and case-sensitively; a `{name}`
/// component takes any one component. Where two routes match, the one with a literal component earlier wins. A GET
/// route also answers HEAD, with the same status and headers and no body. A path no route has, or a method its
/// routes do not serve, is a 404 from inside the middleware (so it is logged, counted and decorated like any answer).
package final class APIRouter {
    struct Route {
        let pattern: RoutePattern
        var handlers: [HTTPRequest.Method: APIHandler]
    }

    private(set) var routeList: [Route] = []
    private var middleware: [any APIMiddleware] = []

    package init() {}

    /// Adds `middleware` inside the ones added before it.
    package func add(middleware: some APIMiddleware) {
        self.middleware.append(middleware)
    }

    /// Answers `method` requests to `path` with `handler`.
    package func on(_ path: String, method: HTTPRequest.Method, use handler: @escaping APIHandler) {
        let pattern = RoutePattern(path)
        if let index = routeList.firstIndex(where: { $0.pattern == pattern }) {
            routeList[index].handlers[method] = handler
        } else {
            routeList.append(Route(pattern: pattern, handlers: [method: handler]))
        }
    }

    package func get(_ path: String, use handler: @escaping APIHandler) {
        on(path, method: .get, use: handler)
    }

    package func post(_ path: String, use handler: @escaping APIHandler) {
        on(path, method: .post, use: handler)
    }

    /// Every route's pattern (`/fake/{generator}`) with the methods it serves.
    package var routes: [(path: String, methods: Set<HTTPRequest.Method>)] {
        routeList.map { ($0.pattern.description, Set($0.handlers.keys)) }
    }

    /// The routes and middleware as they are now, ready to serve.
    package func responder() -> APIResponder {
        APIResponder(routes: routeList, middleware: middleware)
    }
}

/// Serves requests with a router's routes and middleware; made by `APIRouter.responder()`.
package struct APIResponder: Sendable {
    let routes: [APIRouter.Route]
    let middleware: [any APIMiddleware]
    /// The routes without a parameter, by their pattern (`/api/v1/generators`): most requests are found here with
    /// one hash lookup, without walking the routes (whose shared storage every walk would retain and release).
    let literal: [String: Int]
    /// The routes with a parameter, in the order they were added.
    let parameterized: [Int]

    init(routes: [APIRouter.Route], middleware: [any APIMiddleware]) {
        self.routes = routes
        self.middleware = middleware
        var literal: [String: Int] = [:]
        var parameterized: [Int] = []
        for (index, route) in routes.enumerated() {
            if route.pattern.isLiteral {
                literal[route.pattern.description] = literal[route.pattern.description] ?? index
            } else {
                parameterized.append(index)
            }
        }
        self.literal = literal
        self.parameterized = parameterized
    }

    /// The response to `request`. Errors a handler throws are rendered by the error middleware; an `APIError` that
    /// reaches this far (there is no error middleware) is rendered here, and any other error is thrown.
    package func respond(to request: APIRequest, context: APIContext) async throws -> APIResponse {
        var context = context
        var handler: APIHandler = { _, _ in throw APIError.notFound }
        if let (route, parameters) = resolve(request.path) {
            context.endpointPath = route.pattern.description
            context.parameters = parameters
            if let found = route.handlers[request.method] {
                handler = found
            } else if request.method == .head, let get = route.handlers[.get] {
                handler = { request, context in
                    var response = try await get(request, context)
                    response.body = .empty
                    return response
                }
            } else {
                context.endpointPath = nil
                context.parameters = PathParameters()
            }
        }
        do {
            return try await run(0, request, context, handler)
        } catch let error as APIError {
            return error.response()
        }
    }

    private func run(
        _ index: Int, _ request: APIRequest, _ context: APIContext, _ handler: APIHandler
    ) async throws -> APIResponse {
        guard index < middleware.count else { return try await handler(request, context) }
        return try await middleware[index].handle(request, context: context) { request, context in
            try await run(index + 1, request, context, handler)
        }
    }

    /// The route for `path` and its parameters: among the routes whose components match, the one with a literal
    /// component where the others have a parameter, earliest.
    func resolve(_ path: String) -> (APIRouter.Route, PathParameters)? {
        // A route all of whose components are literal is more specific than any other that matches.
        if let index = literal[RoutePattern.canonical(path)] { return (routes[index], PathParameters()) }
        let components = path.utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) }
        var bestIndex: Int?
        for index in parameterized where routes[index].pattern.matches(components) {
            if let current = bestIndex, !routes[index].pattern.isMoreSpecific(than: routes[current].pattern) {
                continue
            }
            bestIndex = index
        }
        guard let bestIndex else { return nil }
        let best = routes[bestIndex]
        var parameters = PathParameters()
        for (component, part) in zip(best.pattern.components, components) {
            if case .parameter(let name) = component { parameters.values.append((name, part)) }
        }
        return (best, parameters)
    }
}

/// A route's path: literal components and `{name}` parameters.
struct RoutePattern: Equatable, CustomStringConvertible {
    enum Component: Equatable {
        case literal(String)
        case parameter(String)
    }

    let components: [Component]

    init(_ path: String) {
        components = path.split(separator: "/").map { part in
            if part.hasPrefix("{"), part.hasSuffix("}"), part.count > 2 {
                return .parameter(String(part.dropFirst().dropLast()))
            }
            return .literal(String(part))
        }
    }

    var description: String {
        "/"
            + components.map { component in
                switch component {
                case .literal(let text): return text
                case .parameter(let name): return "{\(name)}"
                }
            }.joined(separator: "/")
    }

    /// Whether every component is literal.
    var isLiteral: Bool {
        components.allSatisfy { if case .literal = $0 { return true } else { return false } }
    }

    /// `path` as a pattern's description would spell it: `/` and the components joined by `/`, empty ones dropped.
    /// The path itself when it is already so (the usual case), without building a new string.
    static func canonical(_ path: String) -> String {
        let bytes = path.utf8
        var previousSlash = false
        var clean = bytes.first == UInt8(ascii: "/")
        for byte in bytes where clean {
            let slash = byte == UInt8(ascii: "/")
            if slash, previousSlash { clean = false }
            previousSlash = slash
        }
        if clean, !previousSlash || bytes.count == 1 { return path }
        let components = bytes.split(separator: UInt8(ascii: "/")).map { Substring($0) }
        return "/" + components.joined(separator: "/")
    }

    func matches(_ path: [Substring]) -> Bool {
        guard path.count == components.count else { return false }
        for (component, part) in zip(components, path) {
            if case .literal(let text) = component, text != part { return false }
        }
        return true
    }

    /// Whether this pattern has a literal at the first position where the two differ in kind.
    func isMoreSpecific(than other: RoutePattern) -> Bool {
        for (mine, theirs) in zip(components, other.components) {
            switch (mine, theirs) {
            case (.literal, .parameter): return true
            case (.parameter, .literal): return false
            default: continue
            }
        }
        return false
    }
}
