import ArgumentParser
import PhoneyAWS
import PhoneyCore
import PhoneyExport

/// `phoney export`: a dataset larger than one file, as shards that concatenate in name order into exactly what
/// `phoney generate` writes for the same run, with a manifest that describes and checksums every shard.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export records as shards into a folder or an S3 prefix, with a manifest.",
        discussion: """
            Writes part-000000.FORMAT, part-000001.FORMAT, … (with .gz added under --gzip) and manifest.json into \
            the folder or S3 prefix given with --to. `cat` of the parts in name order is byte for byte `phoney \
            generate` with the same options (`zcat` with --gzip). An interrupted export resumes: a part already \
            complete (its size and SHA-256 recorded in .shards/) is kept, and only the missing ones are rendered. \
            The manifest is written last, once every part is there. To S3, each part is uploaded as it renders \
            (multipart, a few parts of memory), to AWS or any S3-compatible endpoint (--endpoint-url), with \
            credentials and region from the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, \
            AWS_SESSION_TOKEN, AWS_REGION).
            """
    )

    @Argument(help: "The template file (a JSON object), or - for standard input.")
    var template: String

    @Option(help: "Number of records.")
    var count: UInt64

    @Option(help: "Seed for reproducible output (any 64-bit integer; write a negative one as --seed=-5).")
    var seed: Seed?

    @Option(help: "Index of the first record.")
    var offset: UInt64 = 0

    @Option(help: "Output format: json, ndjson or csv.")
    var format: OutputFormat = .ndjson

    @Option(help: "Locale of the data.")
    var locale: String = "en_US"

    @Option(help: "Records per shard.")
    var shardRecords: UInt64 = 1_000_000

    @Option(help: "Worker threads per shard (default: all cores).")
    var threads: Int = Executor.defaultThreads

    @Flag(help: "Make every placeholder field unique across the records.")
    var unique = false

    @Flag(help: "Compress each part as a gzip member (part-NNNNNN.FORMAT.gz); zcat of the parts is the dataset.")
    var gzip = false

    @Option(help: "Reference time for relative dates (ISO date or date-time, UTC; default: start of today).")
    var now: String?

    @Option(help: "Where to write: a folder (created if missing) or s3://BUCKET/PREFIX.")
    var to: String

    @Option(help: "An S3-compatible endpoint for s3:// destinations (MinIO, moto), e.g. http://127.0.0.1:9000.")
    var endpointURL: String?

    @Flag(inversion: .prefixedNo, help: "A progress bar on standard error when it is a terminal.")
    var progress = true

    func validate() throws {
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
        guard shardRecords >= 1 else { throw ValidationError("--shard-records must be at least 1") }
        guard !offset.addingReportingOverflow(count).overflow else {
            throw ValidationError("--offset plus --count must be below 2^64 (record indices are 64-bit)")
        }
        if let now, DateExpression.parse(now, now: 0) == nil {
            throw ValidationError("--now must be a date like 2024-01-31 or 2024-01-31T12:00:00")
        }
        if to.lowercased().hasPrefix("s3://") {
            do {
                _ = try S3Location(parsing: to)
            } catch {
                throw ValidationError(error.message)
            }
        } else if endpointURL != nil {
            throw ValidationError("--endpoint-url is for s3:// destinations only")
        }
    }

    func run() async throws {
        let (text, options, plan) = try GenerateCommand.compile(
            template, format: format, locale: locale, unique: unique, now: now)
        let run = ExportRun(
            template: text, seed: GenerateCommand.choose(seed), locale: locale, now: options.now, format: format,
            gzip: gzip, unique: unique, offset: offset, count: count, recordsPerShard: shardRecords)
        var bar = progress && StandardError.isTerminal ? ProgressBar(total: count) : nil
        let outcome: (shards: Int, kept: Int)
        do {
            if to.lowercased().hasPrefix("s3://") {
                let export = try S3Export(
                    run: run, destination: try S3Location(parsing: to), endpointURL: endpointURL)
                let result = try await export.write(plan: plan, threads: threads) { bar?.update($0) }
                outcome = (result.shards.count, result.kept)
            } else {
                let result = try FolderExport(run: run, folder: to).write(plan: plan, threads: threads) {
                    bar?.update($0)
                }
                outcome = (result.shards.count, result.kept)
            }
        } catch {
            bar?.finish()
            StandardError.write("error: \(error)\n")
            throw ExitCode(1)
        }
        bar?.finish()
        StandardError.write(
            "phoney: \(outcome.shards) shards in \(to) (\(outcome.shards - outcome.kept) written, \(outcome.kept) "
                + "already complete), manifest.json\n")
    }
}
