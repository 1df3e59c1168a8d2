/// Durations as JSON numbers of milliseconds with three decimals (`12.345`).
package enum Milliseconds {
    package static func text(nanoseconds: UInt64) -> String {
        let micros = nanoseconds / 1000
        let fraction = micros % 1000
        let padding = fraction < 10 ? "00" : fraction < 100 ? "0" : ""
        return "\(micros / 1000).\(padding)\(fraction)"
    }
}
