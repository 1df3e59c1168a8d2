import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where JSON log lines go: a file descriptor (standard output in the server) or a closure (tests).
///
/// Before a line leaves, every registered secret in it and anything shaped like a JWT is replaced by
/// `[REDACTED]`, so a secret that slips into a message or an error text still never reaches the log.
package final class LogSink: Sendable {
    enum Target: Sendable {
        case descriptor(Int32)
        case closure(@Sendable ([UInt8]) -> Void)
    }

    let target: Target
    private let secrets = Mutex<[[UInt8]]>([])
    private let lock = Mutex(())

    package init(descriptor: Int32 = 1) {
        target = .descriptor(descriptor)
    }

    package init(_ write: @escaping @Sendable ([UInt8]) -> Void) {
        target = .closure(write)
    }

    /// Adds values that must never be written (the secret key, the API key, a generated password).
    package func redact(_ values: [String]) {
        let bytes = values.filter { $0.utf8.count >= 6 }.map { Array($0.utf8) }
        secrets.withLock { $0.append(contentsOf: bytes) }
    }

    /// Writes one line (the newline is added here).
    package func write(_ line: [UInt8]) {
        var line = Redaction.scrub(line, secrets: secrets.withLock { $0 })
        line.append(0x0A)
        switch target {
        case .closure(let write):
            write(line)
        case .descriptor(let descriptor):
            lock.withLock { _ in
                line.withUnsafeBytes { bytes in
                    var offset = 0
                    while offset < bytes.count {
                        let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                        if written <= 0 {
                            if written < 0, errno == EINTR { continue }
                            return
                        }
                        offset += written
                    }
                }
            }
        }
    }
}

/// `write(2)`, named apart from `LogSink.write`.
func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
