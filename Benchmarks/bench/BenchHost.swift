import Benchmark
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs benchmarks with the package's own runner and executor, in this process, and collects their results.
///
/// The runner measures (warm-up, iterations, malloc counting through the interposer) but, started without a host,
/// only prints raw histograms. So this plays the host's side of its pipe protocol, as `swift package benchmark`
/// does from another process: it sends `run` for each benchmark and reads back the `result` replies. The host side
/// runs on its own thread and sleeps in `read` while a benchmark is measured.
enum BenchHost {
    struct Outcome {
        var name: String
        var results: [BenchmarkResult]
        var error: String?
    }

    /// Runs `benchmarks` in order, saying on standard error which one is running.
    @MainActor
    static func run(_ benchmarks: [Benchmark]) async throws -> [Outcome] {
        let requests = try benchmarks.map { (name: $0.name, message: try frame(.run(benchmark: $0))) }
        let toRunner = try PipeEnds.make()
        let fromRunner = try PipeEnds.make()
        var runner = try BenchmarkRunner.parse([
            "--input-fd", "\(toRunner.read)", "--output-fd", "\(fromRunner.write)", "--quiet", "true",
        ])
        let collected = Collected()
        let host = Thread {
            collected.finish(
                converse(requests, send: toRunner.write, receive: fromRunner.read))
        }
        host.start()
        var failure: (any Error)?
        do {
            try await runner.run()
        } catch {
            failure = error
        }
        // The runner is done writing; closing its end wakes the host with end-of-file if it still waits for a reply.
        close(fromRunner.write)
        let outcomes = collected.wait()
        for descriptor in [toRunner.read, toRunner.write, fromRunner.read] { close(descriptor) }
        if let failure { throw failure }
        return try outcomes.get()
    }

    /// The host's half of the conversation: one `run` per benchmark, its replies up to `end`, then `end`.
    static func converse(
        _ requests: [(name: String, message: [UInt8])], send: Int32, receive: Int32
    ) -> Result<[Outcome], HostError> {
        do {
            var outcomes: [Outcome] = []
            for (name, message) in requests {
                FileHandle.standardError.write(Data("running \(name)\n".utf8))
                try message.withUnsafeBytes { try writeAll($0, to: send) }
                var outcome = Outcome(name: name, results: [])
                reading: while true {
                    switch try receiveMessage(BenchmarkCommandReply.self, from: receive) {
                    case .result(_, let results): outcome.results = results
                    case .error(let description):
                        outcome.error = description
                        break reading
                    case .end: break reading
                    default: continue
                    }
                }
                outcomes.append(outcome)
                if outcome.error != nil { break }
            }
            try frame(.end).withUnsafeBytes { try writeAll($0, to: send) }
            return .success(outcomes)
        } catch let error as HostError {
            return .failure(error)
        } catch {
            return .failure(HostError(message: "\(error)"))
        }
    }

    /// A request as the runner reads it: the JSON length as a native `Int`, then the JSON.
    static func frame(_ request: BenchmarkCommandRequest) throws -> [UInt8] {
        let json = try JSONEncoder().encode(request)
        return withUnsafeBytes(of: json.count) { Array($0) } + Array(json)
    }

    static func receiveMessage<Message: Decodable>(_: Message.Type, from descriptor: Int32) throws -> Message {
        var length = 0
        try withUnsafeMutableBytes(of: &length) { try readAll($0, from: descriptor) }
        var json = Data(count: length)
        try json.withUnsafeMutableBytes { try readAll($0, from: descriptor) }
        return try JSONDecoder().decode(Message.self, from: json)
    }

    static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) throws {
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw HostError(message: "write to the runner failed: errno \(errno)")
            }
            offset += written
        }
    }

    static func readAll(_ bytes: UnsafeMutableRawBufferPointer, from descriptor: Int32) throws {
        var offset = 0
        while offset < bytes.count {
            let got = read(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if got < 0 {
                if errno == EINTR { continue }
                throw HostError(message: "read from the runner failed: errno \(errno)")
            }
            if got == 0 { throw HostError(message: "the runner closed its pipe") }
            offset += got
        }
    }
}

struct HostError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// The two ends of a pipe.
struct PipeEnds {
    var read: Int32
    var write: Int32

    static func make() throws -> PipeEnds {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw HostError(message: "pipe() failed: errno \(errno)") }
        return PipeEnds(read: ends[0], write: ends[1])
    }
}

/// The host thread's answer, handed to the task that waits for it.
final class Collected: @unchecked Sendable {
    private let condition = NSCondition()
    private var outcome: Result<[BenchHost.Outcome], HostError>?

    func finish(_ result: Result<[BenchHost.Outcome], HostError>) {
        condition.lock()
        outcome = result
        condition.broadcast()
        condition.unlock()
    }

    func wait() -> Result<[BenchHost.Outcome], HostError> {
        condition.lock()
        defer { condition.unlock() }
        while outcome == nil { condition.wait() }
        return outcome!
    }
}
