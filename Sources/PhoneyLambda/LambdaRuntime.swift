import Logging
import NIOCore
import NIOPosix
import PhoneyAPI
import PhoneyCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// The Lambda custom runtime: connect to the Runtime API, build the app from the configuration (reporting a bad
/// one through `init/error`), then answer invocations one after another until the process is stopped.
package enum LambdaRuntime {
    /// Where settings beyond the environment come from (SSM Parameter Store, Secrets Manager): given the
    /// environment, the remote values, which never override it.
    package typealias RemoteSettingsLoader = @Sendable ([String: String]) async throws -> [String: String]
    /// What the entry point adds for the settings (environment and remote values merged): export jobs and the
    /// handler of the events that are not API Gateway's.
    package typealias ExtensionsLoader = @Sendable ([String: String]) async throws -> LambdaExtensions

    /// Runs the runtime; returns only by exiting the process.
    package static func main(
        remoteSettings: RemoteSettingsLoader, extensions: ExtensionsLoader? = nil
    ) async -> Never {
        let environment = ProcessEnvironment.current()
        guard let address = environment["AWS_LAMBDA_RUNTIME_API"], !address.isEmpty else {
            ProcessEnvironment.standardError(
                "AWS_LAMBDA_RUNTIME_API is not set: this program runs only as a Lambda runtime")
            exit(1)
        }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        do {
            try await RuntimeAPIClient.withConnection(to: address, group: group) { client in
                let app: LambdaApp
                do {
                    app = try await makeApp(
                        environment: environment, remoteSettings: remoteSettings, extensions: extensions)
                } catch {
                    let message = "\(error)"
                    ProcessEnvironment.standardError("init failed: \(message)")
                    try await client.failInit(type: "Runtime.InitError", message: message)
                    exit(1)
                }
                try await serve(app, with: &client)
            }
        } catch {
            ProcessEnvironment.standardError(
                "runtime stopped: the connection to the Runtime API at \(address) failed (\(error)); Lambda starts a "
                    + "new execution environment")
            exit(1)
        }
        exit(0)
    }

    /// Answers invocations until the Runtime API connection fails.
    package static func serve(_ app: LambdaApp, with client: inout RuntimeAPIClient) async throws {
        while true {
            let invocation = try await client.next()
            switch await app.handle(invocation) {
            case .response(let document):
                let status = try await client.respond(to: invocation.requestID, with: ByteBuffer(bytes: document))
                if status != .accepted {
                    app.logger.error(
                        "the Runtime API refused the response",
                        metadata: [
                            "function_request_id": .string(invocation.requestID),
                            "status": .stringConvertible(status.code),
                            "bytes": .stringConvertible(document.count),
                        ])
                }
            case .failure(let type, let message):
                try await client.fail(invocation.requestID, type: type, message: message)
            }
        }
    }

    /// The app for the configuration in `environment` and the remote settings.
    ///
    /// Settings are the server's (`ENV_STATE`, `SECRET_KEY`, …); the environment wins over remote settings. Without `API_PASSWORD_HASH` outside production
    /// password login is off rather than given a generated password nobody could read. `LOG_LEVEL` falls back to
    /// Powertools' `POWERTOOLS_LOG_LEVEL`, then Lambda's `AWS_LAMBDA_LOG_LEVEL`. `LAMBDA_DEADLINE_RESERVE_MS` (default 100) is the time kept back from each
    /// invocation's deadline for sending the response.
    ///
    /// - Throws: the configuration's problems, or the remote settings' failure.
    package static func makeApp(
        environment: [String: String], remoteSettings: RemoteSettingsLoader, extensions: ExtensionsLoader? = nil,
        sink: LogSink = LogSink(), emit: (@Sendable ([UInt8]) -> Void)? = nil
    ) async throws -> LambdaApp {
        // The environment wins; a blank variable counts as unset, as everywhere in the configuration.
        var values = try await remoteSettings(environment)
        values.merge(environment.filter { !$0.value.allSatisfy(\.isWhitespace) }) { _, fromEnvironment in
            fromEnvironment
        }
        if values["LOG_LEVEL"] == nil, let level = values["POWERTOOLS_LOG_LEVEL"] ?? values["AWS_LAMBDA_LOG_LEVEL"] {
            values["LOG_LEVEL"] = level.uppercased() == "FATAL" ? "critical" : level
        }
        let config = try APIConfig.from(values, generatePassword: false)
        let functionName = values["AWS_LAMBDA_FUNCTION_NAME"]
        let memorySize = values["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"].flatMap { Int($0) }
        let service = values["POWERTOOLS_SERVICE_NAME"] ?? InvocationMetrics.defaultService
        let logger = JSONLogHandler.logger(
            config: config, sink: sink, label: "phoney",
            style: PowertoolsLogStyle(service: service, functionName: functionName, memorySize: memorySize))
        for notice in config.notices { logger.notice("\(notice)") }
        let added = try await extensions?(values) ?? LambdaExtensions()
        let api = await APIService(config: config, jobs: added.jobs)
        // The default locale's tables (names, addresses, words) are built once per process; build them here, in the
        // init phase, rather than in the first request, which would otherwise pay for them.
        _ = try? LocaleData.named("en_US")
        #if arch(arm64)
            let architecture = "arm64"
        #else
            let architecture = "x86_64"
        #endif
        let metrics = InvocationMetrics(
            functionName: functionName ?? "phoney", memoryMB: memorySize ?? 128, architecture: architecture,
            namespace: values["POWERTOOLS_METRICS_NAMESPACE"] ?? InvocationMetrics.defaultNamespace, service: service)
        var reserve = LambdaApp.defaultDeadlineReserveMilliseconds
        if let text = values["LAMBDA_DEADLINE_RESERVE_MS"], !text.allSatisfy(\.isWhitespace) {
            guard let milliseconds = Int(text.trimmingWhitespace()), (0...900_000).contains(milliseconds) else {
                throw ConfigError([
                    "LAMBDA_DEADLINE_RESERVE_MS must be a whole number from 0 to 900000 (got \"\(text)\")"
                ])
            }
            reserve = milliseconds
        }
        return LambdaApp(
            api: api, logger: logger, metrics: metrics, deadlineReserveMilliseconds: reserve, events: added.events,
            emit: emit ?? { sink.write($0) })
    }
}

/// What an entry point adds to the Lambda app (`bootstrap` adds export jobs when the deployment has them).
package struct LambdaExtensions: Sendable {
    /// Handles an event that is not API Gateway's: nil when it is not one of its events either.
    package typealias EventHandler = @Sendable (JSONValue, Deadline?) async -> LambdaApp.Outcome?

    package var jobs: (any ExportJobs)?
    package var events: EventHandler?

    package init(jobs: (any ExportJobs)? = nil, events: EventHandler? = nil) {
        self.jobs = jobs
        self.events = events
    }
}
