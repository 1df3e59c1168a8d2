/// Faker's `user_agent` provider: browser user-agent strings and the platform tokens inside them.
///
/// Every piece is written straight into the output; numbers that appear twice in one agent (the WebKit build) are
/// drawn once and written twice.
enum UserAgentProvider {
    static let windowsTokens = Table(
        rows: [
            "Windows 95", "Windows 98", "Windows 98; Win 9x 4.90", "Windows CE", "Windows NT 4.0", "Windows NT 5.0",
            "Windows NT 5.01", "Windows NT 5.1", "Windows NT 5.2", "Windows NT 6.0", "Windows NT 6.1",
            "Windows NT 6.2", "Windows NT 6.3", "Windows NT 10.0",
        ].map { [$0] })
    static let linuxProcessors = Table(rows: [["i686"], ["x86_64"]])
    static let macProcessors = Table(rows: [["Intel"], ["PPC"], ["U; Intel"], ["U; PPC"]])
    static let androidVersions = Table(
        rows: [
            "1.0", "1.1", "1.5", "1.6", "2.0", "2.0.1", "2.1", "2.2", "2.2.1", "2.2.2", "2.2.3", "2.3", "2.3.1",
            "2.3.2", "2.3.3", "2.3.4", "2.3.5", "2.3.6", "2.3.7", "3.0", "3.1", "3.2", "3.2.1", "3.2.2", "3.2.6",
            "4.0", "4.0.1", "4.0.2", "4.0.3", "4.0.4", "4.1", "4.1.1", "4.1.2", "4.2", "4.2.1", "4.2.2", "4.3",
            "4.3.1", "4.4", "4.4.1", "4.4.2", "4.4.3", "4.4.4", "5.0", "5.0.1", "5.0.2", "5.1", "5.1.1", "6.0",
            "6.0.1", "7.0", "7.1", "7.1.1", "7.1.2", "8.0.0", "8.1.0", "9", "10", "11", "12", "12.1", "13", "14",
        ].map { [$0] })
    static let appleDevices = Table(rows: [["iPhone"], ["iPad"], ["iPod"]])
    /// iOS versions, already spelt with underscores as agents write them.
    static let iosVersions = Table(
        rows: [
            "3_1_3", "4_2_1", "5_1_1", "6_1_6", "7_1_2", "8_4_1", "9_3_5", "9_3_6", "10_3_3", "10_3_4", "11_4_1",
            "12_4_4", "12_4_8", "13_7", "14_2", "14_2_1", "15_7", "16_6", "17_1",
        ].map { [$0] })

    // MARK: - Platform tokens

    static func pickFrom(_ table: Table, _ context: EmitContext) {
        table.write(table.pick(&context.rng), to: &context.out)
    }

    static func windows(_ context: EmitContext) { pickFrom(windowsTokens, context) }

    static func linux(_ context: EmitContext) {
        context.out.append(contentsOf: "X11; Linux ")
        pickFrom(linuxProcessors, context)
    }

    static func mac(_ context: EmitContext) {
        context.out.append(contentsOf: "Macintosh; ")
        pickFrom(macProcessors, context)
        context.out.append(contentsOf: " Mac OS X 10_")
        context.out.appendDecimal(UInt64(context.rng.int(5, 12)))
        context.out.append(UInt8(ascii: "_"))
        context.out.appendDecimal(context.rng.below(10))
    }

    static func android(_ context: EmitContext) {
        context.out.append(contentsOf: "Android ")
        pickFrom(androidVersions, context)
    }

    static func ios(_ context: EmitContext) {
        let device = appleDevices.pick(&context.rng)
        appleDevices.write(device, to: &context.out)
        context.out.append(contentsOf: "; CPU ")
        appleDevices.write(device, to: &context.out)
        context.out.append(contentsOf: " OS ")
        pickFrom(iosVersions, context)
        context.out.append(contentsOf: " like Mac OS X")
    }

    static func number(_ low: Int64, _ high: Int64, _ context: EmitContext) {
        context.out.appendDecimal(context.rng.int(low, high))
    }

    static func locale(_ context: EmitContext) {
        MiscProvider.localeCodes.write(hyphen: true, context)
    }

