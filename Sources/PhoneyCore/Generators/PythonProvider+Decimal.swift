extension PythonProvider {
    /// One way to draw a `pyfloat` or `pydecimal`: a scaled integer in `low...high`, written with `digits` fraction
    /// digits (the value is `scaled / 10^digits`).
    struct Scale: Sendable {
        var digits: Int
        var unit: UInt64
        var low: Int64
        var high: Int64
    }

    static func decimalSpec(_ name: String, float: Bool, _ summary: String) -> GeneratorSpec {
        GeneratorSpec(
            name, provider: "python", type: .number,
            parameters: [
                Parameter("left_digits", "int", "None"), Parameter("right_digits", "int", "None"),
                Parameter("positive", "bool", "false"), Parameter("min_value", "float", "None"),
                Parameter("max_value", "float", "None"),
            ],
            summary: summary
        ) { arguments, _ in
            decimals(try scales(&arguments, float: float), trim: float)
        }
    }

    /// Resolves `pyfloat`/`pydecimal` arguments to the scales a value is drawn from.
    ///
    /// As in Faker: without `right_digits` a float takes 1 to 15 − (integer digits) fraction digits, picked per
    /// value; without `left_digits` or bounds the integer part fills the rest of 15 digits; `positive` excludes zero
    /// and below. A float has at most 15 digits in all, a decimal 18.
    static func scales(_ arguments: inout Arguments, float: Bool) throws(TemplateError) -> [Scale] {
        let limit: Int64 = float ? 15 : 18
        let left = try arguments.int("left_digits")
        let right = try arguments.int("right_digits")
        let positive = try arguments.bool("positive", default: false)
        let minimum = try arguments.double("min_value")
        let maximum = try arguments.double("max_value")
        for (key, value) in [("left_digits", left), ("right_digits", right)] {
            if let value, !(0...limit).contains(value) {
                throw arguments.error(key, "must be from 0 to \(limit), got \(value)")
            }
        }
        if let left, let right {
            guard left + right > 0 else {
                throw arguments.error("right_digits", "must be above 0 when `left_digits` is 0")
            }
            guard left + right <= limit else {
                throw arguments.error(
                    "right_digits", "and `left_digits` ask for \(left + right) digits; at most \(limit) fit")
            }
        }
        if let minimum, let maximum, minimum >= maximum {
            throw arguments.error("max_value", "must be above `min_value` (\(minimum)), got \(maximum)")
        }
        if positive, let minimum, minimum <= 0 {
            throw arguments.error("min_value", "must be above 0 when `positive` is true, got \(minimum)")
        }
        if positive, let maximum, maximum <= 0 {
            throw arguments.error("max_value", "must be above 0 when `positive` is true, got \(maximum)")
        }
        if let left {
            let bound = Double(powersOfTen[Int(left)])
            for (key, value) in [("min_value", minimum), ("max_value", maximum)] {
                if let value, abs(value) > bound {
                    throw arguments.error(key, "does not fit in \(left) integer digits (`left_digits`), got \(value)")
                }
            }
        }
        let ranged = minimum != nil || maximum != nil
        var low = 0.0
        var high = 0.0
        if ranged {
            let reach = left.map { Double(powersOfTen[Int($0)]) }
            high = maximum ?? reach ?? (minimum! + 10_000)
            low = minimum ?? (positive ? 0 : reach.map { -$0 } ?? (maximum! - 10_000))
        }
        let magnitude = max(abs(low), abs(high))
        guard magnitude < 1e17 else {
            throw arguments.error(maximum == nil ? "min_value" : "max_value", "must lie within ±10^17")
        }
        let needed = max(1, integerDigits(magnitude))
        let spare = max(0, 15 - (left ?? needed))
        let choices: [Int64]
        if let right {
            choices = [right]
        } else if left != nil {
            choices = float ? [spare] : Array(0...spare)
        } else {
            choices = float ? Array(1...max(1, spare)) : Array(0...spare)
        }
        var scales: [Scale] = []
        for digits in choices where needed + digits <= 18 {
            let unit = powersOfTen[Int(digits)]
            var lowScaled: Int64
            var highScaled: Int64
            if ranged {
                lowScaled = scaled(low * Double(unit), up: true)
                highScaled = scaled(high * Double(unit), up: false)
                if let left, left + digits <= 18 {
                    let cap = powersOfTen[Int(left + digits)] - 1
                    lowScaled = max(lowScaled, -cap)
                    highScaled = min(highScaled, cap)
                }
            } else {
                let integerPart = left ?? max(1, 15 - digits)
                guard integerPart + digits <= 18 else { continue }
                highScaled = powersOfTen[Int(integerPart + digits)] - 1
                lowScaled = -highScaled
            }
            if positive { lowScaled = max(lowScaled, 1) }
            if lowScaled <= highScaled {
                scales.append(Scale(digits: Int(digits), unit: UInt64(unit), low: lowScaled, high: highScaled))
            }
        }
        guard !scales.isEmpty else {
            let counts = choices.map(String.init).joined(separator: " or ")
            throw arguments.error(
                right == nil ? "max_value" : "right_digits",
                "leaves no value between `min_value` and `max_value` with \(counts) fraction digits")
        }
        return scales
    }

    /// Digits before the point of `value` (0 for values below 1).
    static func integerDigits(_ value: Double) -> Int64 {
        var digits: Int64 = 0
        var power = 1.0
        while power <= value {
            power *= 10
            digits += 1
        }
        return digits
    }

    /// `value` rounded up or down to an integer, treating a hair's breadth from one as that integer (so that
    /// `0.3 × 10` counts as 3).
    static func scaled(_ value: Double, up: Bool) -> Int64 {
        let nearest = value.rounded()
        if abs(value - nearest) <= 1e-9 * max(1, abs(value)) { return Int64(nearest) }
        return Int64(value.rounded(up ? .up : .down))
    }

    /// Draws a scale (uniformly, when there are several), then a value in it; unique over the finest scale.
    static func decimals(_ scales: [Scale], trim: Bool) -> CompiledGenerator {
        let finest = scales.max { $0.digits < $1.digits }!
        let span = UInt64(bitPattern: finest.high &- finest.low)
        let single = scales.count == 1
        return CompiledGenerator(
            type: .number, jsonSafe: true, uniqueDomain: span == .max ? .max : span + 1,
            emitIndexed: { context, index in
                write(finest.low &+ Int64(bitPattern: index), finest, trim: trim, to: &context.out)
            },
            emit: { context in
                let scale = single ? scales[0] : scales[context.rng.index(scales.count)]
                write(context.rng.int(scale.low, scale.high), scale, trim: trim, to: &context.out)
            })
    }

    /// Writes `value / 10^digits` as a JSON number: a float keeps at least one fraction digit and drops trailing
    /// zeros (`12.5`, `3.0`), a decimal keeps exactly `digits`.
    static func write(_ value: Int64, _ scale: Scale, trim: Bool, to out: inout ByteWriter) {
        let magnitude = value.magnitude
        if value < 0 { out.append(0x2D) }
        out.appendDecimal(magnitude / scale.unit)
        var fraction = magnitude % scale.unit
        var digits = scale.digits
        if trim {
            if digits == 0 {
                out.append(0x2E)
                out.append(0x30)
                return
            }
            while digits > 1, fraction % 10 == 0 {
                fraction /= 10
                digits -= 1
            }
        }
        guard digits > 0 else { return }
        out.append(0x2E)
        out.appendPadded(fraction, width: digits)
    }
}
