// Fixture data for a test suite, made with PhoneyCore: compile a template once, then render exactly the records
// you need, by index, reproducibly. Usage: RecordsForTests [SEED] [COUNT] | RecordsForTests --template
import PhoneyCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

let arguments = CommandLine.arguments
let seed = arguments.count > 1 ? UInt64(arguments[1]) ?? 42 : 42
let count = arguments.count > 2 ? UInt64(arguments[2]) ?? 5 : 5

let template = """
    {"id": "{{uuid4}}", "name": "{{name}}", "email": "{{email}}", "age": "{{random_int:min=18,max=90}}",
     "city": "{{city}}", "tags": "{{[word]:count=1..3}}"}
    """

if arguments.dropFirst().first == "--template" {
    print(template)
    exit(0)
}

do {
    // Pin the reference time so relative dates, too, repeat forever for this seed.
    let plan = try Plan.compile(json: template, options: CompileOptions(format: .ndjson, now: 1_700_000_000))

    // All records into one buffer...
    var buffer: [UInt8] = []
    try plan.render(seed: seed, offset: 0, count: count, into: &buffer)

    // ...or one at a time; record i is the same either way, so a test can ask for record 3 alone.
    var joined: [UInt8] = []
    for record in try plan.records(seed: seed, offset: 0, count: count) {
        joined.append(contentsOf: record)
    }
    guard joined == buffer else {
        print("the two ways of rendering disagree")
        exit(1)
    }
    print(String(decoding: buffer, as: UTF8.self), terminator: "")
} catch {
    print("error: \(error)")
    exit(1)
}
