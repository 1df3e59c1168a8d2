import PhoneyCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// The templates of the repository's `fixtures/` folder.
enum GateFixture: String, CaseIterable, Sendable {
    case person, simple, nested, wide

    static let seed: UInt64 = 42

    /// NDJSON in en_US, with a fixed reference time (2024-01-01T00:00:00Z) so relative dates do not move.
    static let options = CompileOptions(format: .ndjson, locale: "en_US", now: 1_704_067_200)

    /// `fixtures/` at the package root, two levels above this file.
    static let directory: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/fixtures"
    }()

    /// The template text.
    ///
    /// - Throws: `GateError` when the file cannot be read.
    func template() throws(GateError) -> String {
        let path = "\(GateFixture.directory)/\(rawValue).json"
        guard let file = fopen(path, "rb") else { throw GateError("cannot open \(path)") }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let got = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if got == 0 { break }
            bytes.append(contentsOf: chunk[..<got])
        }
        guard ferror(file) == 0 else { throw GateError("cannot read \(path)") }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Why a workload could not be set up.
struct GateError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
