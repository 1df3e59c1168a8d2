import PhoneyCore

/// Small limits, so the fuzzer spends its time in the parser and compiler rather than on big documents.
let limits = TemplateLimits(maxBytes: 4096, maxDepth: 8, maxNodes: 256)
/// A fixed reference time, so an input always compiles and renders the same way.
let now: Int64 = 1_700_006_400
let locales = ["en_US", "de_DE", "ja_JP", "fr_FR"]
/// Limits for reading back what was rendered: anything the renderer may legitimately write.
let outputLimits = TemplateLimits(maxBytes: 1 << 30, maxDepth: 64, maxNodes: .max)

/// Compiles the input as a template, then renders a few records of what compiles.
///
/// The input's length picks the output format and the locale, so every input replays exactly and a seed file is
/// a plain template. Invalid UTF-8 goes through the byte parser (what the HTTP routes see), valid text through
/// `Plan.compile(json:options:)`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    let format = OutputFormat.allCases[count % OutputFormat.allCases.count]
    let locale = locales[(count / OutputFormat.allCases.count) % locales.count]
    let options = CompileOptions(format: format, locale: locale, uniqueAll: count % 7 == 0, now: now, limits: limits)
    let plan: Plan
    do {
        if let text = String(validating: bytes, as: UTF8.self) {
            plan = try Plan.compile(json: text, options: options)
        } else {
            plan = try Plan.compile(JSONValue.parse(bytes, limits: limits), options: options)
        }
    } catch {
        return 0
    }
    // How long a template takes to render is the bounded-cost work of issue 18, not this target's: a number of
    // four or more digits (`count=1000`, `max_nb_chars=100000`) can legitimately ask for megabytes per record, so
    // such templates are compiled but not rendered, and the fuzzer looks for crashes rather than slowness.
    guard !hasLongNumber(bytes) else { return 0 }
    var output = plan.prefix
    do {
        try plan.render(seed: UInt64(count), offset: UInt64(count % 5), count: 3, into: &output)
    } catch {
        return 0
    }
    output += plan.suffix
    if format == .json || format == .ndjson {
        // JSON and NDJSON output must itself be valid JSON (NDJSON line by line).
        let documents = format == .json ? [output[...]] : output.split(separator: 0x0A)
        for document in documents {
            let parsed = document.withUnsafeBytes { try? JSONValue.parse($0, limits: outputLimits) }
            precondition(parsed != nil, "rendered \(format) is not JSON: \(String(decoding: document, as: UTF8.self))")
        }
    }
    return 0
}

/// Whether the bytes hold a run of four or more ASCII digits.
func hasLongNumber(_ bytes: UnsafeRawBufferPointer) -> Bool {
    var run = 0
    for byte in bytes {
        run = (0x30...0x39).contains(byte) ? run + 1 : 0
        if run >= 4 { return true }
    }
    return false
}

/// SwiftPM links an executable target's entry point as `main` under the name `<module>_main`, so libFuzzer's own
/// `main` is left out: this entry hands the process to libFuzzer's driver instead, with the same arguments.
@_cdecl("fuzz_template_main")
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