    /// `major.minor` of a WebKit build, kept so it can be written twice.
    struct Build {
        var major: Int64
        var minor: Int64
        var patch: Int64?

        func write(_ out: inout ByteWriter) {
            out.appendDecimal(major)
            out.append(UInt8(ascii: "."))
            out.appendDecimal(minor)
            if let patch {
                out.append(UInt8(ascii: "."))
                out.appendDecimal(patch)
            }
        }
    }

    // MARK: - Browsers

    /// Chrome's version and build ranges.
    struct ChromeShape: Sendable {
        var versions: (Int64, Int64) = (13, 63)
        var builds: (Int64, Int64) = (800, 899)
    }

    static func chrome(_ shape: ChromeShape, _ context: EmitContext) {
        let webkit = Build(major: context.rng.int(531, 536), minor: context.rng.int(0, 2))
        context.out.append(contentsOf: "Mozilla/5.0 (")
        let platform = context.rng.below(5)
        switch platform {
        case 0: linux(context)
        case 1: windows(context)
        case 2: mac(context)
        case 3: android(context)
        default: ios(context)
        }
        context.out.append(contentsOf: ") AppleWebKit/")
        webkit.write(&context.out)
        context.out.append(contentsOf: platform == 4 ? " (KHTML, like Gecko) CriOS/" : " (KHTML, like Gecko) Chrome/")
        number(shape.versions.0, shape.versions.1, context)
        context.out.append(contentsOf: ".0.")
        number(shape.builds.0, shape.builds.1, context)
        context.out.append(contentsOf: ".0 ")
        if platform == 4 {
            context.out.append(contentsOf: "Mobile/")
            context.out.appendRandomDigits(2, &context.rng)
            context.out.append(UInt8(ascii: "A") &+ UInt8(context.rng.below(26)))
            context.out.appendRandomDigits(3, &context.rng)
            context.out.append(0x20)
        }
        context.out.append(contentsOf: "Safari/")
        webkit.write(&context.out)
    }

    /// The `Gecko/YYYYMMDD Firefox/…` tail of a desktop Firefox agent, built after 2011-01-01.
    static func geckoTail(now: Int64, _ context: EmitContext) {
        let first = DateExpression.daysFromCivil(year: 2011, month: 1, day: 1)
        let last = max(first, DateExpression.floorDiv(now, DateExpression.secondsPerDay))
        let (year, month, day) = DateExpression.civil(fromDays: context.rng.int(first, last))
        context.out.append(contentsOf: "Gecko/")
        context.out.appendPadded(UInt64(year), width: 4)
        context.out.appendPadded(UInt64(month), width: 2)
        context.out.appendPadded(UInt64(day), width: 2)
        switch context.rng.below(3) {
        case 0:
            context.out.append(contentsOf: " Firefox/")
            number(4, 15, context)
            context.out.append(contentsOf: ".0")
        case 1:
            context.out.append(contentsOf: " Firefox/3.6.")
            number(1, 20, context)
        default:
            context.out.append(contentsOf: " Firefox/3.8")
        }
    }

    static func firefox(now: Int64, _ context: EmitContext) {
        context.out.append(contentsOf: "Mozilla/5.0 (")
        switch context.rng.below(5) {
        case 0:
            windows(context)
            context.out.append(contentsOf: "; ")
            locale(context)
            context.out.append(contentsOf: "; rv:1.9.")
            number(0, 2, context)
            context.out.append(contentsOf: ".20) ")
            geckoTail(now: now, context)
        case 1:
            linux(context)
            context.out.append(contentsOf: "; rv:1.9.")
            number(5, 7, context)
            context.out.append(contentsOf: ".20) ")
            geckoTail(now: now, context)
        case 2:
            mac(context)
            context.out.append(contentsOf: "; rv:1.9.")
            number(2, 6, context)
            context.out.append(contentsOf: ".20) ")
            geckoTail(now: now, context)
        case 3:
            let version = context.rng.int(5, 68)
            android(context)
            context.out.append(contentsOf: "; Mobile; rv:")
            context.out.appendDecimal(version)
            context.out.append(contentsOf: ".0) Gecko/")
            context.out.appendDecimal(version)
            context.out.append(contentsOf: ".0 Firefox/")
            context.out.appendDecimal(version)
            context.out.append(contentsOf: ".0")
        default:
            let webkit = Build(major: context.rng.int(531, 536), minor: context.rng.int(0, 2))
            ios(context)
            context.out.append(contentsOf: ") AppleWebKit/")
            webkit.write(&context.out)
            context.out.append(contentsOf: " (KHTML, like Gecko) FxiOS/")
            number(1, 8, context)
            context.out.append(UInt8(ascii: "."))
            number(0, 9, context)
            context.out.append(contentsOf: ".0 Mobile/")
            context.out.appendRandomDigits(2, &context.rng)
            context.out.append(UInt8(ascii: "A") &+ UInt8(context.rng.below(26)))
            context.out.appendRandomDigits(3, &context.rng)
            context.out.append(contentsOf: " Safari/")
            webkit.write(&context.out)
        }
    }

