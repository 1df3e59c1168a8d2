/// What `StartExecution` returns.
package struct StepFunctionsStartedExecution: Sendable, Hashable {
    package var executionArn: String
    /// Seconds since 1970-01-01T00:00:00Z.
    package var startDate: Double

    package init(executionArn: String, startDate: Double) {
        self.executionArn = executionArn
        self.startDate = startDate
    }
}
