extension MiscProvider {
    enum ColorSpace: Sendable {
        case hsl, hsv, rgb, rgbFloat
    }

    /// The hue and luminosity arguments of `color`, without its `color_format` (the generator fixes the space).
    static func colorShape(_ arguments: inout Arguments) throws(TemplateError) -> ColorShape {
        if arguments.has("color_format") {
            throw arguments.error(
                "color_format", "is not a parameter here: the generator's name fixes the color space; use `color`")
        }
        return try ColorShape(&arguments)
    }

    /// Writes `value` in `[0, 1]` with up to six decimals, as a JSON number that keeps one decimal (`1.0`, `0.5`).
    static func writeUnitFloat(_ value: Double, _ out: inout ByteWriter) {
        let scaled = UInt64((min(1, max(0, value)) * 1_000_000).rounded())
        out.appendDecimal(scaled / 1_000_000)
        out.append(UInt8(ascii: "."))
        var fraction = scaled % 1_000_000
        var digits = 6
        while digits > 1, fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        out.appendPadded(fraction, width: digits)
    }

    /// HSV (degrees, percent, percent) as red, green and blue fractions of full intensity.
    static func rgbFloats(_ hue: Int64, _ saturation: Int64, _ value: Int64) -> (Double, Double, Double) {
        let s = Double(saturation) / 100
        let v = Double(value) / 100
        let sector = Double(hue) / 60
        let chroma = v * s
        let x = chroma * (1 - abs(sector.truncatingRemainder(dividingBy: 2) - 1))
        let m = v - chroma
        switch Int(sector) {
        case 0: return (chroma + m, x + m, m)
        case 1: return (x + m, chroma + m, m)
        case 2: return (m, chroma + m, x + m)
        case 3: return (m, x + m, chroma + m)
        case 4: return (x + m, m, chroma + m)
        default: return (chroma + m, m, x + m)
        }
    }

    /// Writes one color of `shape` as a JSON array in `space`.
    static func writeColor(_ shape: ColorShape, _ space: ColorSpace, _ context: EmitContext) {
        let h = ((context.rng.int(shape.hue.0, shape.hue.1) % 360) + 360) % 360
        let s = context.rng.int(shape.saturation.0, shape.saturation.1)
        let v = context.rng.int(shape.brightness.0, shape.brightness.1)
        @inline(__always) func triple(_ a: Int64, _ b: Int64, _ c: Int64) {
            context.out.append(UInt8(ascii: "["))
            context.out.appendDecimal(a)
            context.out.append(UInt8(ascii: ","))
            context.out.appendDecimal(b)
            context.out.append(UInt8(ascii: ","))
            context.out.appendDecimal(c)
            context.out.append(UInt8(ascii: "]"))
        }
        switch space {
        case .hsv:
            triple(h, s, v)
        case .hsl:
            let value = Double(v) / 100
            let lightness = value * (1 - Double(s) / 200)
            let spread = min(lightness, 1 - lightness)
            let saturation = spread <= 0 ? 0 : (value - lightness) / spread
            triple(h, Int64((saturation * 100).rounded()), Int64((lightness * 100).rounded()))
        case .rgb:
            let rgb = MiscProvider.rgb(h, s, v)
            triple(Int64(rgb >> 16), Int64(rgb >> 8 & 0xFF), Int64(rgb & 0xFF))
        case .rgbFloat:
            let (r, g, b) = rgbFloats(h, s, v)
            context.out.append(UInt8(ascii: "["))
            writeUnitFloat(r, &context.out)
            context.out.append(UInt8(ascii: ","))
            writeUnitFloat(g, &context.out)
            context.out.append(UInt8(ascii: ","))
            writeUnitFloat(b, &context.out)
            context.out.append(UInt8(ascii: "]"))
        }
    }

    static func colorSpaceSpec(_ name: String, _ space: ColorSpace, _ summary: String) -> GeneratorSpec {
        GeneratorSpec(
            name, provider: "color", type: .array,
            parameters: [.init("hue", "string"), .init("luminosity", "string")], summary: summary
        ) { arguments, _ in
            let shape = try colorShape(&arguments)
            return CompiledGenerator(type: .array) { context in writeColor(shape, space, context) }
        }
    }

    static let colorSpaceGenerators: [GeneratorSpec] = [
        colorSpaceSpec("color_hsl", .hsl, "A color as `[hue, saturation, lightness]` (degrees, percent, percent)"),
        colorSpaceSpec("color_hsv", .hsv, "A color as `[hue, saturation, value]` (degrees, percent, percent)"),
        colorSpaceSpec("color_rgb", .rgb, "A color as `[red, green, blue]`, each 0 to 255"),
        colorSpaceSpec("color_rgb_float", .rgbFloat, "A color as `[red, green, blue]` fractions from 0.0 to 1.0"),
    ]
}
