import Logging
import PhoneyAPI
import PhoneyCore

/// The server's log lines: `{"ts","level","logger","msg","request_id",…metadata}`, with swift-log's level names.
package struct ServerLogStyle: JSONLogStyle {
    package init() {}

    package func open(
        _ event: LogEvent, label: String, fields: inout Logger.Metadata, line: inout [UInt8]
    ) {
        line.append(contentsOf: #"{"ts":""#.utf8)
        WallClock.appendTimestamp(to: &line)
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
    }
}
