import ArgumentParser
import PhoneyCore

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate records from a template.",
        discussion: """
            Records go to standard output unless --output is given. Without --seed a random seed is chosen and \
            printed on standard error, so any run can be repeated.
            """
    )

    @Argument(help: "The template file (a JSON object), or - for standard input.")
    var template: String

    @Option(help: "Number of records.")
    var count: UInt64 = 1

    @Option(help: "Seed for reproducible output (any 64-bit integer; write a negative one as --seed=-5).")
    var seed: Seed?

    @Option(help: "Index of the first record (for pages of one seeded run).")
    var offset: UInt64 = 0

    @Option(help: "Output format: json, ndjson or csv.")
    var format: OutputFormat = .json

    @Option(help: "Locale of the data.")
    var locale: String = "en_US"

    @Option(help: "Worker threads (default: all cores).")
    var threads: Int = Executor.defaultThreads

    @Flag(help: "Make every placeholder field unique across the records.")
    var unique = false

    @Option(help: "Write to this file instead of standard output.")
    var output: String?

    @Option(help: "Reference time for relative dates (ISO date or date-time, UTC; default: start of today).")
    var now: String?

    func validate() throws {
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
        guard !offset.addingReportingOverflow(count).overflow else {
            throw ValidationError("--offset plus --count must be below 2^64 (record indices are 64-bit)")
        }
        if let now, DateExpression.parse(now, now: 0) == nil {
            throw ValidationError("--now must be a date like 2024-01-31 or 2024-01-31T12:00:00")
        }
    }

    func run() throws {
        let (_, _, plan) = try Self.compile(template, format: format, locale: locale, unique: unique, now: now)
        let chosenSeed = Self.choose(seed)
        let file: OutputFile
        do {
            file =
                try output.map { path throws(OutputFile.WriteError) in try OutputFile.create(path) } ?? .standardOutput
        } catch {
            StandardError.write("error: \(error)\n")
            throw ExitCode(1)
        }
        defer { file.close() }
        var bar = StandardError.isTerminal && count >= 200_000 ? ProgressBar(total: count) : nil
        do {
            try Executor.run(
                plan, Executor.Run(seed: chosenSeed, offset: offset, count: count, threads: threads),
                progress: { bar?.update($0) },
                sink: { (bytes: UnsafeRawBufferPointer) throws(OutputFile.WriteError) in try file.write(bytes) })
        } catch {
            bar?.finish()
            switch error {
            case .template(let failure): ErrorReport.print([failure])
            case .sink(let failure): StandardError.write("error: \(failure)\n")
            }
            throw ExitCode(1)
        }
        bar?.finish()
        if format == .json {
            try withBytes([0x0A]) { (bytes: UnsafeRawBufferPointer) throws(OutputFile.WriteError) in
                try file.write(bytes)
            }
        }
    }
}

extension GenerateCommand {
    /// Reads and compiles the template as `generate` and `export` take it: errors are printed and end the command.
    ///
    /// - Returns: the template's text, the options it was compiled with, and the plan.
    static func compile(
        _ template: String, format: OutputFormat, locale: String, unique: Bool, now: String?
    ) throws -> (text: String, options: CompileOptions, plan: Plan) {
        let text = try TemplateInput.read(template)
        var options = CompileOptions(format: format, locale: locale, uniqueAll: unique)
        if let now { options.now = DateExpression.parse(now, now: 0)! }
        do {
            return (text, options, try Plan.compile(json: text, options: options))
        } catch {
            ErrorReport.print(error.errors)
            throw ExitCode(1)
        }
    }

    /// The seed given, or a random one, said on standard error so the run can be repeated.
    static func choose(_ seed: Seed?) -> UInt64 {
        let chosen = seed?.value ?? UInt64.random(in: 0...UInt64(Int64.max))
        if seed == nil { StandardError.write("phoney: seed \(chosen)\n") }
        return chosen
    }
}

extension OutputFormat: ExpressibleByArgument {}

/// A seed as the HTTP API takes it: an unsigned 64-bit integer, or a negative one by its bit pattern.
struct Seed: ExpressibleByArgument {
    var value: UInt64

    init?(argument: String) {
        if let unsigned = UInt64(argument) {
            value = unsigned
        } else if let signed = Int64(argument) {
            value = UInt64(bitPattern: signed)
        } else {
            return nil
        }
    }
}