    static func safari(_ context: EmitContext) {
        let webkit = Build(
            major: context.rng.int(531, 535), minor: context.rng.int(1, 50), patch: context.rng.int(1, 7))
        @inline(__always) func version() {
            context.out.appendDecimal(context.rng.int(4, 5))
            context.out.append(UInt8(ascii: "."))
            if context.rng.next() & 1 == 0 {
                number(0, 1, context)
            } else {
                context.out.append(contentsOf: "0.")
                number(1, 5, context)
            }
        }
        context.out.append(contentsOf: "Mozilla/5.0 (")
        switch context.rng.below(3) {
        case 0:
            context.out.append(contentsOf: "Windows; U; ")
            windows(context)
            context.out.append(contentsOf: ") AppleWebKit/")
            webkit.write(&context.out)
            context.out.append(contentsOf: " (KHTML, like Gecko) Version/")
            version()
            context.out.append(contentsOf: " Safari/")
            webkit.write(&context.out)
        case 1:
            mac(context)
            context.out.append(contentsOf: " rv:")
            number(2, 6, context)
            context.out.append(contentsOf: ".0; ")
            locale(context)
            context.out.append(contentsOf: ") AppleWebKit/")
            webkit.write(&context.out)
            context.out.append(contentsOf: " (KHTML, like Gecko) Version/")
            version()
            context.out.append(contentsOf: " Safari/")
            webkit.write(&context.out)
        default:
            context.out.append(contentsOf: "iPod; U; CPU iPhone OS ")
            number(3, 4, context)
            context.out.append(UInt8(ascii: "_"))
            number(0, 3, context)
            context.out.append(contentsOf: " like Mac OS X; ")
            locale(context)
            context.out.append(contentsOf: ") AppleWebKit/")
            webkit.write(&context.out)
            context.out.append(contentsOf: " (KHTML, like Gecko) Version/")
            number(3, 4, context)
            context.out.append(contentsOf: ".0.5 Mobile/8B")
            number(111, 119, context)
            context.out.append(contentsOf: " Safari/6")
            webkit.write(&context.out)
        }
    }

    static func opera(_ context: EmitContext) {
        context.out.append(contentsOf: "Opera/")
        number(8, 9, context)
        context.out.append(UInt8(ascii: "."))
        number(10, 99, context)
        context.out.append(contentsOf: ".(")
        if context.rng.next() & 1 == 0 { linux(context) } else { windows(context) }
        context.out.append(contentsOf: "; ")
        locale(context)
        context.out.append(contentsOf: ") Presto/2.")
        number(5, 12, context)
        context.out.append(UInt8(ascii: "."))
        number(160, 355, context)
        context.out.append(contentsOf: " Version/")
        number(10, 12, context)
        context.out.append(contentsOf: ".00")
    }

    static func internetExplorer(_ context: EmitContext) {
        context.out.append(contentsOf: "Mozilla/5.0 (compatible; MSIE ")
        number(5, 11, context)
        context.out.append(contentsOf: ".0; ")
        windows(context)
        context.out.append(contentsOf: "; Trident/")
        number(3, 5, context)
        context.out.append(UInt8(ascii: "."))
        number(0, 1, context)
        context.out.append(UInt8(ascii: ")"))
    }
}
