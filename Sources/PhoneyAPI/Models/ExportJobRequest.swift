import NIOCore
import PhoneyCore

/// The body of `POST /api/v1/jobs`: an export of `count` records as shards into the deployment's export bucket.
///
/// `{template (required object), count (required), seed, locale, format json|csv|ndjson (ndjson), gzip (false),
/// shard_records (1,000,000), unique (false), prefix, client_token}`; any other member is a 422.
package struct ExportJobRequest: Sendable, Equatable {
    package static let members: Set<String> = [
        "template", "count", "seed", "locale", "format", "gzip", "shard_records", "unique", "prefix", "client_token",
    ]
    /// Fewest and most records per shard: a shard must be worth an invocation and fit one.
    package static let shardRecordsRange: ClosedRange<UInt64> = 1_000...100_000_000

    package var templateText: String
    package var count: UInt64
    package var seed: UInt64
    package var locale: String?
    package var format: OutputFormat
    package var gzip: Bool
    package var recordsPerShard: UInt64
    package var unique: Bool
    /// A folder under the bucket's export prefix, or empty.
    package var prefix: String
    /// Makes a repeated POST return the same job instead of starting another.
    package var clientToken: String?

    /// - Throws: `APIError` 422 listing every problem.
    package init(body: ByteBuffer, limits: TemplateLimits) throws(APIError) {
        var bodyLimits = limits
        bodyLimits.maxDepth = limits.maxDepth + 1
        bodyLimits.maxNodes = limits.maxNodes + 32
        var fields = try RequestFields(body: body, limits: bodyLimits, allowed: Self.members)
        let template = fields.object("template", required: true)
        if let template, template.isEmpty {
            fields.issue("value_error", "template", "Value error, Template cannot be empty", input: .object([]))
        }
        templateText = JSONValue.object(template ?? []).serialized
        if fields["count"] == nil {
            fields.issue("missing", "count", "Field required")
        }
        count = fields.integer("count", in: 1...UInt64.max) ?? 1
        (seed, _) = BulkRequest.seed(&fields)
        locale = fields.string("locale", nullable: true)
        format = fields.format(default: .ndjson)
        gzip = fields.boolean("gzip", default: false)
        unique = fields.boolean("unique", default: false)
        recordsPerShard = fields.integer("shard_records", in: Self.shardRecordsRange) ?? 1_000_000
        prefix = ""
        if let text = fields.string("prefix", nullable: true) {
            if let problem = Self.prefixProblem(text) {
                fields.issue("value_error", "prefix", "Value error, \(problem)", input: .string(text))
            } else {
                prefix = text.hasSuffix("/") ? String(text.dropLast()) : text
            }
        }
        clientToken = fields.string("client_token", nullable: true)
        if let token = clientToken, !Self.isToken(token) {
            fields.issue(
                "value_error", "client_token",
                "Value error, a client token is 1 to 64 letters, digits, '-' and '_'", input: .string(token))
        }
        try fields.check()
    }

    /// Why `prefix` cannot name a folder under the export prefix: it must be a relative path of plain segments.
    static func prefixProblem(_ prefix: String) -> String? {
        let trimmed = prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix
        if trimmed.isEmpty || trimmed.utf8.count > 200 { return "a prefix is 1 to 200 characters" }
        for segment in trimmed.split(separator: "/", omittingEmptySubsequences: false) {
            if segment.isEmpty || segment == "." || segment == ".." {
                return "a prefix is folders separated by single '/', without '.' or '..' segments"
            }
            if !segment.utf8.allSatisfy({ isTokenByte($0) || $0 == UInt8(ascii: ".") }) {
                return "a prefix may hold letters, digits, '-', '_', '.' and '/' only"
            }
        }
        return nil
    }

    static func isToken(_ text: String) -> Bool {
        (1...64).contains(text.utf8.count) && text.utf8.allSatisfy(isTokenByte)
    }

    static func isTokenByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }
}

/// Where export jobs run: the AWS deployment's Step Functions state machine and bucket. The server has none (a
/// local export is `phoney export`).
package protocol ExportJobs: Sendable {
    /// Most records in one job (`PHONEY_EXPORT_MAX_RECORDS`).
    var maxRecords: UInt64 { get }
    /// Most shards in one job (`PHONEY_EXPORT_MAX_SHARDS`).
    var maxShards: Int { get }
    /// Starts the job (or finds the one its client token started); `plan` is its compiled template.
    func start(_ job: ExportJobRequest, locale: String, now: Int64, subject: String) async throws -> ExportJobStatus
    /// The job's state, or nil when there is no such job.
    func status(_ id: String) async throws -> ExportJobStatus?
}

/// What `POST /api/v1/jobs` and `GET /api/v1/jobs/{id}` answer.
package struct ExportJobStatus: Sendable, Equatable {
    package var id: String
    /// RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED or PENDING_REDRIVE (Step Functions' words).
    package var status: String
    package var shardsTotal: Int
    package var shardsDone: Int
    package var records: UInt64
    package var recordsWritten: UInt64
    /// `s3://bucket/prefix/` of the parts.
    package var destination: String
    /// `s3://…/manifest.json` once the job has succeeded.
    package var manifest: String?
    package var error: String?
    /// True when a client token found a job started before.
    package var existing: Bool

    package init(
        id: String, status: String, shardsTotal: Int, shardsDone: Int, records: UInt64, recordsWritten: UInt64,
        destination: String, manifest: String? = nil, error: String? = nil, existing: Bool = false
    ) {
        self.id = id
        self.status = status
        self.shardsTotal = shardsTotal
        self.shardsDone = shardsDone
        self.records = records
        self.recordsWritten = recordsWritten
        self.destination = destination
        self.manifest = manifest
        self.error = error
        self.existing = existing
    }

    package var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("job_id", .string(id)),
            ("status", .string(status)),
            ("shards_total", .number(String(shardsTotal))),
            ("shards_done", .number(String(shardsDone))),
            ("records", .number(String(records))),
            ("records_written", .number(String(recordsWritten))),
            ("destination", .string(destination)),
            ("status_url", .string("/api/v1/jobs/" + id)),
        ]
        members.append(("manifest", manifest.map { .string($0) } ?? .null))
        if let error { members.append(("error", .string(error))) }
        return .object(members)
    }
}
