/// Everything besides the template that shapes a compiled plan.
public struct CompileOptions: Sendable, Hashable {
    public var format: OutputFormat
    public var locale: String
    /// Make every placeholder field unique (the request-level `unique`).
    public var uniqueAll: Bool
    /// The reference time, Unix seconds UTC, for `now`, `today` and relative dates.
    public var now: Int64
    public var limits: TemplateLimits

    public init(
        format: OutputFormat = .json, locale: String = "en_US", uniqueAll: Bool = false,
        now: Int64 = CompileOptions.startOfToday(), limits: TemplateLimits = .default
    ) {
        self.format = format
        self.locale = locale
        self.uniqueAll = uniqueAll
        self.now = now
        self.limits = limits
    }

    /// The start of the current UTC day: relative dates then repeat exactly for the same seed all day.
    public static func startOfToday() -> Int64 {
        let seconds = WallClock.seconds()
        return DateExpression.floorDiv(seconds, DateExpression.secondsPerDay) * DateExpression.secondsPerDay
    }
}
