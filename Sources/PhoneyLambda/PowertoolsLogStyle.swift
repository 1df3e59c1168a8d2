import Logging
import PhoneyAPI
import PhoneyCore

/// The Lambda's log lines, in the shape AWS Lambda Powertools writes them, so its users' Logs Insights queries,
/// dashboards and subscription filters work unchanged:
/// `{"level","message","timestamp","service","cold_start","function_name","function_memory_size","function_arn",
/// "function_request_id","xray_trace_id",…metadata}`.
///
/// The function's name, memory size and service are fixed for the process; the invocation's fields arrive as logger
/// metadata (`LambdaApp` sets them on each invocation's logger) and are written with their JSON types: `cold_start`
/// a boolean, `function_memory_size`, `status`, `duration_ms` and `records_generated` numbers.
package struct PowertoolsLogStyle: JSONLogStyle {
    /// The invocation metadata written right after the fixed members, in this order.
    static let invocationKeys = ["cold_start", "function_arn", "function_request_id", "xray_trace_id"]
    /// Metadata written as JSON numbers when they read as one, so Logs Insights can compare and sort them.
    static let numericKeys: Set<String> = ["status", "duration_ms", "records_generated"]

    let service: String
    let functionName: String?
    let memorySize: Int?

    /// - Parameters:
    ///   - service: `POWERTOOLS_SERVICE_NAME`, `phoney` by default.
    ///   - functionName: `AWS_LAMBDA_FUNCTION_NAME`.
    ///   - memorySize: `AWS_LAMBDA_FUNCTION_MEMORY_SIZE`, in MB.
    package init(service: String, functionName: String?, memorySize: Int?) {
        self.service = service
        self.functionName = functionName
        self.memorySize = memorySize
    }

    package func open(_ event: LogEvent, label: String, fields: inout Logger.Metadata, line: inout [UInt8]) {
        line.append(contentsOf: #"{"level":""#.utf8)
        line.append(contentsOf: Self.level(event.level).utf8)
        line.append(contentsOf: #"","message":"#.utf8)
        JSONValue.appendQuoted(event.message.description, to: &line)
        line.append(contentsOf: #","timestamp":""#.utf8)
        WallClock.appendTimestamp(to: &line)
        line.append(contentsOf: #"","service":"#.utf8)
        JSONValue.appendQuoted(service, to: &line)
        if let coldStart = fields.removeValue(forKey: "cold_start") {
            line.append(contentsOf: #","cold_start":"#.utf8)
            line.append(contentsOf: (coldStart.description == "true" ? "true" : "false").utf8)
        }
        if let functionName {
            line.append(contentsOf: #","function_name":"#.utf8)
            JSONValue.appendQuoted(functionName, to: &line)
        }
        if let memorySize {
            line.append(contentsOf: #","function_memory_size":"#.utf8)
            line.append(contentsOf: String(memorySize).utf8)
        }
        // The API's loggers carry the request id as `hb.request.id` (Hummingbird's name for it on the server); in the
        // Lambda it is the invocation's request id.
        let hummingbirdID = fields.removeValue(forKey: "hb.request.id")
        if fields["function_request_id"] == nil, let hummingbirdID { fields["function_request_id"] = hummingbirdID }
        for key in Self.invocationKeys.dropFirst() {
            guard let value = fields.removeValue(forKey: key) else { continue }
            line.append(UInt8(ascii: ","))
            JSONValue.appendQuoted(key, to: &line)
            line.append(UInt8(ascii: ":"))
            JSONValue.appendQuoted(value.description, to: &line)
        }
        for key in Self.numericKeys.sorted() {
            guard let value = fields[key], Self.isNumber(value.description) else { continue }
            fields.removeValue(forKey: key)
            line.append(UInt8(ascii: ","))
            JSONValue.appendQuoted(key, to: &line)
            line.append(UInt8(ascii: ":"))
            line.append(contentsOf: value.description.utf8)
        }
    }

    /// Powertools' names for the levels.
    static func level(_ level: Logger.Level) -> String {
        switch level {
        case .trace, .debug: return "DEBUG"
        case .info, .notice: return "INFO"
        case .warning: return "WARNING"
        case .error: return "ERROR"
        case .critical: return "CRITICAL"
        }
    }

    /// Whether `text` is a plain JSON number: digits (no leading zero) with an optional fraction, no sign, no exponent.
    static func isNumber(_ text: String) -> Bool {
        var sawDigit = false
        var sawPoint = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): sawDigit = true
            case UInt8(ascii: "."):
                if sawPoint || !sawDigit { return false }
                sawPoint = true
            default: return false
            }
        }
        let leadingZero = text.utf8.count > 1 && text.utf8.first == UInt8(ascii: "0") && !text.hasPrefix("0.")
        return sawDigit && !leadingZero && text.utf8.last != UInt8(ascii: ".")
    }
}
