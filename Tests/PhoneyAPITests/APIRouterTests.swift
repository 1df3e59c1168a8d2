import HTTPTypes
import Logging
import NIOCore
import PhoneyAPI
import PhoneyCore
import Testing

/// The router of our own: path matching, HEAD, 404 through the middleware, request targets and bodies.
struct APIRouterTests {
    /// Notes what the middleware saw, and tags responses on the way out.
    struct Recorder: APIMiddleware {
        final class Seen: @unchecked Sendable {
            var endpoints: [String?] = []
        }

        let seen: Seen

        func handle(
            _ request: APIRequest, context: APIContext, next: (APIRequest, APIContext) async throws -> APIResponse
        ) async throws -> APIResponse {
            seen.endpoints.append(context.endpointPath)
            var response: APIResponse
            do {
                response = try await next(request, context)
            } catch let error as APIError {
                response = error.response()
            }
            response.headers[HTTPField.Name("X-Seen")!] = "yes"
            return response
        }
    }

    static func router(_ seen: Recorder.Seen = .init()) -> APIResponder {
        let router = APIRouter()
        router.add(middleware: Recorder(seen: seen))
        let echo: @Sendable (String) -> APIHandler = { name in
            { _, context in
                let parameters = ["a", "b", "name"].compactMap { key in
                    context.parameters.get(key).map { "\(key)=\($0)" }
                }
                return APIResponse(
                    status: .ok,
                    body: APIResponseBody(byteBuffer: ByteBuffer(string: ([name] + parameters).joined(separator: " "))))
            }
        }
        router.get("/", use: echo("root"))
        router.get("/health", use: echo("health"))
        router.get("/items/{name}", use: echo("item"))
        router.get("/items/special", use: echo("special"))
        router.get("/x/{a}/{b}", use: echo("pair"))
        router.post("/items/{name}", use: echo("post-item"))
        return router.responder()
    }

    static func send(
        _ responder: APIResponder, _ method: HTTPRequest.Method, _ target: String, body: String = ""
    ) async throws -> (status: Int, text: String, headers: HTTPFields) {
        let request = APIRequest(
            method: method, target: target, headers: [:], body: APIRequestBody(buffer: ByteBuffer(string: body)))
        let response = try await responder.respond(
            to: request, context: APIContext(logger: Logger(label: "test"), requestID: "r1"))
        let collector = Collector()
        var writer: any APIBodyWriter = collector
        try await response.body.write(to: &writer)
        return (response.status.code, String(decoding: collector.box.bytes, as: UTF8.self), response.headers)
    }

    struct Collector: APIBodyWriter {
        final class Box: @unchecked Sendable { var bytes: [UInt8] = [] }
        let box = Box()
        mutating func write(_ buffer: ByteBuffer) async throws { box.bytes += buffer.readableBytesView }
    }

    @Test func pathsMatchByComponentsWithEmptyOnesDropped() async throws {
        let router = Self.router()
        for target in ["/health", "/health/", "//health", "/health?x=1", "/health#top"] {
            let answer = try await Self.send(router, .get, target)
            #expect(answer.status == 200 && answer.text == "health", "\(target)")
        }
        #expect(try await Self.send(router, .get, "/").text == "root")
        #expect(try await Self.send(router, .get, "").text == "root")
        #expect(try await Self.send(router, .get, "/?q").text == "root")
        #expect(try await Self.send(router, .get, "/Health").status == 404)
        #expect(try await Self.send(router, .get, "/%68ealth").status == 404)
        #expect(try await Self.send(router, .get, "/health/more").status == 404)
    }

    @Test func parametersAreTakenAsWrittenAndALiteralWins() async throws {
        let router = Self.router()
        #expect(try await Self.send(router, .get, "/items/e%6Dail").text == "item name=e%6Dail")
        #expect(try await Self.send(router, .get, "/items/special").text == "special")
        #expect(try await Self.send(router, .get, "/items/specials").text == "item name=specials")
        #expect(try await Self.send(router, .get, "/x/1/2").text == "pair a=1 b=2")
        #expect(try await Self.send(router, .post, "/items/z").text == "post-item name=z")
    }

    @Test func headAnswersAGetRouteWithoutItsBody() async throws {
        let seen = Recorder.Seen()
        let router = Self.router(seen)
        let answer = try await Self.send(router, .head, "/health")
        #expect(answer.status == 200)
        #expect(answer.text == "")
        #expect(answer.headers[HTTPField.Name("X-Seen")!] == "yes")
        #expect(seen.endpoints == ["/health"])
    }

    @Test func unknownPathsAndMethodsAre404sThroughTheMiddleware() async throws {
        let seen = Recorder.Seen()
        let router = Self.router(seen)
        let missing = try await Self.send(router, .get, "/nowhere")
        #expect(missing.status == 404)
        #expect(missing.text == #"{"detail":"Not Found"}"#)
        #expect(missing.headers[HTTPField.Name("X-Seen")!] == "yes")
        // A known path asked with a method none of its routes serves: no endpoint, as for an unknown path.
        let wrongMethod = try await Self.send(router, .delete, "/health")
        #expect(wrongMethod.status == 404)
        #expect(seen.endpoints == [nil, nil])
    }

    @Test func theRequestTargetIsSplitAsAServerSplitsIt() {
        func split(_ target: String) -> (String, String?) {
            let request = APIRequest(
                method: .get, target: target, headers: [:], body: APIRequestBody(buffer: ByteBuffer()))
            return (request.path, request.query)
        }
        #expect(split("/a/b?c=1&d=2") == ("/a/b", "c=1&d=2"))
        #expect(split("/a?") == ("/a", ""))
        #expect(split("/a") == ("/a", nil))
        #expect(split("/a?b=1#frag?x") == ("/a", "b=1"))
        #expect(split("/a#frag?x") == ("/a", nil))
        #expect(split("?x=1") == ("/", "x=1"))
    }

    @Test func aBodyInMemoryIsRefusedPastTheLimit() async throws {
        let body = APIRequestBody(buffer: ByteBuffer(string: "12345"))
        #expect(try await body.collect(upTo: 5).readableBytes == 5)
        await #expect(throws: APIRequestBody.TooLarge.self) { try await body.collect(upTo: 4) }
    }

    @Test func theRealRoutesAnswerHeadAnd405AsBefore() async throws {
        let api = await APIService(config: TestSupport.config())
        let router = PhoneyRouter.responder(api)
        let head = try await Self.send(router, .head, "/health")
        #expect(head.status == 200 && head.text.isEmpty)
        #expect(head.headers[.contentType] == "application/json")
        let wrong = try await Self.send(router, .get, "/template")
        #expect(wrong.status == 405)
        #expect(wrong.headers[.allow] == "POST")
        let generator = try await Self.send(router, .get, "/fake/e%6Dail?seed=1")
        #expect(generator.status == 200)
        #expect(generator.text.contains(#""generator":"email""#))
    }
}
