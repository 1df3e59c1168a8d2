/// How records are laid out.
public enum OutputFormat: String, Sendable, CaseIterable, Hashable {
    /// One JSON array of record objects.
    case json
    /// One JSON object per line.
    case ndjson
    /// A header row from the template's fields, then one row per record (RFC 4180, CRLF line ends).
    case csv

    /// The media type of a whole document in this format.
    public var contentType: String {
        switch self {
        case .json: return "application/json"
        case .ndjson: return "application/x-ndjson"
        case .csv: return "text/csv; charset=utf-8"
        }
    }
}
