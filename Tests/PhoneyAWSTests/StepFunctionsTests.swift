import Foundation
import PhoneyCore
import PhoneyTestSupport
import Testing

@testable import PhoneyAWS

/// `StepFunctionsClient`: execution ARNs and names, and the calls against a `moto` server (where executions stay
/// `RUNNING`: moto has no engine).
@Suite(.serialized)
struct StepFunctionsTests {
    static let machine = "arn:aws:states:eu-west-1:123456789012:stateMachine:phoney-export"

    @Test(arguments: [
        (machine, "job-1", "arn:aws:states:eu-west-1:123456789012:execution:phoney-export:job-1"),
        (machine + ":live", "job-1", "arn:aws:states:eu-west-1:123456789012:execution:phoney-export:job-1"),
        (
            "arn:aws-cn:states:cn-north-1:123456789012:stateMachine:m", "a.b_c-d",
            "arn:aws-cn:states:cn-north-1:123456789012:execution:m:a.b_c-d"
        ),
    ])
    func executionArns(_ machine: String, _ name: String, _ expected: String) throws {
        #expect(try StepFunctionsClient.executionArn(stateMachineArn: machine, name: name) == expected)
    }

    @Test(arguments: [
        "arn:aws:states:eu-west-1:123456789012:execution:phoney-export:x", "arn:aws:lambda:eu-west-1:1:function:f",
        "phoney-export", "arn:aws:states:eu-west-1::stateMachine:m",
    ])
    func notAStateMachineArn(_ arn: String) {
        let error = #expect(throws: AWSError.self) {
            try StepFunctionsClient.executionArn(stateMachineArn: arn, name: "n")
        }
        #expect(error?.kind == .invalidArgument && error?.message.contains("is not a state machine ARN") == true)
    }

    @Test(arguments: [
        "", String(repeating: "n", count: 81), "has space", "a/b", "a:b", "a*", "tab\t", "nul\u{7}", "<x>",
    ])
    func badExecutionNames(_ name: String) {
        let error = #expect(throws: AWSError.self) { try StepFunctionsClient.validateExecutionName(name) }
        #expect(error?.kind == .invalidArgument)
    }

    @Test func goodExecutionNames() throws {
        for name in ["export-2026-01-01T00.00.00Z", String(repeating: "n", count: 80), "é-unicode"] {
            try StepFunctionsClient.validateExecutionName(name)
        }
    }

    static let credentials = AWSCredentials(accessKeyID: "AKIDMOTOTEST", secretAccessKey: "moto-secret-access-key")

    @Test func throttlingIsRetriedAndTheCallIsJSON10() async throws {
        let count = Counter()
        let server = try await ScriptedServer.start { _ in
            let body =
                count.next() == 0
                ? #"{"__type":"com.amazonaws.swf.base.model#ThrottlingException","message":"Rate exceeded"}"#
                : #"{"executionArn":"arn:aws:states:eu-west-1:123456789012:execution:m:n","startDate":1.7171712345E9}"#
            let status = body.contains("Throttling") ? "400 Bad Request" : "200 OK"
            return .answer("HTTP/1.1 \(status)\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")
        }
        defer { server.stop() }
        let client = StepFunctionsClient(
            credentials: Self.credentials, region: "eu-west-1", endpoint: server.endpoint, httpClient: AWSHTTPClient(),
            retryPolicy: AWSRetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(1), maxDelay: .milliseconds(5)))
        let started = try await client.startExecution(stateMachineArn: Self.machine, name: "n", input: #"{"a":1}"#)
        #expect(
            started
                == StepFunctionsStartedExecution(
                    executionArn: "arn:aws:states:eu-west-1:123456789012:execution:m:n", startDate: 1_717_171_234.5))
        #expect(server.requests.count == 2)
        let request = try #require(server.requests.last)
        #expect(request.hasPrefix("POST / HTTP/1.1\r\n"))
        #expect(request.contains("\r\nContent-Type: application/x-amz-json-1.0\r\n"))
        #expect(request.contains("\r\nX-Amz-Target: AWSStepFunctions.StartExecution\r\n"))
        #expect(request.contains("Credential=AKIDMOTOTEST/"))
        #expect(request.contains("/eu-west-1/states/aws4_request"))
        #expect(request.hasSuffix(#"{"stateMachineArn":"\#(Self.machine)","name":"n","input":"{\"a\":1}"}"#))
    }

    @Test func startAndDescribeAgainstMoto() async throws {
        let server = try await MotoServer.start()
        defer { server.stop() }
        let environment = [
            "AWS_ACCESS_KEY_ID": "AKIDMOTOTEST", "AWS_SECRET_ACCESS_KEY": "moto-secret-access-key",
            "AWS_REGION": "us-east-1", "AWS_ENDPOINT_URL_SFN": server.endpoint,
        ]
        let client = try StepFunctionsClient.fromEnvironment(environment)
        #expect(client.json.endpoint.url == server.endpoint + "/")
        let definition = #"{"StartAt":"Done","States":{"Done":{"Type":"Succeed"}}}"#
        let created = try await client.json.call(
            "CreateStateMachine",
            .object([
                ("name", .string("phoney-export")), ("definition", .string(definition)),
                ("roleArn", .string("arn:aws:iam::123456789012:role/phoney-export")),
            ]), resource: "state machine phoney-export")
        guard case .string(let machine)? = created["stateMachineArn"] else {
            Issue.record("no stateMachineArn in \(created.serialized)")
            return
        }

        let input = #"{"template":"t-1","count":100000000,"to":"s3://phoney-exports/run-1/"}"#
        let first = try await client.startExecution(stateMachineArn: machine, name: "run-1", input: input)
        let expectedArn = try StepFunctionsClient.executionArn(stateMachineArn: machine, name: "run-1")
        #expect(first.executionArn == expectedArn)
        #expect(first.startDate > 1_700_000_000)
        // A Standard workflow answers the same name and input with the same execution.
        let again = try await client.startExecution(stateMachineArn: machine, name: "run-1", input: input)
        #expect(again.executionArn == first.executionArn)

        let clash = await #expect(throws: AWSError.self) {
            try await client.startExecution(stateMachineArn: machine, name: "run-1", input: #"{"count":1}"#)
        }
        #expect(clash?.kind == .alreadyExists && clash?.awsCode == "ExecutionAlreadyExists")
        #expect(
            clash.map { "\($0)" }?.contains("states:StartExecution (state machine \(machine), execution run-1)") == true
        )

        let execution = try await client.describeExecution(executionArn: first.executionArn)
        #expect(execution.status == .running && !execution.status.isTerminal)
        #expect(execution.input == input)
        #expect(execution.name == "run-1" && execution.stateMachineArn == machine)
        #expect(execution.startDate == first.startDate)
        #expect(execution.stopDate == nil && execution.output == nil && execution.error == nil)

        let unnamed = try await client.startExecution(stateMachineArn: machine)
        #expect(unnamed.executionArn != first.executionArn)

        let missingArn = try StepFunctionsClient.executionArn(stateMachineArn: machine, name: "never-started")
        let missing = await #expect(throws: AWSError.self) {
            try await client.describeExecution(executionArn: missingArn)
        }
        #expect(missing?.kind == .notFound && missing?.awsCode == "ExecutionDoesNotExist")

        let noMachine = await #expect(throws: AWSError.self) {
            try await client.startExecution(stateMachineArn: machine + "-gone", name: "x")
        }
        #expect(noMachine?.kind == .notFound)
    }
}
