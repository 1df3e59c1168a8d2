import HTTPTypes

/// 405 for a known path asked with a method it does not serve, with `Allow` listing the ones it does, as the
/// original (FastAPI on Starlette) answers: `GET /template` is `405 {"detail":"Method Not Allowed"}`, not 404.
enum MethodNotAllowedRoutes {
    /// The methods answered with 405 where a path does not serve them, in the order `Allow` lists them.
    static let methods: [HTTPRequest.Method] = [.get, .head, .post, .put, .patch, .delete, .options]

    /// Adds the 405 routes for every path already on `router`; call it after every other route.
    static func add(to router: APIRouter) {
        for route in router.routes.sorted(by: { $0.path < $1.path }) {
            var methods = route.methods
            // GET routes answer HEAD too.
            if methods.contains(.get) { methods.insert(.head) }
            let allow = methods.sorted { order($0) < order($1) }.map(\.rawValue).joined(separator: ", ")
            for method in Self.methods where !methods.contains(method) {
                router.on(route.path, method: method) { _, _ -> APIResponse in
                    throw APIError(.methodNotAllowed, "Method Not Allowed", headers: [.allow: allow])
                }
            }
        }
    }

    static func order(_ method: HTTPRequest.Method) -> Int {
        methods.firstIndex(of: method) ?? methods.count
    }
}
