import HTTPTypes
import PhoneyCore

/// `POST /api/v1/jobs` and `GET /api/v1/jobs/{id}`: exports too large for one response, run as shards by the AWS
/// deployment's state machine into its bucket. Both are authenticated like the other `/api/v1` routes.
enum JobRoutes {
    static let notConfigured =
        "Export jobs are not configured here: they run on the AWS deployment (PHONEY_EXPORT_BUCKET and "
        + "PHONEY_EXPORT_STATE_MACHINE_ARN). On one machine, export with `phoney export TEMPLATE --count N --to DIR`."

    static func add(to router: APIRouter, api: APIService) {
        router.post("/api/v1/jobs") { request, context -> APIResponse in
            let subject = try await api.authenticator.authenticate(request)
            let body = try await api.readJSONBody(request)
            let job = try ExportJobRequest(body: body, limits: api.config.templateLimits)
            guard let jobs = api.jobs else { throw APIError(.notFound, notConfigured) }
            if job.count > jobs.maxRecords {
                throw APIError.requestValidation([
                    RequestIssue(
                        "less_than_equal", ["body", "count"],
                        "Input should be less than or equal to \(jobs.maxRecords) (PHONEY_EXPORT_MAX_RECORDS, the "
                            + "most records one job may have)",
                        input: .integer(job.count))
                ])
            }
            let shards = job.count / job.recordsPerShard + (job.count % job.recordsPerShard == 0 ? 0 : 1)
            if shards > UInt64(jobs.maxShards) {
                let fewest = job.count / UInt64(jobs.maxShards) + 1
                throw APIError.requestValidation([
                    RequestIssue(
                        "less_than_equal", ["body", "shard_records"],
                        "\(job.count) records at \(job.recordsPerShard) per shard make \(shards) shards, over the "
                            + "\(jobs.maxShards) one job may have (PHONEY_EXPORT_MAX_SHARDS): ask for at least "
                            + "\(fewest) records per shard",
                        input: .integer(job.recordsPerShard))
                ])
            }
            // The template must compile, and its unique fields hold the whole run, before anything is started.
            let locale = try api.locale(job.locale)
            let now = CompileOptions.startOfToday()
            let plan = try api.plan(
                json: job.templateText,
                options: CompileOptions(
                    format: job.format, locale: locale, uniqueAll: job.unique, now: now,
                    limits: api.config.templateLimits))
            do {
                try plan.checkUnique(offset: 0, count: job.count)
            } catch let error as TemplateError {
                throw APIError.templateFailure([error])
            }
            let status: ExportJobStatus
            do {
                status = try await jobs.start(job, locale: locale, now: now, subject: subject)
            } catch let error as APIError {
                throw error
            } catch {
                context.logger.error("export job not started", metadata: ["error": .string("\(error)")])
                throw APIError(
                    .serviceUnavailable, "The export job could not be started: \(error). Try again in a moment.")
            }
            return APIResponse.json(status.json, status: status.existing ? .ok : .accepted)
        }

        router.get("/api/v1/jobs/{id}") { request, context -> APIResponse in
            _ = try await api.authenticator.authenticate(request)
            guard let id = context.parameters.get("id"), ExportJobRequest.isJobID(id) else {
                throw APIError(.notFound, "No export job has that id: job ids are 1 to 80 letters, digits, '-', '_'")
            }
            guard let jobs = api.jobs else { throw APIError(.notFound, notConfigured) }
            let found: ExportJobStatus?
            do {
                found = try await jobs.status(id)
            } catch let error as APIError {
                throw error
            } catch {
                context.logger.error("export job status failed", metadata: ["error": .string("\(error)")])
                throw APIError(.serviceUnavailable, "The job's status could not be read: \(error). Try again.")
            }
            guard let status = found else { throw APIError(.notFound, "No export job `\(id)`") }
            return APIResponse.json(status.json)
        }
    }
}

extension ExportJobRequest {
    /// Step Functions execution names: 1 to 80 letters, digits, `-` and `_`.
    package static func isJobID(_ text: String) -> Bool {
        (1...80).contains(text.utf8.count) && text.utf8.allSatisfy(isTokenByte)
    }
}
