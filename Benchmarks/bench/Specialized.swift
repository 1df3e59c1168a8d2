import Benchmark
import PhoneyCore

/// The ceiling: `fixtures/person.json` rendered by hand-written Swift for exactly that template, with no
/// interpretation. It draws from the same en_US tables and the same random stream, formats with the same
/// `ByteWriter` helpers and keeps the writer and the generator in locals, so the gap to the interpreter loop is what
/// interpreting costs (op dispatch, one closure call per value, the escape checks).
///
/// It mirrors the generators draw for draw, so its bytes equal the interpreter's; `register` checks that, and the
/// report says when a generator has changed and this file needs to follow.
enum Specialized {
    /// Whether the last check found the specialised bytes equal to the interpreter's, and where they first differ.
    nonisolated(unsafe) static var check: String = "not run"

    /// The reference of every wall-clock figure: the bench reports throughput as a ratio to this benchmark's.
    static let benchmarkName = "render person ndjson 1 thread, specialized"

    static func register(_ plan: Plan) {
        let person = Person(locale: .enUS, now: Fixture.now)
        check = person.compare(with: plan, records: 2_000)
        let records = Fixture.recordsPerRun
        let context = EmitContext(capacity: RenderBenchmarks.chunkCapacity(plan))
        let chunk = Executor.chunkRecords(for: plan)
        let workload = Workload(unit: "record", perRun: records)
        Workload.benchmark(benchmarkName, workload) { benchmark in
            for _ in benchmark.scaledIterations {
                workload.bytesPerRun = person.loop(records: records, chunk: chunk, into: context)
            }
        }
    }

    /// `fixtures/person.json` as straight-line code.
    struct Person {
        let firstFemale: Table
        let firstMale: Table
        let last: Table
        let firstFemaleASCII: Table
        let firstMaleASCII: Table
        let lastASCII: Table
        let emailDomains: Table
        let phoneFormats: Table
        let buildingNumbers: Table
        let streetNames: Table
        let streetSuffixes: Table
        let cities: Table
        let countries: Table
        /// The template's literal runs, in one padded buffer, copied the way the interpreter copies its literals.
        enum Literal: Int, CaseIterable {
            case id, firstName, lastName, email, phone, age, createdAt, activeTrue, activeFalse, city, country, end

            var text: StaticString {
                switch self {
                case .id: return "{\"id\":\""
                case .firstName: return "\",\"first_name\":\""
                case .lastName: return "\",\"last_name\":\""
                case .email: return "\",\"email\":\""
                case .phone: return "\",\"phone\":\""
                case .age: return "\",\"age\":"
                case .createdAt: return ",\"created_at\":\""
                case .activeTrue: return "\",\"active\":true,\"address\":{\"street\":\""
                case .activeFalse: return "\",\"active\":false,\"address\":{\"street\":\""
                case .city: return "\",\"city\":\""
                case .country: return "\",\"country\":\""
                case .end: return "\"}}\n"
                }
            }
        }

        /// Start of each literal in `literalPool`, and one end mark.
        let literalStarts: [Int]
        let literalPool: UnsafePointer<UInt8>

        /// `date_time`'s window: 1970-01-01 to the reference time.
        let earliest: Int64
        let latest: Int64

        init(locale: LocaleData, now: Int64) {
            firstFemale = locale.firstNameFemale
            firstMale = locale.firstNameMale
            last = locale.lastName
            firstFemaleASCII = locale.firstNameFemaleASCII
            firstMaleASCII = locale.firstNameMaleASCII
            lastASCII = locale.lastNameASCII
            emailDomains = locale.safeEmailDomains
            phoneFormats = locale.phoneFormats
            buildingNumbers = locale.buildingNumberFormats
            streetNames = locale.streetNames
            streetSuffixes = locale.streetSuffixes
            cities = locale.cities
            countries = locale.countries
            var pool: [UInt8] = []
            var starts: [Int] = []
            for literal in Literal.allCases {
                starts.append(pool.count)
                literal.text.withUTF8Buffer { pool.append(contentsOf: $0) }
            }
            starts.append(pool.count)
            literalStarts = starts
            let padded = UnsafeMutablePointer<UInt8>.allocate(capacity: pool.count + ByteWriter.overRead)
            padded.initialize(repeating: 0, count: pool.count + ByteWriter.overRead)
            padded.update(from: pool, count: pool.count)
            literalPool = UnsafePointer(padded)
            earliest = min(0, now)
            latest = max(0, now)
        }

