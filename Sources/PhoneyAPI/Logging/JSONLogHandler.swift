import Logging
import PhoneyCore

/// How a transport opens its JSON log lines: the members before the metadata (time, level, message, request id),
/// named as the place the lines end up expects them. The server writes its own style; the Lambda writes the shape
/// AWS Lambda Powertools users know.
package protocol JSONLogStyle: Sendable {
    /// Writes `{` and the line's leading members to `line`, taking out of `fields` the ones it wrote.
    func open(_ event: LogEvent, label: String, fields: inout Logger.Metadata, line: inout [UInt8])
}

/// A swift-log handler that writes one JSON object per line: the style's leading members, then the metadata
/// (sorted by key), then the error.
///
/// Metadata keys that name credentials (`password`, `token`, `secret`, `authorization`, `api_key`, `cookie`) have
/// their values replaced; the sink scrubs known secrets and JWT-shaped text from every line as well.
package struct JSONLogHandler: LogHandler {
    package var metadata: Logger.Metadata = [:]
    package var logLevel: Logger.Level
    package var metadataProvider: Logger.MetadataProvider?
    let label: String
    let sink: LogSink
    let style: any JSONLogStyle

    package init(label: String, level: Logger.Level, sink: LogSink, style: any JSONLogStyle) {
        self.label = label
        self.logLevel = level
        self.sink = sink
        self.style = style
    }

    /// A logger that writes JSON lines in `style` to `sink` at `config.logLevel`, with the configuration's secrets
    /// redacted.
    package static func logger(
        config: APIConfig, sink: LogSink = LogSink(), label: String = "phoney", style: any JSONLogStyle
    ) -> Logger {
        sink.redact(
            [config.secretKey, config.passwordHash] + [config.apiKey, config.generatedPassword].compactMap { $0 })
        var logger = Logger(label: label) { label in
            JSONLogHandler(label: label, level: config.logLevel, sink: sink, style: style)
        }
        logger.logLevel = config.logLevel
        return logger
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
        style.open(event, label: label, fields: &fields, line: &line)
        Self.appendFields(fields, error: event.error, to: &line)
        line.append(UInt8(ascii: "}"))
        sink.write(line)
    }

    /// The metadata members (credentials redacted) and the error, each after a comma.
    package static func appendFields(_ fields: Logger.Metadata, error: (any Error)?, to line: inout [UInt8]) {
        for key in fields.keys.sorted() {
            line.append(UInt8(ascii: ","))
            JSONValue.appendQuoted(key, to: &line)
            line.append(UInt8(ascii: ":"))
            if sensitive(key) {
                line.append(contentsOf: #""[REDACTED]""#.utf8)
            } else {
                append(fields[key]!, to: &line)
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
        "error.type", "hb.request.id", "requestId", "template_id", "records_generated", "cold_start",
        "function_name", "function_request_id", "function_arn", "function_memory_size", "xray_trace_id", "service",
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

    package static func append(_ value: Logger.Metadata.Value, to line: inout [UInt8]) {
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
}
