import PhoneyAPI
import PhoneyCore
import PhoneyLambda

/// Decodes the input as a Lambda event (API Gateway payload 1.0 or 2.0, or ALB), then builds the router's request
/// from it with `LambdaApp.request`, as `LambdaApp.handle` does: method, header fields, path and query, body.
///
/// The decoder must answer with a request or a `GatewayEventError`; a trap, a sanitizer report or a hang is a
/// finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let event = UnsafeRawBufferPointer(start: start, count: count)
    guard let gateway = try? GatewayRequest.parse(event) else { return 0 }
    guard let request = LambdaApp.request(gateway) else { return 0 }
    // The router splits the path into components and the query into parameters.
    _ = request.path.utf8.split(separator: UInt8(ascii: "/")).count
    _ = try? FakeQuery(query: request.query)
    return 0
}

/// SwiftPM links an executable target's entry point as `main` under the name `<module>_main`, so libFuzzer's own
/// `main` is left out: this entry hands the process to libFuzzer's driver instead, with the same arguments.
@_cdecl("fuzz_gateway_main")
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