        /// Renders records `0..<records` in the executor's chunks into `context`, returning the bytes written.
        func loop(records: UInt64, chunk: UInt64, into context: EmitContext) -> Int {
            var total = 0
            var lower: UInt64 = 0
            while lower < records {
                let upper = min(records, lower + chunk)
                var out = context.out
                out.removeAll()
                for record in lower..<upper {
                    var rng = PhoneyRandom(seed: Fixture.seed, record: record)
                    write(&rng, &out)
                }
                context.out = out
                total &+= out.count
                lower = upper
            }
            return total
        }

        @inline(__always)
        func write(_ rng: inout PhoneyRandom, _ out: inout ByteWriter) {
            literal(.id, &out)
            uuid(high: rng.next(), low: rng.next(), &out)
            literal(.firstName, &out)
            // The record's person: the email spells the same names.
            let female = rng.next() & 1 == 0
            let firstRow = (female ? firstFemale : firstMale).pick(&rng)
            let lastRow = last.pick(&rng)
            (female ? firstFemale : firstMale).write(firstRow, to: &out)
            literal(.lastName, &out)
            last.write(lastRow, to: &out)
            literal(.email, &out)
            email((female ? firstFemaleASCII : firstMaleASCII).bytes(firstRow), lastASCII.bytes(lastRow), &rng, &out)
            literal(.phone, &out)
            phone(phoneFormats.bytes(phoneFormats.pick(&rng)), &rng, &out)
            literal(.age, &out)
            out.appendDecimal(UInt64(18 &+ rng.below(73)))
            literal(.createdAt, &out)
            dateTime(earliest &+ Int64(bitPattern: rng.below(UInt64(latest &- earliest) &+ 1)), &out)
            if rng.below(100) < 50 {
                literal(.activeTrue, &out)
            } else {
                literal(.activeFalse, &out)
            }
            street(&rng, &out)
            literal(.city, &out)
            cities.write(cities.pick(&rng), to: &out)
            literal(.country, &out)
            countries.write(countries.pick(&rng), 0, to: &out)
            literal(.end, &out)
        }

        @inline(__always)
        func literal(_ literal: Literal, _ out: inout ByteWriter) {
            let start = literalStarts[literal.rawValue]
            out.append(overReadable: literalPool + start, count: literalStarts[literal.rawValue &+ 1] &- start)
        }

        /// Version 4, variant 1, lower-case hex with dashes.
        @inline(__always)
        func uuid(high: UInt64, low: UInt64, _ out: inout ByteWriter) {
            let high = high & ~0xF000 | 0x4000
            let low = low & 0x3FFF_FFFF_FFFF_FFFF | 0x8000_0000_0000_0000
            out.appendHex(high >> 32, digits: 8)
            out.append(0x2D)
            out.appendHex(high >> 16, digits: 4)
            out.append(0x2D)
            out.appendHex(high, digits: 4)
            out.append(0x2D)
            out.appendHex(low >> 48, digits: 4)
            out.append(0x2D)
            out.appendHex(low, digits: 12)
        }

        /// A user name in one of six shapes, `@`, and an example domain.
        @inline(__always)
        func email(
            _ first: UnsafeBufferPointer<UInt8>, _ last: UnsafeBufferPointer<UInt8>, _ rng: inout PhoneyRandom,
            _ out: inout ByteWriter
        ) {
            switch rng.below(6) {
            case 0:
                append(first, &out)
                out.append(0x2E)
                append(last, &out)
            case 1:
                append(first, &out)
                out.append(0x5F)
                append(last, &out)
            case 2:
                append(first, &out)
                append(last, &out)
                out.appendRandomDigits(2, &rng)
            case 3:
                out.append(first[0])
                append(last, &out)
            case 4:
                append(first, &out)
                out.appendRandomDigits(2, &rng)
            default:
                append(last, &out)
                out.append(0x2E)
                append(first, &out)
            }
            out.append(0x40)
            emailDomains.write(emailDomains.pick(&rng), to: &out)
        }

