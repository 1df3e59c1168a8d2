import ArgumentParser
import Crypto
import PhoneyCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// `phoney export`: a dataset larger than one file, as shards that concatenate in name order into exactly what
/// `phoney generate` writes for the same run, with a manifest that describes and checksums every shard.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export records as shards into a folder, with a manifest.",
        discussion: """
            Writes part-000000.FORMAT, part-000001.FORMAT, … and manifest.json into the folder given with --to. \
            `cat` of the parts in name order is byte for byte `phoney generate` with the same options. An \
            interrupted export resumes: a part already complete (its size and SHA-256 recorded in .shards/) is kept, \
            and only the missing ones are rendered. The manifest is written last, once every part is there.
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

    @Option(help: "Reference time for relative dates (ISO date or date-time, UTC; default: start of today).")
    var now: String?

    @Option(help: "The folder to write to (created if missing). s3:// destinations are not supported yet.")
    var to: String

    func validate() throws {
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
        guard shardRecords >= 1 else { throw ValidationError("--shard-records must be at least 1") }
        guard !offset.addingReportingOverflow(count).overflow else {
            throw ValidationError("--offset plus --count must be below 2^64 (record indices are 64-bit)")
        }
        if let now, DateExpression.parse(now, now: 0) == nil {
            throw ValidationError("--now must be a date like 2024-01-31 or 2024-01-31T12:00:00")
        }
        if to.hasPrefix("s3://") {
            throw ValidationError("--to s3://… is not supported yet: export to a folder and upload it")
        }
    }

    func run() throws {
        let (text, options, plan) = try GenerateCommand.compile(
            template, format: format, locale: locale, unique: unique, now: now)
        let chosenSeed = GenerateCommand.choose(seed)
        if mkdir(to, 0o755) != 0, errno != EEXIST {
            StandardError.write("error: cannot create `\(to)`: \(String(cString: strerror(errno)))\n")
            throw ExitCode(1)
        }
        let records = to + "/.shards"
        if mkdir(records, 0o755) != 0, errno != EEXIST {
            StandardError.write("error: cannot create `\(records)`: \(String(cString: strerror(errno)))\n")
            throw ExitCode(1)
        }
        let layout = ShardLayout(offset: offset, count: count, recordsPerShard: shardRecords, format: format)
        var manifest = ExportManifest(
            templateID: ExportManifest.templateID(text), seed: chosenSeed, locale: locale, now: options.now,
            format: format, offset: offset, count: count, recordsPerShard: layout.recordsPerShard, shards: [])
        let run = manifest.runKey
        var entries: [ShardEntry] = []
        var kept = 0
        for shard in layout.shards {
            let path = to + "/" + shard.name
            let record = records + "/" + shard.name + ".sha256"
            if let done = ShardEntry.completed(shard, path: path, record: record, run: run) {
                entries.append(done)
                kept += 1
                continue
            }
            do {
                entries.append(
                    try ShardEntry.write(
                        shard, of: layout, plan: plan, seed: chosenSeed, threads: threads, path: path,
                        record: record, run: run))
            } catch {
                StandardError.write("error: \(error)\n")
                throw ExitCode(1)
            }
        }
        manifest.shards = entries
        do {
            try manifest.write(to: to + "/manifest.json")
        } catch {
            StandardError.write("error: \(error)\n")
            throw ExitCode(1)
        }
        StandardError.write(
            "phoney: \(entries.count) shards in \(to) (\(entries.count - kept) written, \(kept) already complete), "
                + "manifest.json\n")
    }
}
