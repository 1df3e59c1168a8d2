import NIOCore
import PhoneyAPI
import PhoneyCore

/// The server's own limits, made small so the fuzzer spends its time in the decoders.
let limits = TemplateLimits(maxBytes: 8192, maxDepth: 8, maxNodes: 512)

/// Feeds the input to one of the request decoders, picked by its first byte (the rest is the request):
///
/// - `B`: a bulk request body (`POST /template`), `BulkRequest(body:limits:)`, fast path and full parser;
/// - `G`: a generator call body (`POST /api/v1/generate`), then the placeholder it builds, compiled;
/// - `V`: a validation body (`POST /api/v1/template/validate`), `RequestFields` with its allowed members;
/// - `F`: an URL-encoded form (`POST /token`);
/// - `M`: a multipart form: the content type up to the first line feed, then the body;
/// - `Q`: a query string (`GET /fake/{name}?…`), `FakeQuery`;
/// - anything else: the whole input through every decoder.
///
/// Decoders must answer with a value or an `APIError`; a trap, a sanitizer report or a hang is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let input = UnsafeRawBufferPointer(start: start, count: count)
    guard let first = input.first else { return 0 }
    let rest = UnsafeRawBufferPointer(rebasing: input.dropFirst())
    switch first {
    case UInt8(ascii: "B"): bulk(rest)
    case UInt8(ascii: "G"): generatorCall(rest)
    case UInt8(ascii: "V"): validation(rest)
    case UInt8(ascii: "F"): form(rest)
    case UInt8(ascii: "M"): multipart(rest)
    case UInt8(ascii: "Q"): query(rest)
    default:
        bulk(input)
        generatorCall(input)
        validation(input)
        form(input)
        multipart(input)
        query(input)
    }
    return 0
}

func bulk(_ bytes: UnsafeRawBufferPointer) {
    guard let request = try? BulkRequest(body: ByteBuffer(bytes: bytes), limits: limits) else { return }
    // What the route does next with an accepted body: compile the template it kept (the fast path keeps the
    // client's own text, which the decoder did not parse).
    _ = try? Plan.compile(
        json: request.templateText,
        options: CompileOptions(format: request.format, uniqueAll: request.unique, now: 0, limits: limits))
}

func generatorCall(_ bytes: UnsafeRawBufferPointer) {
    guard let call = try? GeneratorCall(body: ByteBuffer(bytes: bytes), limits: limits),
        let spec = Catalog.lookup(call.generator.lowercased()),
        let arguments = try? call.placeholderArguments(for: spec)
    else { return }
    // The arguments are spliced into a placeholder: whatever the strings held, it must compile or fail cleanly.
    let placeholder = arguments.isEmpty ? "{{\(spec.name)}}" : "{{\(spec.name):\(arguments)}}"
    _ = try? Plan.compile(.object([("v", .string(placeholder))]), options: CompileOptions(now: 0, limits: limits))
}

func validation(_ bytes: UnsafeRawBufferPointer) {
    let body = ByteBuffer(bytes: bytes)
    guard var fields = try? RequestFields(body: body, limits: limits, allowed: ["template", "strict"]) else { return }
    _ = fields.object("template", required: true)
    _ = fields.boolean("strict", default: false)
    _ = fields.integer("count", in: UInt64(1)...UInt64(100))
    _ = fields.string("locale", nullable: true)
    _ = try? fields.check()
}

func form(_ bytes: UnsafeRawBufferPointer) {
    _ = FormBody.parse(String(decoding: bytes, as: UTF8.self))
}

func multipart(_ bytes: UnsafeRawBufferPointer) {
    let split = bytes.firstIndex(of: 0x0A) ?? bytes.endIndex
    let contentType = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[..<split]), as: UTF8.self)
    let body = Array(bytes[min(split + 1, bytes.endIndex)...])
    guard let boundary = FormBody.multipartBoundary(contentType: contentType) else { return }
    _ = FormBody.parseMultipart(body, boundary: boundary)
}

func query(_ bytes: UnsafeRawBufferPointer) {
    let text = String(decoding: bytes, as: UTF8.self)
    _ = try? FakeQuery(query: text)
    let request = APIRequest(method: .get, target: text, headers: [:], body: APIRequestBody(buffer: ByteBuffer()))
    // The path ends at the first `?` or `#`, and a request always has one.
    precondition(
        !request.path.isEmpty && !request.path.utf8.contains { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") })
    precondition(request.query.map { !$0.utf8.contains(UInt8(ascii: "#")) } ?? true)
    _ = try? FakeQuery(query: request.query)
}

/// SwiftPM links an executable target's entry point as `main` under the name `<module>_main`, so libFuzzer's own
/// `main` is left out: this entry hands the process to libFuzzer's driver instead, with the same arguments.
@_cdecl("fuzz_request_main")
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
