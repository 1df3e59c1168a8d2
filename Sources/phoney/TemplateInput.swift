import ArgumentParser
import PhoneyCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Reads a template file (or standard input for `-`).
enum TemplateInput {
    /// The file's text, without a UTF-8 byte order mark (editors on Windows write one).
    ///
    /// - Throws: `ExitCode(1)` after printing what went wrong, for a file that cannot be read or is not UTF-8.
    static func read(_ path: String) throws -> String {
        do {
            return try readText(path)
        } catch {
            StandardError.write("error: \(error.message)\n")
            throw ExitCode(1)
        }
    }

    private struct ReadError: Error {
        var message: String
    }

    private static func readText(_ path: String) throws(ReadError) -> String {
        let descriptor = path == "-" ? STDIN_FILENO : open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw ReadError(message: "cannot read template `\(path)`: \(String(cString: strerror(errno)))")
        }
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReadError(message: "cannot read template `\(path)`: \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard let text = String(validating: bytes[start...], as: UTF8.self) else {
            throw ReadError(message: "template `\(path)` is not UTF-8 text")
        }
        return text
    }
}

/// Writes to standard error.
enum StandardError {
    static func write(_ text: String) {
        var copy = text
        copy.withUTF8 { bytes in _ = Glibc.write(STDERR_FILENO, bytes.baseAddress, bytes.count) }
    }

    static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}

/// Template errors, printed for people: where, what, the error type and suggestions.
enum ErrorReport {
    static func print(_ errors: [TemplateError]) {
        for error in errors {
            var line = "error: " + (error.pointer.isEmpty ? "template" : error.pointer)
            if let offset = error.offset { line += " (offset \(offset))" }
            line += ": \(error.message) [\(error.kind)]"
            if !error.suggestions.isEmpty {
                line += "\n  did you mean " + error.suggestions.map { "`\($0)`" }.joined(separator: ", ") + "?"
            }
            StandardError.write(line + "\n")
        }
    }
}
