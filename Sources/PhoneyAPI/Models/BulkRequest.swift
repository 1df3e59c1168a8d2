import HTTPTypes
import NIOCore
import PhoneyCore

/// The body of `POST /template` and `POST /api/v1/template/generate`.
///
/// `{template (required object), count (1), locale, seed, format json|csv|ndjson, streaming, stream, unique,
/// offset}`; any other member is a 422. `streaming` is the original's flag and is accepted but changes nothing;
/// `stream: true` asks the authenticated endpoint for raw streamed records.
package struct BulkRequest: Sendable {
    package static let members: Set<String> = [
        "template", "count", "locale", "seed", "format", "streaming", "stream", "unique", "offset",
    ]

    /// The template as JSON text: the client's own text on the fast path, else its compact serialisation.
    package var templateText: String
    package var count: UInt64
    package var locale: String?
    /// The seed to use: the request's, or a random one below 2^53 so any JSON client can send it back exactly.
    package var seed: UInt64
    /// The seed as the response reports it (the request's own spelling, which may be negative).
    package var seedText: String
    package var format: OutputFormat
    /// Whether `format` was given explicitly.
    package var formatGiven: Bool
    package var stream: Bool
    package var streaming: Bool
    package var unique: Bool
    package var offset: UInt64

    /// Reads and checks a request body.
    ///
    /// A well-formed body takes the fast path: one scan finds the members and the template is kept as the text
    /// the client sent, never parsed here (the plan cache parses it on a miss). Anything else takes the full
    /// parser, which reports every problem.
    ///
    /// - Throws: `APIError` 422 (FastAPI's validation shape) listing every problem.
    package init(body: ByteBuffer, limits: TemplateLimits) throws(APIError) {
        if let request = Self.scanned(body) {
            self = request
            return
        }
        var bodyLimits = limits
        bodyLimits.maxDepth = limits.maxDepth + 1
        bodyLimits.maxNodes = limits.maxNodes + 32
        var fields = try RequestFields(body: body, limits: bodyLimits, allowed: Self.members)
        let templateMembers = fields.object("template", required: true)
        if let templateMembers, templateMembers.isEmpty {
            fields.issue("value_error", "template", "Value error, Template cannot be empty", input: .object([]))
        }
        self.init(templateText: JSONValue.object(templateMembers ?? []).serialized, fields: &fields)
        try fields.check()
    }

    /// Reads every member but the template from `fields`, recording problems there.
    init(templateText: String, fields: inout RequestFields) {
        self.templateText = templateText
        count = fields.integer("count", in: 1...UInt64.max) ?? 1
        locale = fields.string("locale", nullable: true)
        (seed, seedText) = Self.seed(&fields)
        formatGiven = fields["format"] != nil
        format = fields.format(default: .json)
        streaming = fields.boolean("streaming", default: false)
        stream = fields.boolean("stream", default: false)
        unique = fields.boolean("unique", default: false)
        offset = fields.integer("offset", in: 0...UInt64.max) ?? 0
        if offset.addingReportingOverflow(count).overflow {
            fields.issue("less_than_equal", "offset", "offset + count must be below 2^64")
        }
    }

    /// The request from a plain, valid body without parsing its template; nil when anything needs the full
    /// parser's report (malformed JSON, an unknown or repeated member, a bad value, an empty template).
    static func scanned(_ body: ByteBuffer) -> BulkRequest? {
        body.withUnsafeReadableBytes { bytes -> BulkRequest? in
            guard let scanned = RawMembers.scan(bytes) else { return nil }
            var template: Range<Int>?
            var members: [(key: String, value: JSONValue)] = []
            for (key, range) in scanned {
                guard members.allSatisfy({ $0.key != key }), Self.members.contains(key) else { return nil }
                if key == "template" {
                    guard template == nil else { return nil }
                    template = range
                    continue
                }
                let text = UnsafeRawBufferPointer(rebasing: bytes[range])
                guard let value = try? JSONValue.parse(text) else { return nil }
                members.append((key, value))
            }
            guard let template, bytes[template.lowerBound] == UInt8(ascii: "{"),
                bytes[(template.lowerBound + 1)..<(template.upperBound - 1)].contains(where: {
                    $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09
                })
            else { return nil }
            // Bytes that are not UTF-8 go to the full parser, which names their offset.
            let templateBytes = UnsafeRawBufferPointer(rebasing: bytes[template])
            guard UTF8Validation.firstInvalidOffset(templateBytes) == nil else { return nil }
            var fields = RequestFields(members: members)
            let request = BulkRequest(
                templateText: String(decoding: templateBytes, as: UTF8.self),
                fields: &fields)
            return fields.issues.isEmpty ? request : nil
        }
    }
}

extension BulkRequest {
    /// The request's `seed` (any 64-bit integer, negative ones by their bit pattern), or a random one.
    static func seed(_ fields: inout RequestFields) -> (UInt64, String) {
        guard let value = fields["seed"], value != .null else {
            let random = UInt64.random(in: 0..<(1 << 53))
            return (random, String(random))
        }
        let text: String
        switch RequestFields.readInteger(value) {
        case .integer(let digits): text = digits
        case let failure:
            fields.integerIssue(failure, "seed", input: value)
            return (0, "0")
        }
        if let signed = Int64(text) { return (UInt64(bitPattern: signed), text) }
        if let unsigned = UInt64(text) { return (unsigned, text) }
        fields.issue("int_range", "seed", "Input should be a 64-bit integer", input: value)
        return (0, "0")
    }
}
