#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads `.env` files: `KEY=value` lines, `#` comments, optional `export`, single or double quotes.
package enum DotEnv {
    /// The variables of a `.env` file, or an empty dictionary when the file does not exist.
    ///
    /// - Throws: `ConfigError` when the file exists but cannot be read.
    package static func load(path: String) throws(ConfigError) -> [String: String] {
        // No FileManager: FoundationEssentials would be the Lambda binary's largest library for this one call.
        var descriptor: Int32
        repeat { descriptor = open(path, O_RDONLY) } while descriptor < 0 && errno == EINTR
        guard descriptor >= 0 else {
            if errno == ENOENT || errno == ENOTDIR { return [:] }
            throw ConfigError(["cannot read \(path)"], code: .unreadableFile)
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw ConfigError(["cannot read \(path)"], code: .unreadableFile) }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            guard bytes.count <= 1 << 20 else {
                throw ConfigError(["\(path) is larger than 1 MiB"], code: .unreadableFile)
            }
        }
        return parse(String(decoding: bytes, as: UTF8.self))
    }

    /// Parses the text of a `.env` file. Lines that are not assignments are ignored.
    package static func parse(_ text: String) -> [String: String] {
        var values: [String: String] = [:]
        for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            var line = rawLine.trimmed
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = line.dropFirst(7).trimmed }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmed
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { continue }
            values[key] = value(line[line.index(after: equals)...].trimmed)
        }
        return values
    }

    /// A value without its quotes, or without a trailing ` # comment` when unquoted.
    static func value(_ raw: String) -> String {
        if let quote = raw.first, quote == "\"" || quote == "'",
            let close = raw.dropFirst().firstIndex(of: quote)
        {
            let inner = String(raw[raw.index(after: raw.startIndex)..<close])
            return quote == "\"" ? inner.replacing("\\n", with: "\n").replacing("\\\"", with: "\"") : inner
        }
        if let comment = raw.firstRange(of: " #") ?? raw.firstRange(of: "\t#") {
            return raw[..<comment.lowerBound].trimmed
        }
        return raw
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    package var trimmed: String {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
