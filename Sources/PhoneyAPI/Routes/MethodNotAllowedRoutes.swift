import HTTPTypes
import Hummingbird
import HummingbirdCore

/// 405 for a known path asked with a method it does not serve, with `Allow` listing the ones it does, as the
/// original (FastAPI on Starlette) answers: `GET /template` is `405 {"detail":"Method Not Allowed"}`, not 404.
enum MethodNotAllowedRoutes {
    /// The methods answered with 405 where a path does not serve them, in the order `Allow` lists them.
    static let methods: [HTTPRequest.Method] = [.get, .head, .post, .put, .patch, .delete, .options]

    /// Adds the 405 routes for every path already on `router`; call it after every other route.
    static func add<Context: PhoneyRequestContext>(to router: Router<Context>) {
        var served: [String: (path: RouterPath, methods: Set<HTTPRequest.Method>)] = [:]
        for route in router.routes {
            served[route.path.description, default: (route.path, [])].methods.insert(route.method)
        }
        for (_, entry) in served.sorted(by: { $0.key < $1.key }) {
            var methods = entry.methods
            // HEAD endpoints are generated for GET ones when the responder is built.
            if methods.contains(.get) { methods.insert(.head) }
            let allow = methods.sorted { order($0) < order($1) }.map(\.rawValue).joined(separator: ", ")
            for method in Self.methods where !methods.contains(method) {
                router.on(entry.path, method: method) { _, _ -> Response in
                    throw APIError(.methodNotAllowed, "Method Not Allowed", headers: [.allow: allow])
                }
            }
        }
    }

    static func order(_ method: HTTPRequest.Method) -> Int {
        methods.firstIndex(of: method) ?? methods.count
    }
}
