import PhoneyAPI
import PhoneyCore

/// One export: everything that decides its bytes (template, seed, locale, reference time, format, compression, the
/// records and how they are cut into shards). The local export, the CLI's S3 export, the jobs API and the Lambda's
/// shard handler all describe a run with this, and write it as `job.json`, so a shard rendered anywhere is the same.
package struct ExportRun: Sendable, Equatable {
    package var template: String
    package var seed: UInt64
    package var locale: String
    /// Reference time of relative dates, Unix seconds.
    package var now: Int64
    package var format: OutputFormat
    package var gzip: Bool
    package var unique: Bool
    package var offset: UInt64
    package var count: UInt64
    package var recordsPerShard: UInt64

    package init(
        template: String, seed: UInt64, locale: String, now: Int64, format: OutputFormat, gzip: Bool = false,
        unique: Bool = false, offset: UInt64 = 0, count: UInt64, recordsPerShard: UInt64
    ) {
        self.template = template
        self.seed = seed
        self.locale = locale
        self.now = now
        self.format = format
        self.gzip = gzip
        self.unique = unique
        self.offset = offset
        self.count = count
        self.recordsPerShard = max(1, recordsPerShard)
    }

    package var layout: ShardLayout {
        ShardLayout(offset: offset, count: count, recordsPerShard: recordsPerShard, format: format)
    }

    /// The template's id as the HTTP API reports it: FNV-1a over its JSON written compactly.
    package var templateID: String {
        fnv1aHex((try? JSONValue.parse(template).serialized) ?? template)
    }

    /// What identifies the run a part belongs to: a part left by another run is never kept.
    package var runKey: String {
        fnv1aHex(
            "\(templateID) \(seed) \(locale) \(now) \(format.rawValue) \(offset) \(count) \(recordsPerShard)"
                + (gzip ? " gzip" : "") + (unique ? " unique" : ""))
    }

    /// The file or object name of shard `index`: `part-000042.ndjson`, with `.gz` when compressed.
    package func partName(_ index: Int) -> String {
        layout.shard(index).name + (gzip ? ".gz" : "")
    }

    /// Compiles the template for this run.
    ///
    /// - Throws: `TemplateFailure` when it does not compile, or `ExportError` for an unknown locale.
    package func compile() throws -> Plan {
        let options = CompileOptions(format: format, locale: locale, uniqueAll: unique, now: now)
        return try Plan.compile(json: template, options: options)
    }

    // MARK: job.json

    /// The run as `job.json`.
    package var json: JSONValue {
        .object(
            [
                ("job_version", .number("1")),
                ("template", (try? JSONValue.parse(template)) ?? .string(template)),
            ] + members)
    }

    /// What decides the run's bytes, as job.json and the manifest write it.
    var members: [(key: String, value: JSONValue)] {
        [
            ("seed", .number(String(seed))),
            ("locale", .string(locale)),
            ("reference_time", .number(String(now))),
            ("format", .string(format.rawValue)),
            ("gzip", .bool(gzip)),
            ("unique", .bool(unique)),
            ("offset", .number(String(offset))),
            ("count", .number(String(count))),
            ("records_per_shard", .number(String(recordsPerShard))),
        ]
    }

    /// Reads `job.json`.
    ///
    /// - Throws: `ExportError.invalidJob` naming the member that is missing or wrong.
    package init(json value: JSONValue) throws(ExportError) {
        func member(_ key: String) throws(ExportError) -> JSONValue {
            guard let found = value[key] else { throw .invalidJob("job.json has no `\(key)`") }
            return found
        }
        func unsigned(_ key: String) throws(ExportError) -> UInt64 {
            guard case .number(let text) = try member(key), let number = UInt64(text) else {
                throw .invalidJob("job.json: `\(key)` must be a whole number from 0 to 2^64-1")
            }
            return number
        }
        func flag(_ key: String) throws(ExportError) -> Bool {
            guard case .bool(let flag) = try member(key) else {
                throw .invalidJob("job.json: `\(key)` must be a boolean")
            }
            return flag
        }
        guard case .object = try member("template") else {
            throw .invalidJob("job.json: `template` must be a JSON object")
        }
        guard case .string(let locale) = try member("locale") else {
            throw .invalidJob("job.json: `locale` must be a string")
        }
        guard case .string(let formatName) = try member("format"), let format = OutputFormat(rawValue: formatName)
        else {
            throw .invalidJob("job.json: `format` must be json, ndjson or csv")
        }
        guard case .number(let nowText) = try member("reference_time"), let now = Int64(nowText) else {
            throw .invalidJob("job.json: `reference_time` must be Unix seconds")
        }
        let offset = try unsigned("offset")
        let count = try unsigned("count")
        guard !offset.addingReportingOverflow(count).overflow else {
            throw .invalidJob("job.json: `offset` plus `count` must be below 2^64")
        }
        self.init(
            template: try member("template").serialized, seed: try unsigned("seed"), locale: locale, now: now,
            format: format, gzip: try flag("gzip"), unique: try flag("unique"), offset: offset, count: count,
            recordsPerShard: max(1, try unsigned("records_per_shard")))
    }
}

/// What goes wrong in an export, with a message that says what and where.
package enum ExportError: Error, CustomStringConvertible, Equatable {
    case invalidJob(String)
    case template(String)
    case storage(String)
    case limit(String)

    package var description: String {
        switch self {
        case .invalidJob(let message), .template(let message), .storage(let message), .limit(let message):
            return message
        }
    }
}
