import PhoneyAPI
import PhoneyAWS
import PhoneyCore

/// Export jobs on AWS: `POST /api/v1/jobs` writes the run (`job.json`) and its shard list (`items.json`, made by
/// the same `ShardLayout` a local export uses) under `PREFIX/JOB/` in the export bucket, and starts an execution
/// of the export state machine named after the job; its Distributed Map sends each item to the function as a shard
/// event (`ExportEvents`), and a last event writes the manifest. `GET /api/v1/jobs/{id}` reads the execution and
/// counts the shards' sidecars.
package struct ExportJobsService: ExportJobs {
    package let s3: S3Client
    package let stepFunctions: StepFunctionsClient
    package let bucket: String
    /// `exports/`: everything a job writes is under it (the function's IAM allows nothing else).
    package let prefix: String
    package let stateMachineArn: String
    package let maxRecords: UInt64
    package let maxShards: Int

    package init(
        s3: S3Client, stepFunctions: StepFunctionsClient, bucket: String, prefix: String, stateMachineArn: String,
        maxRecords: UInt64, maxShards: Int
    ) {
        self.s3 = s3
        self.stepFunctions = stepFunctions
        self.bucket = bucket
        self.prefix = prefix.isEmpty || prefix.hasSuffix("/") ? prefix : prefix + "/"
        self.stateMachineArn = stateMachineArn
        self.maxRecords = maxRecords
        self.maxShards = maxShards
    }

    /// From the function's environment: nil when `PHONEY_EXPORT_BUCKET` is not set (jobs off).
    ///
    /// - Throws: `ExportError.invalidJob` naming a variable that is set but wrong, or the clients' `AWSError`.
    package static func fromEnvironment(_ environment: [String: String]) throws -> ExportJobsService? {
        guard let bucket = environment["PHONEY_EXPORT_BUCKET"], !bucket.isEmpty else { return nil }
        guard let machine = environment["PHONEY_EXPORT_STATE_MACHINE_ARN"], !machine.isEmpty else {
            throw ExportError.invalidJob("PHONEY_EXPORT_BUCKET is set but PHONEY_EXPORT_STATE_MACHINE_ARN is not")
        }
        func number(_ name: String, default fallback: UInt64) throws -> UInt64 {
            guard let text = environment[name], !text.isEmpty else { return fallback }
            guard let value = UInt64(text), value > 0 else {
                throw ExportError.invalidJob("\(name) must be a whole number above 0 (got \"\(text)\")")
            }
            return value
        }
        return ExportJobsService(
            s3: try S3Client.fromEnvironment(environment), stepFunctions: try .fromEnvironment(environment),
            bucket: bucket, prefix: environment["PHONEY_EXPORT_PREFIX"].flatMap { $0.isEmpty ? nil : $0 } ?? "exports/",
            stateMachineArn: machine, maxRecords: try number("PHONEY_EXPORT_MAX_RECORDS", default: 10_000_000_000),
            maxShards: Int(clamping: try number("PHONEY_EXPORT_MAX_SHARDS", default: 10_000)))
    }

    /// The job's id: from the client token (the same token and user make the same id), else random.
    static func jobID(_ job: ExportJobRequest, subject: String) -> String {
        if let token = job.clientToken { return "t-" + fnv1aHex(subject + "\u{0}" + token) + "-" + token }
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)
        return "j-" + String(decoding: (0..<20).map { _ in digits[Int(generator.next() % 36)] }, as: UTF8.self)
    }

    package func start(
        _ job: ExportJobRequest, locale: String, now: Int64, subject: String
    ) async throws -> ExportJobStatus {
        let id = String(Self.jobID(job, subject: subject).prefix(80))
        let run = ExportRun(
            template: job.templateText, seed: job.seed, locale: locale, now: now, format: job.format, gzip: job.gzip,
            unique: job.unique, count: job.count, recordsPerShard: job.recordsPerShard)
        let folder = prefix + (job.prefix.isEmpty ? "" : job.prefix + "/") + id + "/"
        let spec = folder + "job.json"
        let items = folder + "items.json"
        var existing = false
        if job.clientToken != nil, let stored = try await s3.getObject(bucket: bucket, key: spec, maxBytes: 1 << 20) {
            // The token was used before: the same job is answered again; another job under it is a conflict.
            guard let value = try? JSONValue.parse(String(decoding: stored, as: UTF8.self)),
                let earlier = try? ExportRun(json: value)
            else {
                throw APIError(.conflict, "client_token `\(job.clientToken!)` belongs to a job that cannot be read")
            }
            // The seed and the day are not compared: a repeated request without a seed gets a new random one.
            guard earlier.template == run.template, earlier.unique == run.unique, earlier.count == run.count,
                earlier.format == run.format, earlier.gzip == run.gzip,
                earlier.locale == run.locale, earlier.recordsPerShard == run.recordsPerShard
            else {
                throw APIError(
                    .conflict, "client_token `\(job.clientToken!)` was used for another export job; use a new token")
            }
            existing = true
        } else {
            _ = try await s3.putObject(
                bucket: bucket, key: spec, body: Array((run.json.serialized + "\n").utf8),
                contentType: "application/json")
            _ = try await s3.putObject(
                bucket: bucket, key: items, body: Array(run.items(keyPrefix: folder).utf8),
                contentType: "application/json")
        }
        let input = JSONValue.object([
            ("job", .string(id)), ("bucket", .string(bucket)), ("spec", .string(spec)), ("items", .string(items)),
        ]).serialized
        do {
            _ = try await stepFunctions.startExecution(stateMachineArn: stateMachineArn, name: id, input: input)
        } catch {
            // A finished execution of this name: its status below says how it ended.
            guard error.kind == .alreadyExists else { throw error }
            existing = true
        }
        guard var status = try await status(id) else {
            throw ExportError.storage("the job \(id) was started but its execution cannot be found")
        }
        status.existing = existing
        return status
    }

    package func status(_ id: String) async throws -> ExportJobStatus? {
        let arn = try StepFunctionsClient.executionArn(stateMachineArn: stateMachineArn, name: id)
        let execution: StepFunctionsExecution
        do {
            execution = try await stepFunctions.describeExecution(executionArn: arn)
        } catch {
            guard error.kind == .notFound else { throw error }
            return nil
        }
        guard let input = execution.input.flatMap({ try? JSONValue.parse($0) }),
            case .string(let spec)? = input["spec"], spec.hasPrefix(prefix), spec.hasSuffix("/job.json"),
            let stored = try await s3.getObject(bucket: bucket, key: spec, maxBytes: 1 << 20),
            let value = try? JSONValue.parse(String(decoding: stored, as: UTF8.self)),
            let run = try? ExportRun(json: value)
        else { return nil }
        let folder = String(spec.dropLast("job.json".utf8.count))
        let layout = run.layout
        // Shards done: their sidecars, listed a page (1,000) at a time.
        var done = Set<Int>()
        var token: String?
        repeat {
            let page = try await s3.listObjectsV2(
                bucket: bucket, prefix: folder + ".shards/", continuationToken: token)
            for object in page.objects {
                let name = object.key.dropFirst(folder.utf8.count + ".shards/".utf8.count)
                if let index = Self.shardIndex(String(name)), index < layout.shardCount { done.insert(index) }
            }
            token = page.nextContinuationToken
        } while token != nil
        let written = done.reduce(UInt64(0)) { $0 + UInt64(layout.shard($1).records.count) }
        return ExportJobStatus(
            id: id, status: execution.status.rawValue, shardsTotal: layout.shardCount, shardsDone: done.count,
            records: run.count, recordsWritten: written, destination: "s3://\(bucket)/\(folder)",
            manifest: execution.status == .succeeded ? "s3://\(bucket)/\(folder)manifest.json" : nil,
            error: execution.error.map { error in execution.cause.map { "\(error): \($0)" } ?? error })
    }

    /// `part-000042.ndjson.json` → 42.
    static func shardIndex(_ sidecar: String) -> Int? {
        guard sidecar.hasPrefix("part-") else { return nil }
        return Int(String(sidecar.dropFirst(5).prefix { $0.isNumber }))
    }
}
