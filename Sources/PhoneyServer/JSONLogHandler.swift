import Logging
import PhoneyCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A swift-log handler that writes one JSON object per line:
/// `{"ts","level","logger","msg","request_id",…metadata}` for the server, or in AWS Lambda's JSON log format
/// `{"timestamp","level","requestId","message","logger",…metadata}` (upper-case levels: `INFO`, `WARN`, …) for the
/// Lambda runtime, so CloudWatch reads the level and the request id.
///
/// Metadata keys that name credentials (`password`, `token`, `secret`, `authorization`, `api_key`, `cookie`) have
/// their values replaced; the sink scrubs known secrets and JWT-shaped text from every line as well.
package struct JSONLogHandler: LogHandler {
    /// The field names a line is written with.
    package enum Style: Sendable {
        case server
        case lambda
    }

    package var metadata: Logger.Metadata = [:]
    package var logLevel: Logger.Level
    package var metadataProvider: Logger.MetadataProvider?
    let label: String
    let sink: LogSink
    let style: Style

    package init(label: String, level: Logger.Level, sink: LogSink, style: Style = .server) {
        self.label = label
        self.logLevel = level
        self.sink = sink
        self.style = style
    }

    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    package func log(event: LogEvent) {
        var fields = metadata
        if let provided = metadataProvider?.get() { fields.merge(provided) { _, new in new } }
        if let extra = event.metadata { fields.merge(extra) { _, new in new } }
        var line: [UInt8] = []
        line.reserveCapacity(256)
        if style == .lambda {
            sink.write(lambdaLine(event, fields: fields))
            return
        }
        line.append(contentsOf: #"{"ts":""#.utf8)
        Self.appendTimestamp(to: &line)
        line.append(contentsOf: #"","level":""#.utf8)
        line.append(contentsOf: event.level.rawValue.utf8)
        line.append(contentsOf: #"","logger":"#.utf8)
        JSONValue.appendQuoted(label, to: &line)
        line.append(contentsOf: #","msg":"#.utf8)
        JSONValue.appendQuoted(event.message.description, to: &line)
        if let id = fields.removeValue(forKey: "hb.request.id") {
            line.append(contentsOf: #","request_id":"#.utf8)
            JSONValue.appendQuoted(id.description, to: &line)
        }
        appendFields(fields, error: event.error, to: &line)
        line.append(UInt8(ascii: "}"))
        sink.write(line)
    }

    /// The line in Lambda's JSON log format.
    func lambdaLine(_ event: LogEvent, fields: Logger.Metadata) -> [UInt8] {
        var fields = fields
        var line: [UInt8] = []
        line.reserveCapacity(256)
        line.append(contentsOf: #"{"timestamp":""#.utf8)
        Self.appendTimestamp(to: &line)
        line.append(contentsOf: #"","level":""#.utf8)
        line.append(contentsOf: Self.lambdaLevel(event.level).utf8)
        line.append(UInt8(ascii: "\""))
        if let id = fields.removeValue(forKey: "hb.request.id") ?? fields.removeValue(forKey: "requestId") {
            line.append(contentsOf: #","requestId":"#.utf8)
            JSONValue.appendQuoted(id.description, to: &line)
        }
        line.append(contentsOf: #","message":"#.utf8)
        JSONValue.appendQuoted(event.message.description, to: &line)
        line.append(contentsOf: #","logger":"#.utf8)
        JSONValue.appendQuoted(label, to: &line)
        appendFields(fields, error: event.error, to: &line)
        line.append(UInt8(ascii: "}"))
        return line
    }

    /// Lambda's names for the levels.
    static func lambdaLevel(_ level: Logger.Level) -> String {
        switch level {
        case .trace: return "TRACE"
        case .debug: return "DEBUG"
        case .info, .notice: return "INFO"
        case .warning: return "WARN"
        case .error: return "ERROR"
        case .critical: return "FATAL"
        }
    }

    /// The metadata members (credentials redacted) and the error, each after a comma.
    func appendFields(_ fields: Logger.Metadata, error: (any Error)?, to line: inout [UInt8]) {
        for key in fields.keys.sorted() {
            line.append(UInt8(ascii: ","))
            JSONValue.appendQuoted(key, to: &line)
            line.append(UInt8(ascii: ":"))
            if Self.sensitive(key) {
                line.append(contentsOf: #""[REDACTED]""#.utf8)
            } else {
                Self.append(fields[key]!, to: &line)
            }
        }
        if let error {
            line.append(contentsOf: #","error":"#.utf8)
            JSONValue.appendQuoted(String(describing: error), to: &line)
        }
    }

    /// Keys this server logs with, known to hold no credential (the common case, answered without a search).
    static let plainKeys: Set<String> = [
        "method", "path", "route", "status", "duration_ms", "records", "reason", "url", "env_state", "error",
        "error.type", "hb.request.id", "requestId",
    ]

    /// Markers of a key that names a credential, lower-case ASCII.
    static let sensitiveMarkers: [[UInt8]] = [
        "password", "passwd", "secret", "token", "authorization", "api_key", "apikey", "api-key", "cookie",
    ].map { Array($0.utf8) }

    /// Whether a metadata key names a credential (case-insensitive substring match).
    static func sensitive(_ key: String) -> Bool {
        if plainKeys.contains(key) { return false }
        let folded = key.utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
        return sensitiveMarkers.contains { marker in
            guard folded.count >= marker.count else { return false }
            return (0...(folded.count - marker.count)).contains { start in
                folded[start..<(start + marker.count)].elementsEqual(marker)
            }
        }
    }

    static func append(_ value: Logger.Metadata.Value, to line: inout [UInt8]) {
        switch value {
        case .string(let text): JSONValue.appendQuoted(text, to: &line)
        case .stringConvertible(let convertible): JSONValue.appendQuoted(convertible.description, to: &line)
        case .array(let items):
            line.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { line.append(UInt8(ascii: ",")) }
                append(item, to: &line)
            }
            line.append(UInt8(ascii: "]"))
        case .dictionary(let members):
            line.append(UInt8(ascii: "{"))
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { line.append(UInt8(ascii: ",")) }
                JSONValue.appendQuoted(key, to: &line)
                line.append(UInt8(ascii: ":"))
                if sensitive(key) {
                    line.append(contentsOf: #""[REDACTED]""#.utf8)
                } else {
                    append(members[key]!, to: &line)
                }
            }
            line.append(UInt8(ascii: "}"))
        }
    }

    /// The current UTC time as `2024-01-31T12:34:56.789Z`.
    static func appendTimestamp(to line: inout [UInt8]) {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        var seconds = spec.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int, _ width: Int) {
            let digits = String(value)
            for _ in digits.count..<width { line.append(UInt8(ascii: "0")) }
            line.append(contentsOf: digits.utf8)
        }
        pad(Int(parts.tm_year) + 1900, 4)
        line.append(UInt8(ascii: "-"))
        pad(Int(parts.tm_mon) + 1, 2)
        line.append(UInt8(ascii: "-"))
        pad(Int(parts.tm_mday), 2)
        line.append(UInt8(ascii: "T"))
        pad(Int(parts.tm_hour), 2)
        line.append(UInt8(ascii: ":"))
        pad(Int(parts.tm_min), 2)
        line.append(UInt8(ascii: ":"))
        pad(Int(parts.tm_sec), 2)
        line.append(UInt8(ascii: "."))
        pad(Int(spec.tv_nsec / 1_000_000), 3)
        line.append(UInt8(ascii: "Z"))
    }
}
