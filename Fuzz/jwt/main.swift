import Dispatch
import HTTPTypes
import NIOCore
import PhoneyAPI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The key the seed tokens in fixtures/fuzz/jwt were signed with (HS256, like the server's default).
let secretKey = "phoney-fuzz-secret-key-0123456789abcdef"
let config = APIConfig(secretKey: secretKey, passwordHash: "")
let tokens = blocking { await TokenService(config: config) }
let authenticator = Authenticator(tokens: tokens, config: config)

/// Verifies the input as a token (`TokenService.verify`) and as an `Authorization` header value through the
/// authenticator (`Bearer <token>`).
///
/// Besides traps, sanitizer reports and hangs, an accepted token that breaks the verifier's own promise is a
/// finding: it must name HS256, be for the configured user and not have expired.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let input = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    if let claims = blocking({ await tokens.verify(input) }) {
        precondition(claims.sub == config.username, "accepted a token for \(claims.sub)")
        precondition(claims.exp > Date().timeIntervalSince1970, "accepted an expired token")
        precondition(headerAlgorithm(input) == "HS256", "accepted a token that does not name HS256: \(input)")
    }
    var headers = HTTPFields()
    headers[.authorization] = input
    let request = APIRequest(
        method: .get, path: "/", query: nil, headers: headers, body: APIRequestBody(buffer: ByteBuffer()))
    _ = blocking { try? await authenticator.authenticate(request) }
    return 0
}

/// The `alg` of the token's header, read independently of the verifier (Foundation's base64 and JSON decoder).
func headerAlgorithm(_ token: String) -> String? {
    guard let header = token.split(separator: ".", omittingEmptySubsequences: false).first else { return nil }
    var text = String(header).replacing("-", with: "+").replacing("_", with: "/")
    text += String(repeating: "=", count: (4 - text.count % 4) % 4)
    guard let data = Data(base64Encoded: text) else { return nil }
    return try? JSONDecoder().decode(Header.self, from: data).alg
}

/// The member of a JWS header the oracle reads.
struct Header: Decodable {
    var alg: String?
}

/// Runs `body` to completion on the concurrency pool and waits for it: libFuzzer calls the target synchronously.
func blocking<Value: Sendable>(_ body: @escaping @Sendable () async -> Value) -> Value {
    let box = ResultBox<Value>()
    let done = DispatchSemaphore(value: 0)
    Task {
        box.value = await body()
        done.signal()
    }
    done.wait()
    return box.value!
}

/// Carries a task's result to the waiting thread; the semaphore orders the write before the read.
final class ResultBox<Value>: @unchecked Sendable {
    var value: Value?
}

/// SwiftPM links an executable target's entry point as `main` under the name `<module>_main`, so libFuzzer's own
/// `main` is left out: this entry hands the process to libFuzzer's driver instead, with the same arguments.
@_cdecl("fuzz_jwt_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return runFuzzerDriver(&argc, &argv) { data, size in
        fuzz(UnsafeRawPointer(data ?? emptyInput), size)
    }
}

/// libFuzzer's `int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *, size_t))`.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// Where an empty input points when libFuzzer passes no pointer for it.
nonisolated(unsafe) let emptyInput = UnsafePointer(UnsafeMutablePointer<UInt8>.allocate(capacity: 1))
