extension InternetProvider {
    static let uriPaths = Table(
        rows: [
            "app", "main", "wp-content", "search", "category", "tag", "categories", "tags", "blog", "posts", "list",
            "explore",
        ].map { [$0] })
    static let uriPages = Table(
        rows: [
            "index", "home", "search", "main", "post", "homepage", "category", "register", "login", "faq", "about",
            "terms", "privacy", "author",
        ].map { [$0] })
    /// Extensions weighted towards the common ones.
    static let uriExtensions = Table(
        rows: [".html", ".htm", ".php", ".jsp", ".asp"].map { [$0] }, weights: [3, 2, 2, 1, 1])
    static let httpMethods = Table(
        rows: ["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"].map { [$0] })
    /// The status codes IANA has assigned.
    static let assignedStatusCodes: [UInt16] =
        Array(100...103) + Array(200...208) + [226] + Array(300...308) + Array(400...418)
        + Array(421...426) + [428, 429, 431, 451] + Array(500...508) + [510, 511]

    /// The URL schemes of a `schemes` argument, encoded once; `[]` gives URLs that start with `://`, as Faker's do.
    static func schemes(_ arguments: inout Arguments) throws(TemplateError) -> [[UInt8]] {
        guard let items = try arguments.list("schemes") else { return [Array("http".utf8), Array("https".utf8)] }
        var result: [[UInt8]] = []
        for item in items {
            guard let text = item.text else { throw arguments.error("schemes", "must be a list of scheme names") }
            if items.count == 1, text.lowercased() == "none" { return [Array("http".utf8), Array("https".utf8)] }
            guard !text.isEmpty, text.utf8.allSatisfy({ isSchemeByte($0) }) else {
                throw arguments.error("schemes", "must hold scheme names like `https`, got `\(text)`")
            }
            result.append(Array(text.utf8))
        }
        return result
    }

