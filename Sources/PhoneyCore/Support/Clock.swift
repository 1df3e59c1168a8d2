#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one wall clock of every module: Unix time for reference dates, rate-limit windows, Lambda deadlines and log
/// timestamps. Durations and deadlines use `monotonicNanoseconds()` instead, which never jumps.
package enum WallClock {
    /// Unix time in whole seconds.
    package static func seconds() -> Int64 {
        now().seconds
    }

    /// Unix time in milliseconds.
    package static func milliseconds() -> Int64 {
        let (seconds, nanoseconds) = now()
        return seconds * 1000 + nanoseconds / 1_000_000
    }

    /// Appends the current UTC time as `2024-01-31T12:34:56.789Z` (ISO 8601, millisecond precision).
    package static func appendTimestamp(to line: inout [UInt8]) {
        let (seconds, nanoseconds) = now()
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        func pad(_ value: Int, _ width: Int) {
            let digits = String(value)
            for _ in digits.utf8.count..<width { line.append(UInt8(ascii: "0")) }
            line.append(contentsOf: digits.utf8)
        }
        pad(Int(parts.tm_year) + 1900, 4)
        line.append(UInt8(ascii: "-"))
        pad(Int(parts.tm_mon) + 1, 2)
        line.append(UInt8(ascii: "-"))
        pad(Int(parts.tm_mday), 2)
        line.append(UInt8(ascii: "T"))
        pad(Int(parts.tm_hour), 2)
        line.append(UInt8(ascii: ":"))
        pad(Int(parts.tm_min), 2)
        line.append(UInt8(ascii: ":"))
        pad(Int(parts.tm_sec), 2)
        line.append(UInt8(ascii: "."))
        pad(Int(nanoseconds / 1_000_000), 3)
        line.append(UInt8(ascii: "Z"))
    }

    private static func now() -> (seconds: Int64, nanoseconds: Int64) {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return (Int64(spec.tv_sec), Int64(spec.tv_nsec))
    }
}

/// A monotonic clock reading in nanoseconds: for durations and deadlines, never for dates.
package func monotonicNanoseconds() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
}
