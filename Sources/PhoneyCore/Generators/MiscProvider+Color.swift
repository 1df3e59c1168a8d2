extension MiscProvider {
    /// Writes the 24-bit color `rgb` as `r,g,b`, or as `rgb(r,g,b)` when `css`.
    static func writeRGB(_ rgb: UInt64, css: Bool, _ out: inout ByteWriter) {
        if css {
            out.append(UInt8(ascii: "r"))
            out.append(UInt8(ascii: "g"))
            out.append(UInt8(ascii: "b"))
            out.append(UInt8(ascii: "("))
        }
        out.appendDecimal(rgb >> 16 & 0xFF)
        out.append(UInt8(ascii: ","))
        out.appendDecimal(rgb >> 8 & 0xFF)
        out.append(UInt8(ascii: ","))
        out.appendDecimal(rgb & 0xFF)
        if css { out.append(UInt8(ascii: ")")) }
    }

    static func writeHex(_ rgb: UInt64, _ out: inout ByteWriter) {
        out.append(UInt8(ascii: "#"))
        out.appendHex(rgb, digits: 6)
    }

    /// Web-safe colors: each channel one of 00, 33, 66, 99, cc, ff.
    static func webSafe(_ index: UInt64) -> UInt64 {
        (index / 36) * 0x33 << 16 | (index / 6 % 6) * 0x33 << 8 | (index % 6) * 0x33
    }

    /// A color generator unique over `0..<domain`, each index written by `write`.
    static func colorSpec(
        _ name: String, _ summary: String, domain: UInt64,
        write: @escaping @Sendable (UInt64, inout ByteWriter) -> Void
    ) -> GeneratorSpec {
        GeneratorSpec(name, provider: "color", summary: summary) { _, _ in
            CompiledGenerator(
                uniqueDomain: domain,
                emitIndexed: { context, index in write(index, &context.out) },
                emit: { context in write(context.rng.below(domain), &context.out) })
        }
    }

    /// Hue ranges in degrees, as the random-color scheme names them.
    static let hueRanges: [String: (Int64, Int64)] = [
        "red": (-26, 18), "orange": (19, 46), "yellow": (47, 62), "green": (63, 178), "blue": (179, 257),
        "purple": (258, 282), "pink": (283, 334),
    ]

    enum ColorFormat: Sendable {
        case hex, rgb, hsv, hsl
    }

    /// The compiled arguments of `color`: a hue range, saturation and brightness ranges (percent), a format.
    struct ColorShape: Sendable {
        var hue: (Int64, Int64) = (0, 359)
        var saturation: (Int64, Int64) = (20, 100)
        var brightness: (Int64, Int64) = (50, 100)
        var format: ColorFormat = .hex

        init(_ arguments: inout Arguments) throws(TemplateError) {
            var monochrome = false
            if let items = try arguments.list("hue") {
                let texts = items.compactMap { $0.text?.lowercased().trimmingWhitespace() }
                if texts.count == 2, let low = Int64(texts[0]), let high = Int64(texts[1]), low <= high {
                    hue = (low, high)
                } else if texts.count == 1, let degrees = Int64(texts[0]) {
                    hue = (degrees, degrees)
                } else if texts.count == 1, texts[0] == "monochrome" {
                    monochrome = true
                } else if texts.count == 1, let range = hueRanges[texts[0]] {
                    hue = range
                } else if !(texts.count == 1 && texts[0] == "none") {
                    throw arguments.error(
                        "hue",
                        "must be a color name (red, orange, yellow, green, blue, purple, pink, monochrome), "
                            + "a number of degrees or a range [low, high]")
                }
            }
            switch try arguments.string("luminosity")?.lowercased() {
            case nil, "none": break
            case "bright": saturation = (55, 100)
            case "dark":
                saturation = (90, 100)
                brightness = (30, 50)
            case "light":
                saturation = (20, 55)
                brightness = (75, 100)
            case "random":
                saturation = (0, 100)
                brightness = (0, 100)
            case let other?:
                throw arguments.error("luminosity", "must be bright, dark, light or random, got `\(other)`")
            }
            if monochrome { saturation = (0, 0) }
            switch try arguments.string("color_format", default: "hex").lowercased() {
            case "hex": format = .hex
            case "rgb": format = .rgb
            case "hsv": format = .hsv
            case "hsl": format = .hsl
            case let other: throw arguments.error("color_format", "must be hex, rgb, hsv or hsl, got `\(other)`")
            }
        }

        func write(_ context: EmitContext) {
            let h = ((context.rng.int(hue.0, hue.1) % 360) + 360) % 360
            let s = context.rng.int(saturation.0, saturation.1)
            let v = context.rng.int(brightness.0, brightness.1)
            switch format {
            case .hex: writeHex(MiscProvider.rgb(h, s, v), &context.out)
            case .rgb:
                let rgb = MiscProvider.rgb(h, s, v)
                writeTriple("rgb(", Int64(rgb >> 16), Int64(rgb >> 8 & 0xFF), Int64(rgb & 0xFF), &context.out)
            case .hsv:
                writeTriple("hsv(", h, s, v, &context.out)
            case .hsl:
                let value = Double(v) / 100
                let lightness = value * (1 - Double(s) / 200)
                let spread = min(lightness, 1 - lightness)
                let saturationL = spread <= 0 ? 0 : (value - lightness) / spread
                writeTriple(
                    "hsl(", h, Int64((saturationL * 100).rounded()), Int64((lightness * 100).rounded()), &context.out)
            }
        }

        func writeTriple(_ open: StaticString, _ a: Int64, _ b: Int64, _ c: Int64, _ out: inout ByteWriter) {
            out.append(open.utf8Start, count: open.utf8CodeUnitCount)
            out.appendDecimal(a)
            out.append(UInt8(ascii: ","))
            out.append(UInt8(ascii: " "))
            out.appendDecimal(b)
            out.append(UInt8(ascii: ","))
            out.append(UInt8(ascii: " "))
            out.appendDecimal(c)
            out.append(UInt8(ascii: ")"))
        }
    }

    /// HSV (degrees, percent, percent) to a 24-bit RGB value.
    static func rgb(_ hue: Int64, _ saturation: Int64, _ value: Int64) -> UInt64 {
        let s = Double(saturation) / 100
        let v = Double(value) / 100
        let sector = Double(hue) / 60
        let chroma = v * s
        let x = chroma * (1 - abs(sector.truncatingRemainder(dividingBy: 2) - 1))
        let (r, g, b): (Double, Double, Double)
        switch Int(sector) {
        case 0: (r, g, b) = (chroma, x, 0)
        case 1: (r, g, b) = (x, chroma, 0)
        case 2: (r, g, b) = (0, chroma, x)
        case 3: (r, g, b) = (0, x, chroma)
        case 4: (r, g, b) = (x, 0, chroma)
        default: (r, g, b) = (chroma, 0, x)
        }
        let m = v - chroma
        func channel(_ c: Double) -> UInt64 { UInt64(min(255, max(0, ((c + m) * 255).rounded()))) }
        return channel(r) << 16 | channel(g) << 8 | channel(b)
    }

    static let colorGenerators: [GeneratorSpec] = [
        GeneratorSpec("color_name", provider: "color", summary: "A CSS color name such as `AliceBlue`") { _, locale in
            let names = locale.colorNames
            return CompiledGenerator(
                jsonSafe: names.isJSONSafe, uniqueDomain: UInt64(names.rows),
                emitIndexed: { context, index in names.write(Int(index), 0, to: &context.out) },
                emit: { context in names.write(names.pick(&context.rng), 0, to: &context.out) })
        },
        GeneratorSpec("safe_color_name", provider: "color", summary: "A basic color name such as `maroon`") {
            _, locale in
            let names = locale.safeColorNames
            return CompiledGenerator(
                jsonSafe: names.isJSONSafe, uniqueDomain: UInt64(names.rows),
                emitIndexed: { context, index in names.write(Int(index), to: &context.out) },
                emit: { context in names.write(names.pick(&context.rng), to: &context.out) })
        },
        colorSpec("hex_color", "A color as `#rrggbb`", domain: 0xFF_FFFF) { index, out in writeHex(index + 1, &out) },
        colorSpec("safe_hex_color", "A web-safe color as `#rrggbb` (channels 00, 33, … ff)", domain: 216) {
            index, out in writeHex(webSafe(index), &out)
        },
        colorSpec("rgb_color", "A color as `r,g,b` (0–255 each)", domain: 1 << 24) { index, out in
            writeRGB(index, css: false, &out)
        },
        colorSpec("rgb_css_color", "A CSS color as `rgb(r,g,b)`", domain: 1 << 24) { index, out in
            writeRGB(index, css: true, &out)
        },
        GeneratorSpec(
            "color", provider: "color",
            parameters: [
                .init("hue", "string"), .init("luminosity", "string"), .init("color_format", "string", "hex"),
            ],
            summary: "An attractive random color; `hue` (red, blue… or degrees), `luminosity` (bright, dark, light)"
        ) { arguments, _ in
            let shape = try ColorShape(&arguments)
            return CompiledGenerator { context in shape.write(context) }
        },
    ]
}