    static func isSchemeByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
            return true
        default:
            return false
        }
    }

    /// Writes `scheme://[www.]domain/`.
    static func writeURL(_ schemes: [[UInt8]], _ locale: LocaleData, _ context: EmitContext) {
        if !schemes.isEmpty { context.out.append(schemes[context.rng.index(schemes.count)]) }
        context.out.append(UInt8(ascii: ":"))
        context.out.append(UInt8(ascii: "/"))
        context.out.append(UInt8(ascii: "/"))
        if context.rng.next() & 1 == 0 {
            context.out.append(UInt8(ascii: "w"))
            context.out.append(UInt8(ascii: "w"))
            context.out.append(UInt8(ascii: "w"))
            context.out.append(UInt8(ascii: "."))
        }
        writeDomainName(locale, levels: 1, context)
        context.out.append(UInt8(ascii: "/"))
    }

    /// Writes `deep` path words joined by `/` (1 to 3 words when `deep` is 0).
    static func writeURIPath(deep: Int, _ context: EmitContext) {
        let count = deep > 0 ? deep : 1 + context.rng.index(3)
        for position in 0..<count {
            if position > 0 { context.out.append(UInt8(ascii: "/")) }
            uriPaths.write(uriPaths.pick(&context.rng), to: &context.out)
        }
    }

    static func writePage(_ context: EmitContext) {
        uriPages.write(uriPages.pick(&context.rng), to: &context.out)
    }

    static func writeExtension(_ context: EmitContext) {
        uriExtensions.write(uriExtensions.pick(&context.rng), to: &context.out)
    }

    /// Writes a URI in one of Faker's five shapes: a bare URL, or a page with or without a path and extension.
    static func writeURI(_ schemes: [[UInt8]], deep: Int, _ locale: LocaleData, _ context: EmitContext) {
        writeURL(schemes, locale, context)
        let shape = context.rng.below(5)
        if shape == 0 { return }
        if shape >= 3 {
            writeURIPath(deep: deep, context)
            context.out.append(UInt8(ascii: "/"))
        }
        writePage(context)
        if shape == 2 || shape == 4 {
            writeExtension(context)
        } else {
            context.out.append(UInt8(ascii: "/"))
        }
    }

    /// The `value` of `slug` as a slug: ASCII letters and digits lower-cased, every other run turned into one `-`.
    static func slugify(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var pendingDash = false
        for byte in text.utf8 {
            let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            let isWord = (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39)
            if isWord {
                if pendingDash && !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
                pendingDash = false
                bytes.append(lower)
            } else {
                pendingDash = true
            }
        }
        return bytes
    }

    static let webGenerators: [GeneratorSpec] = [
        GeneratorSpec(
            "url", provider: "internet", parameters: [.init("schemes", "list", "[http, https]")],
            summary: "A site URL such as `https://www.smith.com/`"
        ) { arguments, locale in
            let schemes = try schemes(&arguments)
            return CompiledGenerator { context in writeURL(schemes, locale, context) }
        },
        GeneratorSpec(
            "uri", provider: "internet",
            parameters: [.init("schemes", "list", "[http, https]"), .init("deep", "int")],
            summary: "A URL with a path and page, such as `http://smith.com/app/main/index.html`"
        ) { arguments, locale in
            let schemes = try schemes(&arguments)
            let deep = Int(try arguments.int("deep") ?? 0)
            guard (0...20).contains(deep) else {
                throw arguments.error("deep", "must be between 1 and 20 path words (none or 0: 1 to 3), got \(deep)")
            }
            return CompiledGenerator { context in writeURI(schemes, deep: deep, locale, context) }
        },
        GeneratorSpec(
            "uri_path", provider: "internet", parameters: [.init("deep", "int")],
            summary: "A URL path such as `app/category/tags`; `deep` words (1 to 3 when omitted)"
        ) { arguments, _ in
            let deep = Int(try arguments.int("deep") ?? 0)
            guard (0...20).contains(deep) else {
                throw arguments.error("deep", "must be between 1 and 20 path words (none or 0: 1 to 3), got \(deep)")
            }
            return CompiledGenerator { context in writeURIPath(deep: deep, context) }
        },
        GeneratorSpec("uri_page", provider: "internet", summary: "A page name such as `index` or `about`") { _, _ in
            CompiledGenerator(
                uniqueDomain: UInt64(uriPages.rows),
                emitIndexed: { context, index in uriPages.write(Int(index), to: &context.out) },
                emit: { context in writePage(context) })
        },
        GeneratorSpec("uri_extension", provider: "internet", summary: "A file extension such as `.html`") { _, _ in
            CompiledGenerator(
                uniqueDomain: UInt64(uriExtensions.rows),
                emitIndexed: { context, index in uriExtensions.write(Int(index), to: &context.out) },
                emit: { context in writeExtension(context) })
        },
        GeneratorSpec(
            "slug", provider: "internet", parameters: [.init("value", "string")],
            summary: "A URL slug of a few words, such as `lorem-ipsum-dolor`, or of `value` when given"
        ) { arguments, locale in
            if let value = try arguments.string("value"), value.lowercased() != "none" {
                let slug = slugify(value)
                return CompiledGenerator { context in context.out.append(slug) }
            }
            let words = locale.loremWords
            return CompiledGenerator { context in
                let count = 2 + context.rng.index(3)
                for position in 0..<count {
                    if position > 0 { context.out.append(UInt8(ascii: "-")) }
                    words.write(words.pick(&context.rng), to: &context.out)
                }
            }
        },
        GeneratorSpec("http_method", provider: "internet", summary: "An HTTP method (GET, POST, PUT…)") { _, _ in
            CompiledGenerator(
                uniqueDomain: UInt64(httpMethods.rows),
                emitIndexed: { context, index in httpMethods.write(Int(index), to: &context.out) },
                emit: { context in httpMethods.write(httpMethods.pick(&context.rng), to: &context.out) })
        },
        GeneratorSpec(
            "http_status_code", provider: "internet", type: .integer,
            parameters: [.init("include_unassigned", "bool", "true")],
            summary: "An HTTP status code: any of 100–599, or only assigned ones with `include_unassigned=false`"
        ) { arguments, _ in
            if try arguments.bool("include_unassigned", default: true) {
                return CompiledGenerator(
                    type: .integer, uniqueDomain: 500,
                    emitIndexed: { context, index in context.out.appendDecimal(100 + index) },
                    emit: { context in context.out.appendDecimal(100 + context.rng.below(500)) })
            }
            let codes = assignedStatusCodes
            return CompiledGenerator(
                type: .integer, uniqueDomain: UInt64(codes.count),
                emitIndexed: { context, index in context.out.appendDecimal(UInt64(codes[Int(index)])) },
                emit: { context in context.out.appendDecimal(UInt64(codes[context.rng.index(codes.count)])) })
        },
    ]
}
