import CompressNIO
import NIOCore
import PhoneyCore
import Testing

@testable import PhoneyExport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// The run description shared by every export path, its item list, gzip, and the folder export.
struct ExportRunTests {
    static let person =
        #"{"name":"{{name}}","email":"{{email}}","city":"{{city}}","age":"{{random_int:min=18,max=90}}","bio":"{{sentence}}"}"#

    static func run(
        format: OutputFormat = .ndjson, gzip: Bool = false, count: UInt64 = 2_000, perShard: UInt64 = 300,
        offset: UInt64 = 0
    ) -> ExportRun {
        ExportRun(
            template: person, seed: 77, locale: "en_US", now: 1_704_067_200, format: format, gzip: gzip,
            offset: offset, count: count, recordsPerShard: perShard)
    }

    /// What `phoney generate` writes for the run.
    static func generated(_ run: ExportRun) throws -> [UInt8] {
        let plan = try run.compile()
        var bytes = try Executor.render(
            plan, Executor.Run(seed: run.seed, offset: run.offset, count: run.count, threads: 1))
        if run.format == .json { bytes.append(0x0A) }
        return bytes
    }

    static func gunzip(_ bytes: [UInt8]) throws -> [UInt8] {
        var input = ByteBuffer(bytes: bytes)
        let output = try input.decompress(with: .gzip())
        return Array(output.readableBytesView)
    }

    static func temporaryFolder() -> String {
        var template = Array("/tmp/phoney-export-test-XXXXXX".utf8CString)
        let path = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        return String(cString: path!)
    }

    static func read(_ path: String) throws -> [UInt8] {
        try FolderExport.read(path)
    }

    @Test func jobJSONRoundTrips() throws {
        for run in [Self.run(), Self.run(format: .csv, gzip: true, count: 10, perShard: 3, offset: 5)] {
            let text = run.json.serialized
            #expect(try ExportRun(json: try JSONValue.parse(text)) == run)
        }
    }

    @Test(arguments: [
        (#"{"template":{"a":"{{name}}"}}"#, "job.json has no `locale`"),
        (
            #"{"template":{"a":1},"seed":1,"locale":"en_US","reference_time":0,"format":"xml","gzip":false,"unique":false,"offset":0,"count":1,"records_per_shard":1}"#,
            "`format` must be json, ndjson or csv"
        ),
        (
            #"{"template":{"a":1},"seed":1,"locale":"en_US","reference_time":0,"format":"csv","gzip":false,"unique":false,"offset":18446744073709551615,"count":2,"records_per_shard":1}"#,
            "below 2^64"
        ),
    ])
    func badJobsSayWhatIsWrong(_ text: String, _ fragment: String) throws {
        let error = #expect(throws: ExportError.self) { try ExportRun(json: try JSONValue.parse(text)) }
        #expect(error?.description.contains(fragment) == true, "\(String(describing: error))")
    }

    /// The Distributed Map's items are the layout's shards, in order, with the part keys.
    @Test func itemsAreTheLayoutsShards() throws {
        let run = Self.run(gzip: true, count: 1_000, perShard: 300, offset: 10)
        guard case .array(let items) = try JSONValue.parse(run.items(keyPrefix: "exports/j-1/")) else {
            Issue.record("items.json is not an array")
            return
        }
        #expect(items.count == 4)
        for (index, item) in items.enumerated() {
            let shard = run.layout.shard(index)
            #expect(item["index"] == .number(String(index)))
            #expect(item["first"] == .number(String(shard.records.lowerBound)))
            #expect(item["count"] == .number(String(shard.records.count)))
            #expect(item["key"] == .string("exports/j-1/part-00000\(index).ndjson.gz"))
        }
    }

    /// Parts, in name order, are the run, for every format, with and without gzip (`zcat` of the gzip parts),
    /// and the compressed parts are the same bytes whatever the thread count.
    @Test(arguments: [OutputFormat.ndjson, .csv, .json])
    func folderPartsAreTheRun(_ format: OutputFormat) throws {
        var compressed: [[UInt8]] = []
        for gzip in [false, true] {
            for threads in [1, 2] {
                let run = Self.run(format: format, gzip: gzip)
                let folder = Self.temporaryFolder()
                let outcome = try FolderExport(run: run, folder: folder).write(
                    plan: try run.compile(), threads: threads)
                #expect(outcome.kept == 0)
                #expect(outcome.shards.count == run.layout.shardCount)
                var joined: [UInt8] = []
                var stored: [UInt8] = []
                for index in 0..<run.layout.shardCount {
                    let part = try Self.read(folder + "/" + run.partName(index))
                    stored += part
                    joined += gzip ? try Self.gunzip(part) : part
                    #expect(outcome.shards[index].digest.bytes == part.count)
                }
                #expect(joined == (try Self.generated(run)), "\(format) gzip=\(gzip) threads=\(threads)")
                if gzip { compressed.append(stored) }
                let manifest = try JSONValue.parse(
                    String(decoding: try Self.read(folder + "/manifest.json"), as: UTF8.self))
                #expect(manifest["shard_count"] == .number(String(run.layout.shardCount)))
                #expect(manifest["gzip"] == .bool(gzip))
            }
        }
        #expect(compressed.count == 2 && compressed[0] == compressed[1], "gzip parts differ between thread counts")
    }

    /// A missing or torn part is written again, the others kept; a part of another run is never kept.
    @Test func anInterruptedFolderExportResumes() throws {
        let run = Self.run()
        let folder = Self.temporaryFolder()
        let plan = try run.compile()
        _ = try FolderExport(run: run, folder: folder).write(plan: plan, threads: 2)
        unlink(folder + "/" + run.partName(1))
        let torn = open(folder + "/" + run.partName(3), O_WRONLY | O_TRUNC)
        close(torn)
        let again = try FolderExport(run: run, folder: folder).write(plan: plan, threads: 2)
        #expect(again.kept == run.layout.shardCount - 2)
        var other = run
        other.seed = 78
        let fresh = try FolderExport(run: other, folder: folder).write(plan: plan, threads: 2)
        #expect(fresh.kept == 0)
    }

    @Test func aFolderThatCannotBeWrittenIsAnErrorNamingIt() throws {
        let run = Self.run(count: 10)
        let error = #expect(throws: ExportError.self) {
            try FolderExport(run: run, folder: "/proc/phoney-cannot-be-here").write(plan: try run.compile(), threads: 1)
        }
        #expect(error?.description.contains("/proc/phoney-cannot-be-here") == true)
    }
}
