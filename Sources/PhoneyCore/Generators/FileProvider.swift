/// Faker's `file` provider: file names, extensions and paths, MIME types and Unix device names.
enum FileProvider {
    /// Values grouped by category; a pick takes a category evenly, then a value within it, as Faker does.
    struct Grouped: Sendable {
        let values: Table
        let categories: [String]
        /// First row and row count of each category.
        let ranges: [(start: Int, count: Int)]

        init(_ groups: KeyValuePairs<String, [String]>) {
            var rows: [[String]] = []
            var categories: [String] = []
            var ranges: [(start: Int, count: Int)] = []
            for (category, members) in groups {
                categories.append(category)
                ranges.append((rows.count, members.count))
                rows += members.map { [$0] }
            }
            self.values = Table(rows: rows)
            self.categories = categories
            self.ranges = ranges
        }

        /// The category named by argument `key` (nil: any), or an error listing the categories.
        func category(_ arguments: inout Arguments, _ key: String = "category") throws(TemplateError) -> Int? {
            guard let text = try arguments.string(key)?.lowercased(), text != "none" else { return nil }
            guard let index = categories.firstIndex(of: text) else {
                throw arguments.error(key, "must be one of \(categories.joined(separator: ", ")), got `\(text)`")
            }
            return index
        }

        func pick(_ category: Int?, _ rng: inout PhoneyRandom) -> Int {
            let range = ranges[category ?? rng.index(ranges.count)]
            return range.start + rng.index(range.count)
        }

        func write(_ category: Int?, _ context: EmitContext) {
            values.write(pick(category, &context.rng), to: &context.out)
        }
    }

    static let extensions = Grouped([
        "audio": ["flac", "mp3", "wav", "aac", "ogg", "m4a"],
        "image": ["bmp", "gif", "jpeg", "jpg", "png", "tiff", "webp", "svg"],
        "office": ["doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "pdf", "pages", "numbers", "key"],
        "text": ["css", "csv", "html", "htm", "js", "json", "md", "txt", "xml"],
        "video": ["mp4", "avi", "mov", "webm", "mkv", "wmv"],
    ])

    static let mimeTypes = Grouped([
        "application": [
            "application/json", "application/pdf", "application/zip", "application/gzip", "application/xml",
            "application/octet-stream", "application/javascript", "application/msword", "application/rtf",
            "application/vnd.ms-excel", "application/vnd.ms-powerpoint", "application/x-tar", "application/ld+json",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/x-www-form-urlencoded",
            "application/vnd.oasis.opendocument.text", "application/x-7z-compressed", "application/wasm",
        ],
        "audio": [
            "audio/mpeg", "audio/ogg", "audio/wav", "audio/webm", "audio/flac", "audio/aac", "audio/mp4", "audio/midi",
            "audio/opus", "audio/basic",
        ],
        "image": [
            "image/png", "image/jpeg", "image/gif", "image/webp", "image/svg+xml", "image/tiff", "image/bmp",
            "image/x-icon", "image/avif", "image/heic",
        ],
        "message": [
            "message/rfc822", "message/http", "message/partial", "message/global", "message/delivery-status",
            "message/disposition-notification", "message/external-body", "message/imdn+xml",
        ],
        "model": [
            "model/gltf+json", "model/gltf-binary", "model/obj", "model/stl", "model/vrml", "model/mesh",
            "model/iges", "model/x3d+xml", "model/3mf",
        ],
        "multipart": [
            "multipart/mixed", "multipart/alternative", "multipart/related", "multipart/form-data",
            "multipart/signed", "multipart/encrypted", "multipart/byteranges", "multipart/digest",
        ],
        "text": [
            "text/plain", "text/html", "text/css", "text/csv", "text/javascript", "text/markdown", "text/xml",
            "text/calendar", "text/vcard", "text/tab-separated-values", "text/rtf",
        ],
        "video": [
            "video/mp4", "video/mpeg", "video/ogg", "video/webm", "video/quicktime", "video/x-msvideo",
            "video/x-matroska", "video/3gpp", "video/x-flv",
        ],
    ])

    static let devicePrefixes: [[UInt8]] = ["sd", "vd", "xvd"].map { Array($0.utf8) }

    /// An `extension` argument: nil to draw from the category, or the extensions to pick from (`""` for none).
    static func fixedExtensions(_ arguments: inout Arguments) throws(TemplateError) -> [[UInt8]]? {
        guard let items = try arguments.list("extension") else { return nil }
        if items.count == 1, case .bare(let text) = items[0], text.lowercased() == "none" { return nil }
        var result: [[UInt8]] = []
        for item in items {
            guard let text = item.text else { throw arguments.error("extension", "must be text or a list of text") }
            result.append(Array(text.utf8))
        }
        guard !result.isEmpty else { throw arguments.error("extension", "must not be an empty list") }
        return result
    }

    /// The resolved arguments of `file_name` and `file_path`.
    struct FileShape: Sendable {
        let words: Table
        let category: Int?
        let fixed: [[UInt8]]?
        var jsonSafe: Bool

        init(_ arguments: inout Arguments, _ locale: LocaleData) throws(TemplateError) {
            words = locale.loremWords
            category = try extensions.category(&arguments)
            fixed = try fixedExtensions(&arguments)
            let unsafe = fixed?.contains { $0.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C } } ?? false
            jsonSafe = words.isJSONSafe && !unsafe
        }

        func writeWord(_ context: EmitContext) {
            words.write(words.pick(&context.rng), to: &context.out)
        }

        /// `word.ext`; just `word` when the extension given is empty.
        func writeName(_ context: EmitContext) {
            writeWord(context)
            if let fixed {
                let chosen = fixed.count == 1 ? fixed[0] : fixed[context.rng.index(fixed.count)]
                if chosen.isEmpty { return }
                context.out.append(UInt8(ascii: "."))
                context.out.append(chosen)
            } else {
                context.out.append(UInt8(ascii: "."))
                extensions.write(category, context)
            }
        }
    }

