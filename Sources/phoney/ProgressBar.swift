import PhoneyCore

/// A one-line progress bar on standard error, redrawn at most ten times a second.
struct ProgressBar {
    let total: UInt64
    let start = monotonicNanoseconds()
    var lastDraw: UInt64 = 0

    init(total: UInt64) {
        self.total = total
    }

    mutating func update(_ done: UInt64) {
        let now = monotonicNanoseconds()
        guard now - lastDraw >= 100_000_000 || done == total else { return }
        lastDraw = now
        let fraction = total == 0 ? 1 : Double(done) / Double(total)
        let width = 30
        let filled = Int(fraction * Double(width))
        let seconds = Double(now - start) / 1e9
        let rate = seconds > 0 ? Double(done) / seconds : 0
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        StandardError.write(
            "\r[\(bar)] \(Int(fraction * 100))% \(done)/\(total) records, \(Int(rate)) records/s")
    }

    func finish() {
        StandardError.write("\n")
    }
}
