#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// A file descriptor written with `write(2)`, whole buffers at a time.
struct OutputFile {
    struct WriteError: Error, CustomStringConvertible {
        var description: String
    }

    let descriptor: Int32
    let owned: Bool
    /// What error messages call the file.
    var name = "standard output"

    static let standardOutput = OutputFile(descriptor: STDOUT_FILENO, owned: false)

    static func create(_ path: String) throws(WriteError) -> OutputFile {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw WriteError(description: "cannot open `\(path)` for writing: \(String(cString: strerror(errno)))")
        }
        return OutputFile(descriptor: descriptor, owned: true, name: "`\(path)`")
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws(WriteError) {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw WriteError(description: "cannot write \(name): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    func close() {
        if owned { _ = Glibc.close(descriptor) }
    }
}