    static func writeDevice(_ prefix: [UInt8]?, _ context: EmitContext) {
        context.out.append(contentsOf: "/dev/")
        context.out.append(prefix ?? devicePrefixes[context.rng.index(devicePrefixes.count)])
        context.out.append(0x61 &+ UInt8(context.rng.below(26)))
    }

    /// Unique devices: every prefix (or the given one) with each letter.
    static func writeDevice(_ prefix: [UInt8]?, index: UInt64, _ out: inout ByteWriter) {
        out.append(contentsOf: "/dev/")
        out.append(prefix ?? devicePrefixes[Int(index / 26)])
        out.append(0x61 &+ UInt8(index % 26))
    }

    static func deviceSpec(_ name: String, partition: Bool, _ summary: String) -> GeneratorSpec {
        GeneratorSpec(name, provider: "file", parameters: [.init("prefix", "string")], summary: summary) {
            arguments, _ in
            var given: [UInt8]? = nil
            if let text = try arguments.string("prefix"), text.lowercased() != "none" { given = Array(text.utf8) }
            let prefix = given
            let devices = UInt64(prefix == nil ? devicePrefixes.count * 26 : 26)
            let safe = !(prefix?.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C } ?? false)
            return CompiledGenerator(
                jsonSafe: safe, uniqueDomain: partition ? devices * 10 : devices,
                emitIndexed: { context, index in
                    writeDevice(prefix, index: partition ? index / 10 : index, &context.out)
                    if partition { context.out.append(0x30 &+ UInt8(index % 10)) }
                },
                emit: { context in
                    writeDevice(prefix, context)
                    if partition { context.out.append(0x30 &+ UInt8(context.rng.below(10))) }
                })
        }
    }

    static let categoryParameter = GeneratorSpec.Parameter("category", "string")

    static let generators: [GeneratorSpec] = [
        GeneratorSpec(
            "file_extension", provider: "file", parameters: [categoryParameter],
            summary: "A file extension; `category` is audio, image, office, text or video"
        ) { arguments, _ in
            let category = try extensions.category(&arguments)
            return CompiledGenerator { context in extensions.write(category, context) }
        },
        GeneratorSpec(
            "mime_type", provider: "file", parameters: [categoryParameter],
            summary: "A MIME type; `category` is application, audio, image, message, model, multipart, text or video"
        ) { arguments, _ in
            let category = try mimeTypes.category(&arguments)
            return CompiledGenerator { context in mimeTypes.write(category, context) }
        },
        GeneratorSpec(
            "file_name", provider: "file", parameters: [categoryParameter, .init("extension", "string")],
            summary: "A file name such as `dolor.pdf`; `extension` fixes the extension (empty for none)"
        ) { arguments, locale in
            let shape = try FileShape(&arguments, locale)
            return CompiledGenerator(jsonSafe: shape.jsonSafe) { context in shape.writeName(context) }
        },
        GeneratorSpec(
            "file_path", provider: "file",
            parameters: [
                .init("depth", "int", "1"), categoryParameter, .init("extension", "string"),
                .init("absolute", "bool", "true"), .init("file_system_rule", "string", "linux"),
            ],
            summary: "A file path such as `/lorem/ipsum.mp3`; `depth` directories, `absolute`, linux or windows rules"
        ) { arguments, locale in
            let depth = Int(try arguments.int("depth", default: 1, in: 0...100))
            let shape = try FileShape(&arguments, locale)
            let absolute = try arguments.bool("absolute", default: true)
            let rule = try arguments.string("file_system_rule", default: "linux").lowercased()
            guard rule == "linux" || rule == "windows" else {
                throw arguments.error("file_system_rule", "must be linux or windows, got `\(rule)`")
            }
            let windows = rule == "windows"
            let separator = windows ? UInt8(ascii: "\\") : UInt8(ascii: "/")
            return CompiledGenerator(jsonSafe: shape.jsonSafe && !windows) { context in
                if absolute {
                    if windows { context.out.append(contentsOf: "C:") }
                    context.out.append(separator)
                }
                for _ in 0..<depth {
                    shape.writeWord(context)
                    context.out.append(separator)
                }
                shape.writeName(context)
            }
        },
        deviceSpec("unix_device", partition: false, "A Unix device such as `/dev/sdb`; `prefix` fixes sd, vd or xvd"),
        deviceSpec("unix_partition", partition: true, "A Unix partition such as `/dev/vdc3`"),
    ]
}
