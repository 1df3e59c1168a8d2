/// What `DescribeExecution` tells of a Step Functions execution.
package struct StepFunctionsExecution: Sendable, Hashable {
    /// An execution's status; an unknown one (a status AWS adds later) keeps its text.
    package struct Status: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        package var rawValue: String

        package init(rawValue: String) {
            self.rawValue = rawValue
        }

        package static let running = Status(rawValue: "RUNNING")
        package static let succeeded = Status(rawValue: "SUCCEEDED")
        package static let failed = Status(rawValue: "FAILED")
        package static let timedOut = Status(rawValue: "TIMED_OUT")
        package static let aborted = Status(rawValue: "ABORTED")
        /// Failed, timed out or aborted, and may be redriven.
        package static let pendingRedrive = Status(rawValue: "PENDING_REDRIVE")

        /// Whether the execution has ended for good: succeeded, failed, timed out or aborted.
        package var isTerminal: Bool { [.succeeded, .failed, .timedOut, .aborted].contains(self) }

        package var description: String { rawValue }
    }

    package var executionArn: String
    package var stateMachineArn: String
    package var name: String
    package var status: Status
    /// The input JSON text; `nil` when the caller may not see it.
    package var input: String?
    /// The output JSON text, once the execution has succeeded.
    package var output: String?
    /// Seconds since 1970-01-01T00:00:00Z.
    package var startDate: Double
    /// Seconds since 1970-01-01T00:00:00Z, once the execution has stopped.
    package var stopDate: Double?
    /// The error code of a failed execution.
    package var error: String?
    /// Why it failed, as the failing state reported it.
    package var cause: String?

    package init(
        executionArn: String, stateMachineArn: String, name: String, status: Status, input: String? = nil,
        output: String? = nil, startDate: Double, stopDate: Double? = nil, error: String? = nil, cause: String? = nil
    ) {
        self.executionArn = executionArn
        self.stateMachineArn = stateMachineArn
        self.name = name
        self.status = status
        self.input = input
        self.output = output
        self.startDate = startDate
        self.stopDate = stopDate
        self.error = error
        self.cause = cause
    }
}
