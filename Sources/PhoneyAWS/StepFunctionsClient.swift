import Logging
import NIOCore
import PhoneyCore

/// Starts and watches Step Functions executions (an export job is one), over the JSON 1.0 protocol.
///
/// Calls are retried as ``retryPolicy`` says on throttling and server errors, and after a connection failure when
/// repeating them is harmless: always for `DescribeExecution`, for `StartExecution` when it names the execution (a
/// Standard workflow answers a repeated name and input with the same execution).
package struct StepFunctionsClient: Sendable {
    package var json: AWSJSONClient
    package var retryPolicy: AWSRetryPolicy

    /// - Parameters:
    ///   - credentials: The keys to sign with.
    ///   - region: The state machine's region.
    ///   - endpoint: The endpoint, `https://states.REGION.amazonaws.com` when `nil`.
    ///   - httpClient: The client to send with; borrowed, never shut down.
    ///   - timeout: Deadline of one attempt.
    ///   - retryPolicy: How failed calls are retried.
    ///   - logger: For request lines.
    package init(
        credentials: AWSCredentials,
        region: String,
        endpoint: AWSEndpoint? = nil,
        httpClient: AWSHTTPClient = .shared,
        timeout: TimeAmount = .seconds(10),
        retryPolicy: AWSRetryPolicy = .standard,
        logger: Logger = Logger(label: "phoney.aws", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        json = AWSJSONClient(
            service: .stepFunctions, endpoint: endpoint ?? AWSEndpoint.standard(.stepFunctions, region: region),
            credentials: credentials, region: region, httpClient: httpClient, timeout: timeout, logger: logger)
        self.retryPolicy = retryPolicy
    }

    /// A client from the standard variables: credentials, `AWS_REGION`/`AWS_DEFAULT_REGION`, and the endpoint from
    /// `AWS_ENDPOINT_URL_SFN`, else `AWS_ENDPOINT_URL`, else AWS.
    ///
    /// - Throws: `AWSError` of kind `missingVariable` or `invalidVariable`, naming the variable.
    package static func fromEnvironment(
        _ environment: [String: String],
        httpClient: AWSHTTPClient = .shared,
        timeout: TimeAmount = .seconds(10),
        logger: Logger = Logger(label: "phoney.aws", factory: { _ in SwiftLogNoOpLogHandler() })
    ) throws(AWSError) -> StepFunctionsClient {
        let region = try AWSEnvironment.region(environment)
        return StepFunctionsClient(
            credentials: try AWSCredentials.fromEnvironment(environment), region: region,
            endpoint: try AWSEndpoint.resolve(.stepFunctions, region: region, environment: environment),
            httpClient: httpClient, timeout: timeout, logger: logger)
    }

    /// Starts an execution of a state machine.
    ///
    /// - Parameters:
    ///   - stateMachineArn: The state machine.
    ///   - name: The execution's name (see ``validateExecutionName(_:)``), or `nil` for one AWS makes up. A Standard
    ///     workflow keeps names for 90 days: the same name with the same input returns the running or finished
    ///     execution, with another input it is refused.
    ///   - input: The input, JSON text (at most 256 KiB).
    /// - Returns: The execution's ARN and start time.
    /// - Throws: `AWSError` of kind `alreadyExists` (`ExecutionAlreadyExists`: the name was used with another
    ///   input), `notFound` (`StateMachineDoesNotExist`), `invalidArgument` for a bad name, or the call's errors
    ///   (`service` with `InvalidExecutionInput`, `ExecutionLimitExceeded`, …).
    package func startExecution(
        stateMachineArn: String, name: String? = nil, input: String = "{}"
    ) async throws(AWSError) -> StepFunctionsStartedExecution {
        var request: [(key: String, value: JSONValue)] = [("stateMachineArn", .string(stateMachineArn))]
        if let name {
            try Self.validateExecutionName(name)
            request.append(("name", .string(name)))
        }
        request.append(("input", .string(input)))
        let resource = "state machine \(stateMachineArn)" + (name.map { ", execution \($0)" } ?? "")
        let answer = try await call(
            "StartExecution", .object(request), resource: resource, repeatable: name != nil)
        guard case .string(let executionArn)? = answer["executionArn"],
            let startDate = Self.seconds(answer["startDate"])
        else {
            throw AWSError(
                .invalidResponse, "the answer has no executionArn and startDate", operation: "states:StartExecution",
                resource: resource)
        }
        return StepFunctionsStartedExecution(executionArn: executionArn, startDate: startDate)
    }

    /// The status, input, output and times of an execution.
    ///
    /// - Throws: `AWSError` of kind `notFound` (`ExecutionDoesNotExist`), or the call's errors.
    package func describeExecution(executionArn: String) async throws(AWSError) -> StepFunctionsExecution {
        let resource = "execution \(executionArn)"
        let answer = try await call(
            "DescribeExecution", .object([("executionArn", .string(executionArn))]), resource: resource,
            repeatable: true)
        func string(_ key: String) -> String? {
            if case .string(let text)? = answer[key] { return text }
            return nil
        }
        guard let arn = string("executionArn"), let status = string("status"),
            let startDate = Self.seconds(answer["startDate"])
        else {
            throw AWSError(
                .invalidResponse, "the answer has no executionArn, status and startDate",
                operation: "states:DescribeExecution", resource: resource)
        }
        return StepFunctionsExecution(
            executionArn: arn, stateMachineArn: string("stateMachineArn") ?? "", name: string("name") ?? "",
            status: StepFunctionsExecution.Status(rawValue: status), input: string("input"), output: string("output"),
            startDate: startDate, stopDate: Self.seconds(answer["stopDate"]), error: string("error"),
            cause: string("cause"))
    }

    /// One call with retries, AWS's codes for missing and existing executions turned into their kinds.
    private func call(
        _ operation: String, _ body: JSONValue, resource: String, repeatable: Bool
    ) async throws(AWSError) -> JSONValue {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try await json.call(operation, body, resource: resource)
            } catch {
                var error = error
                switch error.awsCode {
                case "ExecutionAlreadyExists": error.kind = .alreadyExists
                case "ExecutionDoesNotExist", "StateMachineDoesNotExist": error.kind = .notFound
                default: break
                }
                let retryable =
                    (error.kind == .transport && repeatable)
                    || (error.kind == .service
                        && ((error.httpStatus ?? 0) >= 500 || error.awsCode == "ThrottlingException"))
                guard retryable, attempt < retryPolicy.maxAttempts else { throw error }
                try await retryPolicy.wait(afterAttempt: attempt, operation: "states:\(operation)", resource: resource)
            }
        }
    }

    /// The ARN an execution named `name` of `stateMachineArn` has:
    /// `arn:PARTITION:states:REGION:ACCOUNT:execution:MACHINE:NAME`. A version or alias qualifier of the state
    /// machine ARN is dropped, as AWS does. (Express workflows use `express:` rather than `execution:`.)
    ///
    /// - Throws: `AWSError` of kind `invalidArgument` when `stateMachineArn` is not a state machine ARN or `name` is
    ///   not a valid execution name.
    package static func executionArn(stateMachineArn: String, name: String) throws(AWSError) -> String {
        let fields = stateMachineArn.split(separator: ":", omittingEmptySubsequences: false)
        guard (7...8).contains(fields.count), fields[0] == "arn", fields[2] == "states", fields[5] == "stateMachine",
            !fields[1].isEmpty, !fields[3].isEmpty, !fields[4].isEmpty, !fields[6].isEmpty
        else {
            throw AWSError(
                .invalidArgument,
                "`\(stateMachineArn)` is not a state machine ARN (arn:PARTITION:states:REGION:ACCOUNT:stateMachine:NAME)"
            )
        }
        try validateExecutionName(name)
        return "arn:\(fields[1]):states:\(fields[3]):\(fields[4]):execution:\(fields[6]):\(name)"
    }

    /// Checks an execution name against Step Functions' rules: 1 to 80 characters, none of them whitespace, a
    /// control character, or one of `< > { } [ ] ? * " # % \ ^ | ~ ` $ & , ; : /`.
    ///
    /// - Throws: `AWSError` of kind `invalidArgument` naming the rule broken.
    package static func validateExecutionName(_ name: String) throws(AWSError) {
        guard (1...80).contains(name.count) else {
            throw AWSError(
                .invalidArgument, "the execution name has \(name.count) characters; Step Functions allows 1 to 80")
        }
        let forbidden = Set("<>{}[]?*\"#%\\^|~`$&,;:/".unicodeScalars)
        for scalar in name.unicodeScalars
        where scalar.properties.isWhitespace || forbidden.contains(scalar) || scalar.value < 0x20
            || (0x7F...0x9F).contains(scalar.value)
        {
            let shown =
                scalar.properties.isWhitespace
                ? "whitespace" : forbidden.contains(scalar) ? "`\(scalar)`" : "a control character"
            throw AWSError(.invalidArgument, "the execution name `\(name)` has \(shown), which Step Functions refuses")
        }
    }

    /// A timestamp of the JSON protocol: seconds since 1970 as a number.
    static func seconds(_ value: JSONValue?) -> Double? {
        guard case .number(let text)? = value else { return nil }
        return Double(text)
    }
}