        @inline(__always)
        func append(_ bytes: UnsafeBufferPointer<UInt8>, _ out: inout ByteWriter) {
            // Table fields: their storage is padded, as the generators rely on.
            out.append(overReadable: bytes.baseAddress!, count: bytes.count)
        }

        /// The format with each `#` replaced by a random digit.
        @inline(__always)
        func phone(_ format: UnsafeBufferPointer<UInt8>, _ rng: inout PhoneyRandom, _ out: inout ByteWriter) {
            out.reserve(format.count)
            for byte in format {
                out.base[out.count] = byte == 0x23 ? 0x30 &+ UInt8(truncatingIfNeeded: rng.below(10)) : byte
                out.count &+= 1
            }
        }

        /// `YYYY-MM-DDTHH:MM:SS`.
        @inline(__always)
        func dateTime(_ seconds: Int64, _ out: inout ByteWriter) {
            let days = DateExpression.floorDiv(seconds, DateExpression.secondsPerDay)
            let time = seconds &- days &* DateExpression.secondsPerDay
            let (year, month, day) = DateExpression.civil(fromDays: days)
            out.appendPadded(UInt64(year), width: 4)
            out.append(0x2D)
            out.appendPadded(UInt64(month), width: 2)
            out.append(0x2D)
            out.appendPadded(UInt64(day), width: 2)
            out.append(0x54)
            out.appendPadded(UInt64(time / 3_600), width: 2)
            out.append(0x3A)
            out.appendPadded(UInt64(time / 60 % 60), width: 2)
            out.append(0x3A)
            out.appendPadded(UInt64(time % 60), width: 2)
        }

        /// A building number (`###` to `#####`, no leading zero), a street name and a suffix.
        @inline(__always)
        func street(_ rng: inout PhoneyRandom, _ out: inout ByteWriter) {
            let digits = buildingNumbers.bytes(buildingNumbers.pick(&rng)).count
            out.reserve(digits)
            out.base[out.count] = 0x31 &+ UInt8(truncatingIfNeeded: rng.below(9))
            for position in 1..<digits {
                out.base[out.count &+ position] = 0x30 &+ UInt8(truncatingIfNeeded: rng.below(10))
            }
            out.count &+= digits
            out.append(0x20)
            streetNames.write(streetNames.pick(&rng), to: &out)
            out.append(0x20)
            streetSuffixes.write(streetSuffixes.pick(&rng), to: &out)
        }

        /// Where the specialised bytes of records `0..<records` first differ from the interpreter's, if anywhere.
        func compare(with plan: Plan, records: UInt64) -> String {
            let interpreted = EmitContext(capacity: 1 << 20)
            plan.render(0..<records, seed: Fixture.seed, first: 0, permutations: [], into: interpreted)
            let specialised = EmitContext(capacity: 1 << 20)
            _ = loop(records: records, chunk: records, into: specialised)
            let a = interpreted.out.bytes
            let b = specialised.out.bytes
            var offset = 0
            while offset < min(a.count, b.count), a[offset] == b[offset] { offset += 1 }
            if offset == a.count, offset == b.count {
                return "identical to the interpreter's for records 0..<\(records) (\(a.count) bytes)"
            }
            let line = a[..<offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            func around(_ bytes: UnsafeRawBufferPointer) -> String {
                let start = max(0, offset - 24)
                let text = String(decoding: bytes[start..<min(bytes.count, offset + 24)], as: UTF8.self)
                return text.replacing("\n", with: "\\n")
            }
            return "DIFFERENT from the interpreter's in record \(line), byte \(offset) (interpreter `\(around(a))`, "
                + "specialized `\(around(b))`): a generator changed; update Benchmarks/bench/Specialized.swift"
        }
    }
}
