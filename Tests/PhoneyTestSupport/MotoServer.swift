import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A `moto` server (`python3 -m moto.server`) on a free loopback port, for end-to-end tests. Stop it with `stop()`,
/// in a `defer`, so no server outlives its test.
package final class MotoServer: @unchecked Sendable {
    package let port: Int
    private let process: Process
    private let log: URL

    package var endpoint: String { "http://127.0.0.1:\(port)" }

    private init(port: Int, process: Process, log: URL) {
        self.port = port
        self.process = process
        self.log = log
    }

    /// Starts a server and waits until it accepts connections.
    package static func start() async throws -> MotoServer {
        try Python.require(["moto.server", "flask"])
        let port = try freePort()
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("moto-\(port)-\(UUID()).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", String(port)]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        let server = MotoServer(port: port, process: process, log: log)
        for _ in 0..<300 {
            if !process.isRunning {
                let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                throw Python.Failure(description: "moto server exited: \(text)\nInstall it with \(Python.installLine)")
            }
            if canConnect(port: port) { return server }
            try await Task.sleep(for: .milliseconds(100))
        }
        server.stop()
        throw Python.Failure(description: "moto server did not accept connections on port \(port) within 30 s")
    }

    /// Ends the server and waits for it.
    ///
    /// SIGKILL, after a short grace for SIGTERM: the server's handler threads hold the keep-alive connections of
    /// `HTTPClient.shared` open, and Python waits for them before exiting on SIGTERM. moto keeps nothing on disk.
    package func stop() {
        let pid = process.processIdentifier
        if process.isRunning { process.terminate() }
        for _ in 0..<20 where process.isRunning {
            Thread.sleep(forTimeInterval: 0.05)
        }
        if process.isRunning { kill(pid, SIGKILL) }
        // `waitUntilExit` spins a run loop; polling is gentler and the process is already going.
        while process.isRunning {
            Thread.sleep(forTimeInterval: 0.02)
        }
        try? FileManager.default.removeItem(at: log)
    }

    /// A loopback port nothing listens on right now (the kernel's choice for a bind to port 0).
    package static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Python.Failure(description: "socket() failed") }
        defer { close(fd) }
        var address = loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else { throw Python.Failure(description: "bind() failed") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    package static func canConnect(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = loopback(port: port)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        return result == 0
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }
}
